import { fold } from './fold.ts';

// Onset + vowel nucleus + optional coda, on the folded form. Loose on purpose: it only has to tell a word
// written in capitals ("THI ĐUA", "NGƯỜI") from an acronym ("QR", "GRDP") that should be spelled out.
const SYLLABLE =
  /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

/** Whether `word` (any case, with or without marks) can be read as one Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  return SYLLABLE.test(fold(word));
}
