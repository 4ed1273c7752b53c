import type { BenchDefinition } from './lib/types.ts';

/**
 * What a member's phone asks for when the app opens on the home screen: the account, member and roles
 * (`/api/v1/me`; the home tiles need nothing else yet), with sessions of members all over the province.
 */
const bench: BenchDefinition = {
  name: 'member-home',
  order: 10,
  target: { ratio: 0.3, p99_ms: 50, rss_mb: 300 },
  async prepare() {
    return {
      requests: [{ path: '/api/v1/me' }],
      as: 'members',
      note: 'GET /api/v1/me with rotating member sessions (session lookup, account, member, grants)',
    };
  },
};
export default bench;
