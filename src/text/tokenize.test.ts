import { describe, expect, it } from 'vitest';
import { bigrams, tokenize } from './tokenize.ts';
import { nfc } from './fold.ts';

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('splits Vietnamese syllables and folds them', () => {
    const tokens = tokenize('Nghị quyết Đảng');
    expect(tokens.map((t) => [t.text, t.folded, t.kind])).toEqual([
      ['Nghị', 'nghi', 'word'],
      ['quyết', 'quyet', 'word'],
      ['Đảng', 'dang', 'word'],
    ]);
  });

  it.each([
    ['Nghị quyết số 02-NQ/TU về CĐS', ['Nghị', 'quyết', 'số', '02-NQ/TU', 'về', 'CĐS']],
    ['Quyết định số 749/QĐ-TTg ngày 3/6/2020', ['Quyết', 'định', 'số', '749/QĐ-TTg', 'ngày', '3/6/2020']],
    ['Nghị định 12/2022/NĐ-CP.', ['Nghị', 'định', '12/2022/NĐ-CP']],
    ['ngày 19/11/2021,', ['ngày', '19/11/2021']],
    ['đạt 37,32%.', ['đạt', '37,32%']],
    ['hơn 13.000 đoàn viên', ['hơn', '13.000', 'đoàn', 'viên']],
    ['lúc 19:45 và 7h30', ['lúc', '19:45', 'và', '7h30']],
    ['mạng 4G/5G', ['mạng', '4G', '5G']],
    ['Covid-19', ['Covid', '19']],
    ['công nghệ 4.0.', ['công', 'nghệ', '4.0']],
    ['12-HD/BTCTW (6/7/2018)', ['12-HD/BTCTW', '6/7/2018']],
    ['“Sổ tay” — 😀 mới!', ['Sổ', 'tay', 'mới']],
    ['', []],
    ['... ,;', []],
    ['1.5ha', ['1', '5ha']],
    ['2021abc', ['2021abc']],
    ['37,32%abc', ['37,32', 'abc']],
    ['02-NQ/TU2', ['02', 'NQ', 'TU2']],
    ['1/2/', ['1/2']],
    ['ngày 3/6/2020.', ['ngày', '3/6/2020']],
    ['Số: 15/QĐ-UBND;', ['Số', '15/QĐ-UBND']],
  ])('%s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('classifies codes and numbers', () => {
    const kinds = tokenize('02-NQ/TU 37,32% xã').map((t) => t.kind);
    expect(kinds).toEqual(['code', 'number', 'word']);
  });

  it('folds codes so that a plain query finds them', () => {
    expect(tokenize('749/QĐ-TTg')[0]?.folded).toBe('749/qd-ttg');
  });

  it('gives offsets into the NFC text', () => {
    const input = 'Chị Nguyễn Thị Thu Lan chia sẻ: Tôi thấy hội nghị rất thiết thực.'.normalize('NFD');
    const source = nfc(input);
    for (const t of tokenize(input)) {
      expect(source.slice(t.start, t.end)).toBe(t.text);
      expect(t.text).toBe(t.text.normalize('NFC'));
    }
  });

  it('marks punctuation breaks', () => {
    const tokens = tokenize('Hà Nội, Thái Bình');
    expect(tokens.map((t) => t.breakBefore)).toEqual([true, false, true, false]);
  });
});

describe('bigrams', () => {
  it.each([
    ['chuyển đổi số', ['chuyen doi', 'doi so']],
    ['Chuyển đổi số', ['chuyen doi', 'doi so']],
    ['Nghị quyết số 02-NQ/TU', ['nghi quyet', 'quyet so', 'so 02-nq/tu']],
    ['Hà Nội, Thái Bình', ['ha noi', 'thai binh']],
    ['sinh hoạt chi bộ. Đảng viên', ['sinh hoat', 'hoat chi', 'chi bo', 'dang vien']],
    ['một', []],
    ['', []],
  ])('%s', (input, expected) => {
    expect(bigrams(tokenize(input))).toEqual(expected);
  });
});
