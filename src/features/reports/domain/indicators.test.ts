import { describe, expect, it } from 'vitest';
import {
  buildCatalogue,
  formatValue,
  comboKeys,
  comboLabel,
  parseValueKey,
  validateCell,
  validateValue,
  valueKey,
  type DataIndicator,
} from './indicators.ts';
import { catalogue, indicator, INDICATORS } from './test-fixtures.ts';

const dvTong = indicator('DV_TONG');
const soBuoi = indicator('SO_BUOI');
const dangPhi = indicator('DANG_PHI');
const nhietDo = indicator('NHIET_DO');
const yesNo = indicator('CO_CHUYEN_DE');
const text = indicator('KIEN_NGHI');
const percent = indicator('TY_LE_KHAO_SAT');

describe('validateValue', () => {
  it('parses Vietnamese and plain numbers', () => {
    expect(validateValue(dvTong, '1.234')).toEqual({ ok: true, value: 1234 });
    expect(validateValue(dvTong, 1234)).toEqual({ ok: true, value: 1234 });
    expect(validateValue(dangPhi, '12,5')).toEqual({ ok: true, value: 12.5 });
    expect(validateValue(dangPhi, '1.250,75')).toEqual({ ok: true, value: 1250.75 });
    expect(validateValue(dangPhi, '12.5')).toEqual({ ok: true, value: 12.5 });
    expect(validateValue(nhietDo, '-5')).toEqual({ ok: true, value: -5 });
  });

  it('treats empty input as no value', () => {
    expect(validateValue(dvTong, '')).toEqual({ ok: true, value: null });
    expect(validateValue(dvTong, '   ')).toEqual({ ok: true, value: null });
    expect(validateValue(dvTong, null)).toEqual({ ok: true, value: null });
    expect(validateValue(text, undefined)).toEqual({ ok: true, value: null });
  });

  it('refuses the wrong type with REPORT_VALUE_TYPE and a Vietnamese message', () => {
    const r = validateValue(dvTong, '12,5');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('REPORT_VALUE_TYPE');
    expect(r.error.message).toBe('Giá trị của chỉ tiêu «Tổng số đảng viên» phải là số nguyên không âm.');
    expect(validateValue(dvTong, '-3')).toMatchObject({ ok: false, error: { code: 'REPORT_VALUE_TYPE' } });
    expect(validateValue(dvTong, 'mười')).toMatchObject({ ok: false, error: { code: 'REPORT_VALUE_TYPE' } });
    expect(validateValue(dvTong, Number.NaN)).toMatchObject({
      ok: false,
      error: { code: 'REPORT_VALUE_TYPE' },
    });
    expect(validateValue(dvTong, Infinity)).toMatchObject({
      ok: false,
      error: { code: 'REPORT_VALUE_TYPE' },
    });
    expect(validateValue(dvTong, true)).toMatchObject({ ok: false, error: { code: 'REPORT_VALUE_TYPE' } });
    expect(validateValue(nhietDo, 2.5)).toMatchObject({ ok: false, error: { code: 'REPORT_VALUE_TYPE' } });
    expect(validateValue(yesNo, 'có lẽ')).toMatchObject({ ok: false, error: { code: 'REPORT_VALUE_TYPE' } });
    expect(validateValue(text, { a: 1 })).toMatchObject({ ok: false, error: { code: 'REPORT_VALUE_TYPE' } });
  });

  it('checks min and max with REPORT_VALUE_RANGE', () => {
    const r = validateValue(soBuoi, 32);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'REPORT_VALUE_RANGE', details: { max: 31, value: 32 } },
    });
    if (!r.ok)
      expect(r.error.message).toBe('Giá trị của chỉ tiêu «Số buổi sinh hoạt chi bộ» phải từ 0 đến 31.');
    expect(validateValue(soBuoi, 31)).toEqual({ ok: true, value: 31 });
    const low = validateValue(nhietDo, -11);
    if (!low.ok) expect(low.error.message).toContain('từ -10 đến 50');
    expect(low.ok).toBe(false);
    expect(validateValue(dangPhi, '-0,5')).toMatchObject({
      ok: false,
      error: { code: 'REPORT_VALUE_RANGE' },
    });
  });

  it('reads percentages with or without the sign, within 0–100 by default', () => {
    expect(validateValue(percent, '85,5%')).toEqual({ ok: true, value: 85.5 });
    expect(validateValue(percent, '85,5 %')).toEqual({ ok: true, value: 85.5 });
    expect(validateValue(percent, 100)).toEqual({ ok: true, value: 100 });
    expect(validateValue(percent, '101')).toMatchObject({ ok: false, error: { code: 'REPORT_VALUE_RANGE' } });
    const growth: DataIndicator = { ...(percent as DataIndicator), max: 500 };
    expect(validateValue(growth, '150%')).toEqual({ ok: true, value: 150 });
  });

  it('reads yes/no in Vietnamese and plain forms', () => {
    for (const yes of ['Có', 'có', 'co', 'x', 'true', 1, true])
      expect(validateValue(yesNo, yes)).toEqual({ ok: true, value: true });
    for (const no of ['Không', 'khong', 'ko', 'false', 0, false])
      expect(validateValue(yesNo, no)).toEqual({ ok: true, value: false });
  });

  it('normalises text to NFC and limits its length in characters', () => {
    const decomposed = 'Đề nghị sửa đường'.normalize('NFD');
    expect(validateValue(text, `  ${decomposed} `)).toEqual({
      ok: true,
      value: 'Đề nghị sửa đường'.normalize('NFC'),
    });
    expect(validateValue(text, 'ạ'.repeat(200))).toMatchObject({ ok: true });
    expect(validateValue(text, 'ạ'.repeat(201))).toMatchObject({
      ok: false,
      error: { code: 'REPORT_VALUE_TOO_LONG' },
    });
  });

  it('refuses entries for formula indicators', () => {
    expect(validateValue(indicator('TY_LE_DU_HOP'), 50)).toMatchObject({
      ok: false,
      error: { code: 'REPORT_VALUE_NOT_ENTERABLE' },
    });
  });
});

