import { createHash } from 'node:crypto';
import type { MatrixEntries } from './types.ts';

/** Reading aloud works on text the caller sends; audio is named by the content hash of its sentence. */
const entries: MatrixEntries = {
  samples: async () => ({
    '/api/v1/speech/audio/': createHash('sha256').update('Chi bộ thôn họp ngày mười chín.').digest('hex'),
  }),
  routes: {
    'POST /api/v1/speech/normalize': { target: 'global' },
    'POST /api/v1/speech/plan': { target: 'global' },
    'GET /api/v1/speech/plan': { target: 'global' },
    'GET /api/v1/speech/playlist': { target: 'global' },
    'GET /api/v1/speech/audio/:id': { target: 'global' },
  },
};
export default entries;
