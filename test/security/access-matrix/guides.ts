import type { MatrixEntries } from './types.ts';

/** Guides are public reading (how to sign in must be readable before signing in); they hold nobody's data. */
const entries: MatrixEntries = {
  samples: async () => ({ '/api/v1/guides/': 'dang-nhap', '/api/v1/guide-screenshots/': 'dang-nhap.png' }),
  routes: {
    'GET /api/v1/guides': { target: 'global' },
    'GET /api/v1/guides/:slug': { target: 'global' },
    'GET /api/v1/guide-screenshots/:file': { target: 'global' },
  },
};
export default entries;
