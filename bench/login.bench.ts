import type { BenchDefinition } from './lib/types.ts';

/**
 * Sign-in with login and password: dominated by the argon2id check (deliberately slow, in libuv's thread
 * pool), then one session row. Rotates over the generated members.
 */
const bench: BenchDefinition = {
  name: 'login',
  order: 90,
  async prepare(ctx) {
    const step = Math.max(1, Math.floor(ctx.members / 997));
    return {
      requests: (i) => ({
        method: 'POST',
        path: '/api/v1/auth/login',
        body: { login: `dv${1 + ((i * step) % ctx.members)}`, password: ctx.password },
      }),
      as: 'anonymous',
      connections: 8,
      note: 'POST /api/v1/auth/login (argon2id verify + new session)',
    };
  },
};
export default bench;
