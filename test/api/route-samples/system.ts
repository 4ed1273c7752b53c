import type { RouteSamples } from './types.ts';

/** The public liveness answer (the benchmarks' ceiling) names no resource; the other system routes refuse outsiders. */
export const selfRoutes = ['GET /api/v1/ping'];

const samples: RouteSamples = async () => ({});
export default samples;
