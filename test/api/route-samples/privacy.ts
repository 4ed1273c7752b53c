import type { RouteSamples } from './types.ts';

/** The personal data download acts on the caller's own account only. */
export const selfRoutes = ['GET /api/v1/me/personal-data'];

const samples: RouteSamples = async () => ({});
export default samples;
