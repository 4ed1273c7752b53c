import { createHash } from 'node:crypto';
import type { RouteSamples } from './types.ts';

/**
 * Speech audio is named by the content hash of the sentence it reads, not by a resource of a subtree: a caller
 * must present the sentence (from a plan it was allowed to make) with the hash, so a bare id gets nothing.
 */
const samples: RouteSamples = async () => ({
  '/api/v1/speech/audio/': createHash('sha256').update('Chi bộ thôn họp ngày mười chín.').digest('hex'),
});

export default samples;
