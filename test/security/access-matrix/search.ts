import type { MatrixEntries } from './types.ts';

/** Search answers only from what is published to the caller (checked per hit in search.api.test.ts). */
const entries: MatrixEntries = {
  routes: {
    'GET /api/v1/search': { target: 'own' },
  },
};
export default entries;
