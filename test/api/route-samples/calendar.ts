import type { RouteSamples } from './types.ts';

/** The personal calendar has no resource of its own: every route acts on the caller's account. */
const samples: RouteSamples = () => Promise.resolve({});
export default samples;

export const selfRoutes = [
  'GET /api/v1/calendar/mine',
  'POST /api/v1/calendar/feed',
  'DELETE /api/v1/calendar/feed',
];