describe('combos and value keys', () => {
  const dvMoi = indicator('DV_MOI') as DataIndicator;

  it('enumerates the cartesian product of categories', () => {
    expect(comboKeys(dvMoi)).toEqual(['nam.duoi_30', 'nam.tu_30', 'nu.duoi_30', 'nu.tu_30']);
    expect(comboKeys(dvTong as DataIndicator)).toEqual(['']);
    expect(comboLabel(dvMoi, 'nu.duoi_30')).toBe('Nữ, Dưới 30 tuổi');
    expect(comboLabel(dvMoi, '')).toBe('Tổng số');
  });

  it('builds and parses value keys', () => {
    expect(valueKey('DV_MOI', 'nu.tu_30')).toBe('DV_MOI[nu.tu_30]');
    expect(valueKey('DV_TONG')).toBe('DV_TONG');
    expect(parseValueKey('DV_MOI[nu.tu_30]')).toEqual({ code: 'DV_MOI', combo: 'nu.tu_30' });
    expect(parseValueKey('DV_TONG')).toEqual({ code: 'DV_TONG', combo: '' });
  });

  it('validateCell checks indicator, combo and value together', () => {
    const cat = catalogue();
    expect(validateCell(cat, 'DV_MOI', 'nu.duoi_30', '2')).toEqual({ ok: true, value: 2 });
    expect(validateCell(cat, 'DV_MOI', 'nu', '2')).toMatchObject({
      ok: false,
      error: { code: 'REPORT_VALUE_COMBO' },
    });
    expect(validateCell(cat, 'DV_TONG', 'nam', '2')).toMatchObject({
      ok: false,
      error: { code: 'REPORT_VALUE_COMBO' },
    });
    expect(validateCell(cat, 'KHONG_CO', '', '2')).toMatchObject({
      ok: false,
      error: { code: 'REPORT_UNKNOWN_INDICATOR' },
    });
  });
});

