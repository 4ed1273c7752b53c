import type { RouteSamples } from './types.ts';

/** Guides are public reading (how to sign in must be readable before signing in); they hold nobody's data. */
const samples: RouteSamples = async () => ({});
export default samples;

export const selfRoutes = [
  'GET /api/v1/guides',
  'GET /api/v1/guides/:slug',
  'GET /api/v1/guide-screenshots/:file',
];
