import { describe, expect, it } from 'vitest';
import { canonicalText, chunkSentence } from './sentences.ts';

describe('canonicalText', () => {
  it('composes to NFC and collapses whitespace', () => {
    const decomposed = 'Đa\u0309ng  vie\u0302n\n';
    expect(canonicalText(decomposed)).toBe('Đảng viên');
  });
});

describe('chunkSentence', () => {
  it('keeps a short sentence whole', () => {
    expect(chunkSentence({ text: 'Chi bộ họp.', start: 10, end: 21 })).toEqual([
      { text: 'Chi bộ họp.', start: 10, end: 21 },
    ]);
  });

  it('splits a long sentence at clause breaks, each piece within the limit, offsets into the source', () => {
    const source =
      'Mở đầu. Chi bộ đã triển khai học tập nghị quyết, tổ chức sinh hoạt chuyên đề, ' +
      'theo dõi nhiệm vụ của từng đảng viên, tiếp nhận ý kiến của nhân dân; kết quả được báo cáo cấp ủy cấp trên.';
    const start = source.indexOf('Chi bộ');
    const span = { text: source.slice(start), start, end: source.length };
    const pieces = chunkSentence(span, 60);
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(60);
      expect(source.slice(piece.start, piece.end)).toBe(piece.text);
    }
    expect(pieces[0]?.text).toBe('Chi bộ đã triển khai học tập nghị quyết,');
    expect(pieces.map((p) => p.text).join(' ')).toBe(span.text);
  });

  it('falls back to spaces, then to a hard cut for a run without spaces', () => {
    const words = chunkSentence({ text: 'một hai ba bốn năm sáu bảy tám chín mười', start: 0, end: 41 }, 12);
    expect(words.every((p) => p.text.length <= 12 && !p.text.startsWith(' '))).toBe(true);
    expect(words.map((p) => p.text).join(' ')).toBe('một hai ba bốn năm sáu bảy tám chín mười');
    const run = 'x'.repeat(25);
    expect(chunkSentence({ text: run, start: 0, end: 25 }, 10).map((p) => p.text.length)).toEqual([
      10, 10, 5,
    ]);
  });

  it('keeps the first piece shorter when asked, the rest at the normal limit', () => {
    const text =
      'Chi bộ có tám mươi mốt đảng viên, trong đó bốn mươi chín đảng viên thường xuyên sinh hoạt, còn lại đi làm ăn xa.';
    const pieces = chunkSentence({ text, start: 0, end: text.length }, 200, 40);
    expect(pieces.map((p) => p.text)).toEqual([
      'Chi bộ có tám mươi mốt đảng viên,',
      'trong đó bốn mươi chín đảng viên thường xuyên sinh hoạt, còn lại đi làm ăn xa.',
    ]);
  });
});
