import type { BenchDefinition } from './lib/types.ts';

/** The ceiling: the cheapest route through the same server (hooks, security headers, JSON), no database. */
const bench: BenchDefinition = {
  name: 'ceiling',
  order: 0,
  async prepare() {
    return {
      requests: [{ path: '/api/v1/ping' }],
      as: 'anonymous',
      note: 'GET /api/v1/ping: hello-world route of the same server',
    };
  },
};
export default bench;
