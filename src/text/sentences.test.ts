import { describe, expect, it } from 'vitest';
import { nfc } from './fold.ts';
import { splitParagraphs, splitSentences } from './sentences.ts';

const sentences = (s: string): string[] => splitSentences(s).map((x) => x.text);

describe('splitParagraphs', () => {
  it('splits on blank lines and keeps soft-wrapped lines together (seed layout)', () => {
    const text =
      'Hướng tới Đại hội đại \nbiểu Công đoàn \nViệt Nam lần thứ \n\nXIII, nhiệm kỳ 2023 - 2028.\n \n\nHội nghị tiếp xúc.';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual([
      'Hướng tới Đại hội đại \nbiểu Công đoàn \nViệt Nam lần thứ',
      'XIII, nhiệm kỳ 2023 - 2028.',
      'Hội nghị tiếp xúc.',
    ]);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('handles Windows line endings and empty input', () => {
    expect(splitParagraphs('Một.\r\n\r\nHai.').map((p) => p.text)).toEqual(['Một.', 'Hai.']);
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(' \n\n ')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it.each([
    ['Một. Hai! Ba? Bốn…', ['Một.', 'Hai!', 'Ba?', 'Bốn…']],
    [
      'Tại TP. Thái Bình, hội nghị diễn ra. Sau đó bế mạc.',
      ['Tại TP. Thái Bình, hội nghị diễn ra.', 'Sau đó bế mạc.'],
    ],
    ['PGS.TS. Nguyễn Văn An phát biểu. Ông nói.', ['PGS.TS. Nguyễn Văn An phát biểu.', 'Ông nói.']],
    ['Th.S Lê Hoa và ThS. Trần Minh dự. Hết.', ['Th.S Lê Hoa và ThS. Trần Minh dự.', 'Hết.']],
    ['GS. Phan và TS. Lê đến.', ['GS. Phan và TS. Lê đến.']],
    ['Hơn 1.200 người đạt 37,32%. Tỷ lệ tăng.', ['Hơn 1.200 người đạt 37,32%.', 'Tỷ lệ tăng.']],
    [
      'Ngày 19/11/2021 họp. Quyết định 749/QĐ-TTg có hiệu lực.',
      ['Ngày 19/11/2021 họp.', 'Quyết định 749/QĐ-TTg có hiệu lực.'],
    ],
    [
      'Xem tại chuyendoiso.thaibinh.gov.vn. Liên hệ van.phong@thaibinh.gov.vn ngay.',
      ['Xem tại chuyendoiso.thaibinh.gov.vn.', 'Liên hệ van.phong@thaibinh.gov.vn ngay.'],
    ],
    ['sách, báo, v.v. Sau đó về.', ['sách, báo, v.v.', 'Sau đó về.']],
    ['sách, v.v. và báo.', ['sách, v.v. và báo.']],
    [
      'Đại hội lần thứ XIII. Tham gia hội nghị có lãnh đạo.',
      ['Đại hội lần thứ XIII.', 'Tham gia hội nghị có lãnh đạo.'],
    ],
    ['Anh nói: "Tôi rất vui." Chị cười.', ['Anh nói: "Tôi rất vui."', 'Chị cười.']],
    ['Vậy sao... chắc thế.', ['Vậy sao... chắc thế.']],
    ['năm 2021. 2022 tốt hơn.', ['năm 2021.', '2022 tốt hơn.']],
    ['Nhiệm vụ:\n- Họp chi bộ\n- Thu đảng phí', ['Nhiệm vụ:', '- Họp chi bộ', '- Thu đảng phí']],
    ['Một\n\nHai', ['Một', 'Hai']],
    ['', []],
    ['Không có dấu chấm', ['Không có dấu chấm']],
  ])('%s', (input, expected) => {
    expect(sentences(input)).toEqual(expected);
  });

  it('gives offsets into the NFC text', () => {
    const input =
      'Đồng chí Đỗ Như Lãm cho biết. Tỷ lệ dân số có điện thoại thông minh ước đạt 66%.'.normalize('NFD');
    const source = nfc(input);
    const spans = splitSentences(input);
    expect(spans).toHaveLength(2);
    for (const s of spans) expect(source.slice(s.start, s.end)).toBe(s.text);
  });
});
