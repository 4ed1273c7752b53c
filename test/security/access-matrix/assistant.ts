import type { MatrixEntries } from './types.ts';

/** Asking answers from the caller's own view; suggestions are refused (404) for items the caller cannot see. */
const entries: MatrixEntries = {
  routes: {
    'POST /api/v1/assistant/ask': {
      target: 'own',
      body: () => ({ question: 'Nghị quyết về chuyển đổi số' }),
    },
    'GET /api/v1/assistant/suggestions': { target: 'global' },
  },
};
export default entries;
