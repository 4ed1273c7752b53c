import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForSpeech } from './normalize.ts';

// Pieces that exercise every branch of the normaliser, glued in random order with random separators.
const PIECES = [
  '19/11/2021',
  '31/02/2021',
  '1..2',
  '37,32%',
  '1.200',
  '02-NQ/TU',
  '749/QĐ-TTg',
  'XIII',
  'Đại hội',
  'lần thứ',
  'ngày',
  'tháng',
  '7h30',
  '19:45',
  '0912345678',
  '+84',
  'a@b.vn',
  'http://x.vn/a?b=1',
  'UBND',
  'TP.',
  '3km',
  '°C',
  '😀',
  '-',
  '/',
  '%',
  ':',
  '.',
  ',',
  ' ',
  '\n',
];

describe('normalizeForSpeech properties', () => {
  it('never throws and leaves no ASCII digit on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(normalizeForSpeech(text)).not.toMatch(/[0-9]/);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and leaves no ASCII digit on mixes of tricky pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (pieces) => {
        expect(normalizeForSpeech(pieces.join(''))).not.toMatch(/[0-9]/);
      }),
      { numRuns: 1000 },
    );
  });
});
