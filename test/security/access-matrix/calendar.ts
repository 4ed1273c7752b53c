import type { MatrixEntries } from './types.ts';

/** The personal calendar acts only on the caller's own account; the feed is public behind its token. */
const entries: MatrixEntries = {
  routes: {
    'GET /api/v1/calendar/mine': { target: 'own' },
    'POST /api/v1/calendar/feed': { target: 'own' },
    'DELETE /api/v1/calendar/feed': { target: 'own' },
  },
};
export default entries;
