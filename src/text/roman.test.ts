import { describe, expect, it } from 'vitest';
import { parseRoman } from './roman.ts';
import { isVietnameseSyllable } from './syllable.ts';

describe('parseRoman', () => {
  it.each([
    ['I', 1],
    ['IV', 4],
    ['V', 5],
    ['IX', 9],
    ['XIII', 13],
    ['XIV', 14],
    ['XXI', 21],
    ['XXIV', 24],
    ['XL', 40],
    ['XC', 90],
    ['MCMXCV', 1995],
    ['MMXXV', 2025],
  ])('%s = %i', (s, v) => {
    expect(parseRoman(s)).toBe(v);
  });

  it.each(['', 'IIII', 'VX', 'IC', 'xiii', 'ABC', 'MMMM'])('rejects %j', (s) => {
    expect(parseRoman(s)).toBeUndefined();
  });
});

describe('isVietnameseSyllable', () => {
  it.each(['THI', 'ĐUA', 'NGƯỜI', 'nghiêng', 'KHUYẾN', 'QUYỀN', 'gì', 'a', 'oanh', 'TRƯỜNG', 'NGOÀI'])(
    '%s is a syllable',
    (w) => {
      expect(isVietnameseSyllable(w)).toBe(true);
    },
  );

  it.each(['QR', 'GRDP', 'UBND', 'TNHH', 'ATM', 'BCH', 'xyz', 'gov'])('%s is not', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});
