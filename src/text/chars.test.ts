import { describe, expect, it } from 'vitest';
import { DIGIT, LETTER, MARK, NUMBER, SPACE, UPPER, charClass, classAt } from './chars.ts';

const cls = (ch: string): number => charClass(ch.charCodeAt(0));

describe('character classes', () => {
  it.each([
    ['a', LETTER],
    ['Đ', LETTER | UPPER],
    ['ự', LETTER],
    ['Ữ', LETTER | UPPER],
    ['5', NUMBER | DIGIT],
    ['²', NUMBER],
    ['\u0301', MARK],
    [' ', SPACE],
    ['\u00a0', SPACE],
    ['\n', SPACE],
    [',', 0],
    ['%', 0],
    ['\ud83d', 0], // half of an emoji
  ])('%j', (ch, bits) => {
    expect(cls(ch)).toBe(bits);
  });

  it('agrees with Unicode properties over the Latin and Vietnamese ranges', () => {
    for (let c = 0; c < 0x2000; c++) {
      const ch = String.fromCharCode(c);
      const expected =
        (/\p{L}/u.test(ch) ? LETTER : 0) |
        (/\p{M}/u.test(ch) ? MARK : 0) |
        (/\p{N}/u.test(ch) ? NUMBER : 0) |
        (/\p{Lu}/u.test(ch) ? UPPER : 0) |
        (/[0-9]/.test(ch) ? DIGIT : 0) |
        (/\s/u.test(ch) ? SPACE : 0);
      expect(charClass(c), `U+${c.toString(16)}`).toBe(expected);
    }
  });

  it('is 0 outside the string', () => {
    expect(classAt('a', -1)).toBe(0);
    expect(classAt('a', 1)).toBe(0);
    expect(classAt('a', 0)).toBe(LETTER);
  });
});
