import type { MatrixEntries } from './types.ts';

/** Personal data download is the caller's own; erasure is an administrator's act on a member of the subtree. */
const entries: MatrixEntries = {
  routes: {
    'GET /api/v1/me/personal-data': { target: 'own' },
    'POST /api/v1/members/:id/erase': {
      target: 'branch',
      body: () => ({ confirmFullName: 'Không khớp', reason: 'Đã chuyển đi' }),
    },
  },
};
export default entries;