describe('buildCatalogue', () => {
  it('accepts the fixture catalogue and parses formulas once', () => {
    const cat = catalogue();
    expect(cat.indicators.size).toBe(INDICATORS.length);
    expect(cat.formulas.get('TY_LE_DU_HOP')?.denominator.kind).toBe('arith');
  });

  it('lists every problem at once', () => {
    const r = buildCatalogue([
      { kind: 'data', code: 'dv tong', name: 'Sai mã', valueType: 'integer', aggregation: 'sum' },
      { kind: 'data', code: 'A', name: 'A', valueType: 'text', aggregation: 'sum' },
      {
        kind: 'data',
        code: 'A',
        name: 'A lần hai',
        valueType: 'integer',
        aggregation: 'sum',
        min: 5,
        max: 1,
      },
      { kind: 'data', code: 'P', name: 'Tỷ lệ', valueType: 'percentage', aggregation: 'sum' },
      { kind: 'data', code: 'T', name: 'Ghi chú', valueType: 'text', aggregation: 'none' },
      { kind: 'formula', code: 'F', name: 'Công thức', numerator: 'T', denominator: 'KHONG_CO', factor: 100 },
      { kind: 'formula', code: 'G', name: 'Sai cú pháp', numerator: 'A +', denominator: 'A', factor: 0 },
      { kind: 'formula', code: 'AND', name: 'Từ khóa', numerator: 'A', denominator: 'A < 1', factor: 1 },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('REPORT_CATALOGUE_INVALID');
    const problems = r.error.details?.problems as string[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('“dv tong” không hợp lệ'),
        expect.stringContaining('“A” bị trùng'),
        expect.stringContaining('không thể tổng hợp'),
        expect.stringContaining('lớn hơn giá trị lớn nhất'),
        expect.stringContaining('Tỷ lệ «Tỷ lệ» không cộng dồn được'),
        expect.stringContaining('Tử số của «Công thức» dùng “T”'),
        expect.stringContaining('Mẫu số của «Công thức» dùng “KHONG_CO”'),
        expect.stringContaining('Hệ số của chỉ tiêu «Sai cú pháp»'),
        expect.stringContaining('Tử số của «Sai cú pháp»: Biểu thức kết thúc đột ngột.'),
        expect.stringContaining('“AND” không hợp lệ'),
        expect.stringContaining('Mẫu số của «Từ khóa»: Biểu thức phải cho ra một số'),
      ]),
    );
  });

  it('rejects duplicate or empty disaggregation options', () => {
    const r = buildCatalogue([
      {
        kind: 'data',
        code: 'X',
        name: 'X',
        valueType: 'integer',
        aggregation: 'sum',
        categories: [
          {
            code: 'c',
            name: 'C',
            options: [
              { code: 'a', name: 'A' },
              { code: 'a', name: 'A' },
            ],
          },
          { code: 'd', name: 'Trống', options: [] },
        ],
      },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        /Mục phân tổ “a” bị trùng.*Phân tổ “Trống”.*chưa có mục nào|chưa có mục nào.*bị trùng/,
      );
  });
});

describe('formatValue', () => {
  it('shows values the Vietnamese way with unit and rounding', () => {
    expect(formatValue(indicator('TY_LE_DU_HOP'), 87.54)).toBe('87,5 %');
    expect(formatValue(indicator('DV_TONG'), 108600)).toBe('108.600 người');
    expect(formatValue(indicator('CO_CHUYEN_DE'), true)).toBe('Có');
    expect(formatValue(indicator('CO_CHUYEN_DE'), false)).toBe('Không');
    expect(formatValue(indicator('KIEN_NGHI'), 'Đề nghị')).toBe('Đề nghị');
    expect(formatValue(indicator('DV_TONG'), null)).toBe('');
  });
});

describe('range messages', () => {
  it('names only the bound that exists', () => {
    const capped: DataIndicator = {
      kind: 'data',
      code: 'X',
      name: 'Số tổ',
      valueType: 'integer',
      aggregation: 'sum',
      max: 9,
    };
    const floored: DataIndicator = { ...capped, max: undefined, min: 1 };
    const high = validateValue(capped, '10');
    const low = validateValue(floored, '0');
    expect(high.ok || high.error.message).toBe('Giá trị của chỉ tiêu «Số tổ» phải không lớn hơn 9.');
    expect(low.ok || low.error.message).toBe('Giá trị của chỉ tiêu «Số tổ» phải không nhỏ hơn 1.');
    expect(validateValue(capped, '-1.000')).toEqual({ ok: true, value: -1000 });
  });
});
