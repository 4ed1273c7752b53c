import { describe, expect, it } from 'vitest';
import { fold, nfc } from './fold.ts';

describe('nfc', () => {
  it('composes decomposed Vietnamese', () => {
    const decomposed = 'Nghi\u0323 quyê\u0301t';
    expect(decomposed).not.toBe('Nghị quyết');
    expect(nfc(decomposed)).toBe('Nghị quyết');
  });
});

describe('fold', () => {
  it.each([
    ['Đảng', 'dang'],
    ['ĐẢNG', 'dang'],
    ['đảng viên', 'dang vien'],
    ['Nghị quyết', 'nghi quyet'],
    ['Chuyển đổi số', 'chuyen doi so'],
    ['Thái Bình', 'thai binh'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
    ['Hội đồng nhân dân', 'hoi dong nhan dan'],
    ['Liên đoàn Lao động', 'lien doan lao dong'],
    ['người lao động', 'nguoi lao dong'],
    ['Trường Sa', 'truong sa'],
    ['ươm mầm', 'uom mam'],
    ['khuyến khích', 'khuyen khich'],
    ['Ăn quả nhớ kẻ trồng cây', 'an qua nho ke trong cay'],
    ['ỨNG DỤNG CÔNG NGHỆ', 'ung dung cong nghe'],
    ['Hướng dẫn 12-HD/BTCTW', 'huong dan 12-hd/btctw'],
    ['749/QĐ-TTg', '749/qd-ttg'],
    ['37,32%', '37,32%'],
    ['19/11/2021', '19/11/2021'],
    ['Kỳ họp thứ 5', 'ky hop thu 5'],
    ['Quỹ', 'quy'],
    ['Ỹ ỹ Ỵ ỵ Ỷ ỷ Ỳ ỳ Ý ý', 'y y y y y y y y y y'],
    ['Ạ Ặ Ậ Ẹ Ệ Ị Ọ Ộ Ợ Ụ Ự', 'a a a e e i o o o u u'],
    ['ă â ê ô ơ ư', 'a a e o o u'],
    ['Ðảng', 'dang'], // U+00D0 typed instead of Đ
    ['', ''],
    ['abc 123', 'abc 123'],
    ['“Sổ tay” — 😀', '“so tay” — 😀'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('folds decomposed input the same as composed input', () => {
    const composed = 'Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2020 - 2025';
    expect(fold(composed.normalize('NFD'))).toBe(fold(composed));
  });

  it('keeps length for NFC input, so offsets stay valid', () => {
    const text = 'Sinh hoạt chi bộ thường kỳ tháng 9/2022 của Đảng bộ phường Tiền Phong';
    expect(fold(text)).toHaveLength(text.length);
  });

  it('returns the same string when nothing changes', () => {
    const s = 'da xong 100%';
    expect(fold(s)).toBe(s);
  });

  it('handles long text beyond one output chunk', () => {
    const long = 'Đảng viên '.repeat(5000);
    expect(fold(long)).toBe('dang vien '.repeat(5000));
  });

  it('lower-cases letters outside Latin too', () => {
    expect(fold('ΑΒΓ')).toBe('αβγ');
  });
});
