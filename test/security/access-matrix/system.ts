import type { MatrixEntries } from './types.ts';

/** Operations views of the job queue and the event bus: administrators of a root only, not of a commune. */
const root = { target: 'global' as const, inside: [] };
const entries: MatrixEntries = {
  routes: {
    // The public liveness answer names no resource.
    'GET /api/v1/ping': { target: 'global' },
    'POST /api/v1/system/events/probe': root,
    'GET /api/v1/system/events': root,
    'GET /api/v1/system/jobs': root,
    'POST /api/v1/system/jobs/probe': root,
  },
};
export default entries;
