import { describe, expect, it } from 'vitest';
import { highlightParts } from './highlight.ts';

describe('highlightParts', () => {
  it('splits text at the marked ranges', () => {
    expect(
      highlightParts('chuyển đổi số', [
        [7, 10],
        [0, 6],
      ]),
    ).toEqual([
      { text: 'chuyển', marked: true },
      { text: ' ', marked: false },
      { text: 'đổi', marked: true },
      { text: ' số', marked: false },
    ]);
  });

  it('ignores overlapping or out-of-range offsets and keeps markup as text', () => {
    expect(
      highlightParts('<b>x</b>', [
        [0, 3],
        [1, 2],
        [5, 99],
      ]),
    ).toEqual([
      { text: '<b>', marked: true },
      { text: 'x</b>', marked: false },
    ]);
  });
});
