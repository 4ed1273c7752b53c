import { describe, expect, it } from 'vitest';
import { codeFromName, parseNumber, slug } from './admin-shared.tsx';

describe('codes from Vietnamese names', () => {
  it('drops marks, turns đ into d and joins words with underscores', () => {
    expect(slug('Nữ')).toBe('nu');
    expect(slug('  Từ 18 đến 30 tuổi ')).toBe('tu_18_den_30_tuoi');
    expect(codeFromName('Đảng viên được tặng Huy hiệu Đảng')).toBe('DANG_VIEN_DUOC_TANG_HUY_HIEU_DANG');
  });

  it('starts an indicator code with a letter and keeps option codes within 32 characters', () => {
    expect(codeFromName('30 năm tuổi Đảng')).toBe('CT_30_NAM_TUOI_DANG');
    expect(codeFromName('!!!')).toBe('');
    expect(slug('Đảng viên sinh hoạt tại nơi cư trú thường xuyên').length).toBeLessThanOrEqual(32);
    expect(slug('Đảng viên sinh hoạt tại nơi cư trú thường xuyên')).not.toMatch(/_$/);
  });
});

describe('numbers typed by people', () => {
  it('reads Vietnamese thousands and decimal marks', () => {
    expect(parseNumber('1.000')).toBe(1000);
    expect(parseNumber('1.234.567,5')).toBe(1234567.5);
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber(' 31 ')).toBe(31);
    expect(parseNumber('-1')).toBe(-1);
  });

  it('tells empty from not a number', () => {
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('mười')).toBeNaN();
  });
});
