import type { RouteSamples } from './types.ts';

/** Two-factor routes act only on the caller's own account. */
export const selfRoutes = [
  'GET /api/v1/auth/two-factor',
  'POST /api/v1/auth/two-factor/enrol',
  'POST /api/v1/auth/two-factor/confirm',
  'POST /api/v1/auth/two-factor/verify',
  'POST /api/v1/auth/two-factor/cancel',
  'POST /api/v1/auth/two-factor/recovery-codes',
  'POST /api/v1/auth/two-factor/disable',
];

const samples: RouteSamples = async () => ({});
export default samples;
