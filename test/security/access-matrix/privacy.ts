import type { MatrixEntries } from './types.ts';

/**
 * Personal data download is the caller's own; erasure is an administrator's act on a member of the subtree;
 * retention periods cover the whole installation and are set by administrators of a root organisation only
 * (the matrix's administrators hold a commune).
 */
const root = { target: 'global' as const, inside: [] };
const entries: MatrixEntries = {
  routes: {
    'GET /api/v1/me/personal-data': { target: 'own' },
    'POST /api/v1/members/:id/erase': {
      target: 'branch',
      body: () => ({ confirmFullName: 'Không khớp', reason: 'Đã chuyển đi' }),
    },
    'GET /api/v1/privacy/retention': root,
    'PUT /api/v1/privacy/retention': { ...root, body: () => ({ sessions: 365 }) },
  },
};
export default entries;
