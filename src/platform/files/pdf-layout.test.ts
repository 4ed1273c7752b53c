import { describe, expect, it } from 'vitest';
import { pdfParagraphs } from './pdf-layout.ts';
import type { PdfTextItem } from './pdf-layout.ts';

// Lines of 12 pt text; `gap` is the distance from the previous baseline.
function lines(...specs: Array<[string, number]>): PdfTextItem[] {
  let y = 800;
  return specs.map(([str, gap]) => {
    y -= gap;
    return { str, x: 56, y, width: str.length * 6, height: 12, hasEOL: true };
  });
}

describe('pdfParagraphs', () => {
  it('joins wrapped lines and splits at larger gaps', () => {
    const page = lines(['Đảng bộ tỉnh Thái Bình', 0], ['lãnh đạo chuyển đổi số.', 14], ['Đoạn hai.', 38]);
    expect(pdfParagraphs([page])).toEqual(['Đảng bộ tỉnh Thái Bình lãnh đạo chuyển đổi số.', 'Đoạn hai.']);
  });

  it('starts a paragraph at list markers even without extra spacing', () => {
    const page = lines(
      ['Nội dung:', 0],
      ['- điểm danh;', 14],
      ['a) thu đảng phí;', 14],
      ['II. Nhiệm vụ', 14],
    );
    expect(pdfParagraphs([page])).toEqual(['Nội dung:', '- điểm danh;', 'a) thu đảng phí;', 'II. Nhiệm vụ']);
  });

  it('puts runs of one line together, with a space only where there is a visible gap', () => {
    const page: PdfTextItem[] = [
      { str: 'Đ', x: 56, y: 700, width: 8, height: 12, hasEOL: false },
      { str: 'ảng', x: 64, y: 700, width: 20, height: 12, hasEOL: false },
      { str: 'viên', x: 90, y: 700.5, width: 24, height: 12, hasEOL: true },
    ];
    expect(pdfParagraphs([page])).toEqual(['Đảng viên']);
  });

  it('joins a sentence cut by a page break but not a finished one', () => {
    const p1 = lines(['Cấp ủy đã ban hành kế hoạch và', 0]);
    const p2 = lines(['triển khai đến từng chi bộ.', 0], ['Chi bộ họp ngày 5.', 40]);
    const p3 = lines(['nhưng câu mới viết thường.', 0]);
    expect(pdfParagraphs([p1, p2, p3])).toEqual([
      'Cấp ủy đã ban hành kế hoạch và triển khai đến từng chi bộ.',
      'Chi bộ họp ngày 5.',
      'nhưng câu mới viết thường.',
    ]);
  });

  it('ignores empty end-of-line markers and blank pages', () => {
    const page: PdfTextItem[] = [
      { str: 'Một', x: 56, y: 700, width: 20, height: 12, hasEOL: false },
      { str: '', x: 0, y: 0, width: 0, height: 0, hasEOL: true },
      { str: 'Hai', x: 56, y: 686, width: 20, height: 12, hasEOL: true },
    ];
    expect(pdfParagraphs([[], page, []])).toEqual(['Một Hai']);
  });
});
