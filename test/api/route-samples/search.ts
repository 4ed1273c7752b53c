import type { RouteSamples } from './types.ts';

/** Search answers only from what is published to the caller (checked per hit in search.api.test.ts). */
export const selfRoutes = ['GET /api/v1/search'];

const samples: RouteSamples = async () => ({});
export default samples;
