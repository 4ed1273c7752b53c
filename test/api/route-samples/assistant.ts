import type { RouteSamples } from './types.ts';

/** The assistant answers from what the caller may see; it takes no one else's resource. */
const samples: RouteSamples = () => Promise.resolve({});
export default samples;

export const selfRoutes = ['POST /api/v1/assistant/ask'];
