import type { MatrixEntries } from './types.ts';

/** Supervision of the side's branch: every committee role over it (the `supervise` permission), no member. */
const entries: MatrixEntries = {
  routes: {
    'GET /api/v1/orgs/:id/supervision': { target: 'branch' },
    'GET /api/v1/orgs/:id/supervision/records': { target: 'branch' },
    'GET /api/v1/orgs/:id/supervision/export': { target: 'branch' },
  },
};
export default entries;
