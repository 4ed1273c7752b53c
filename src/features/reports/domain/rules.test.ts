import { describe, expect, it } from 'vitest';
import { checkRules, compileRules, referenceValue, type CompiledRule, type ValidationRule } from './rules.ts';
import { checkSubmission } from './submission.ts';
import type { DataIndicator } from './indicators.ts';
import { catalogue, indicator, MONTHLY_TEMPLATE } from './test-fixtures.ts';
import type { ReportEntry } from './templates.ts';

const cat = catalogue();

const RULES: ValidationRule[] = [
  {
    code: 'R1',
    name: 'Số đảng viên dự sinh hoạt không vượt quá số phải dự',
    expression: 'DV_CO_MAT <= DV_TONG - DV_MIEN',
    severity: 'error',
    instruction: 'Kiểm tra lại số đảng viên miễn sinh hoạt.',
  },
  {
    code: 'R2',
    name: 'Tỷ lệ dự sinh hoạt dưới 50% cần giải trình',
    expression: 'DV_CO_MAT * 2 >= DV_TONG - DV_MIEN',
    severity: 'warning',
  },
  {
    code: 'R3',
    name: 'Đảng viên mới không vượt quá tổng số',
    expression: 'DV_MOI <= DV_TONG',
    severity: 'error',
  },
];

function compiled(rules: ValidationRule[] = RULES): CompiledRule[] {
  const r = compileRules(rules, cat);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('compileRules', () => {
  it('rejects bad syntax, non-comparisons, unknown or text indicators and unknown combos', () => {
    const r = compileRules(
      [
        { code: 'A', name: 'Cú pháp', expression: 'DV_TONG <=', severity: 'error' },
        { code: 'B', name: 'Không so sánh', expression: 'DV_TONG + 1', severity: 'error' },
        { code: 'C', name: 'Chỉ tiêu lạ', expression: 'KHONG_CO > 0', severity: 'error' },
        { code: 'D', name: 'Văn bản', expression: 'KIEN_NGHI > 0', severity: 'warning' },
        { code: 'E', name: 'Phân tổ lạ', expression: 'DV_MOI[khac] >= 0', severity: 'warning' },
        { code: 'E', name: 'Trùng mã', expression: 'DV_TONG >= 0', severity: 'warning' },
        { code: 'F', name: 'Công thức', expression: 'TY_LE_DU_HOP <= 100', severity: 'warning' },
      ],
      cat,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('REPORT_RULE_SYNTAX');
    expect(r.error.details?.problems).toEqual([
      'Quy tắc «Cú pháp»: Biểu thức kết thúc đột ngột.',
      'Quy tắc «Không so sánh»: Biểu thức kiểm tra phải là một phép so sánh (ví dụ A <= B).',
      'Quy tắc «Chỉ tiêu lạ» dùng “KHONG_CO”, không phải chỉ tiêu số liệu.',
      'Quy tắc «Văn bản» dùng “KIEN_NGHI”, không phải chỉ tiêu số liệu.',
      'Quy tắc «Phân tổ lạ» dùng phân tổ không có “khac” của «Số đảng viên mới kết nạp».',
      'Mã quy tắc “E” bị trùng.',
      'Quy tắc «Công thức» dùng “TY_LE_DU_HOP”, không phải chỉ tiêu số liệu.',
    ]);
    // Each problem names the rule (by its place) and the field to fix, so a form shows it beside that field.
    expect(
      (r.error.details?.ruleProblems as Array<{ index: number; field: string }>).map(
        (p) => `${p.index}.${p.field}`,
      ),
    ).toEqual([
      '0.expression',
      '1.expression',
      '2.expression',
      '3.expression',
      '4.expression',
      '5.code',
      '6.expression',
    ]);
  });

  it('refuses a rule without a message', () => {
    const r = compileRules([{ code: 'A', name: '  ', expression: 'DV_TONG >= 0', severity: 'error' }], cat);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.ruleProblems).toEqual([
      { index: 0, field: 'name', message: 'Quy tắc thứ 1 chưa có thông báo.' },
    ]);
  });
});

describe('checkRules', () => {
  it('passes when every rule holds', () => {
    expect(checkRules(compiled(), cat, { DV_TONG: 32, DV_MIEN: 4, DV_CO_MAT: 26 })).toEqual([]);
  });

  it('names the failed rule and its values in Vietnamese', () => {
    const violations = checkRules(compiled(), cat, { DV_TONG: 32, DV_MIEN: 4, DV_CO_MAT: 30 });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toEqual({
      rule: 'R1',
      severity: 'error',
      values: { DV_CO_MAT: 30, DV_TONG: 32, DV_MIEN: 4 },
      message:
        'Lỗi: quy tắc «Số đảng viên dự sinh hoạt không vượt quá số phải dự» (DV_CO_MAT <= DV_TONG - DV_MIEN) ' +
        'không được thỏa mãn: Số đảng viên dự sinh hoạt = 30; Tổng số đảng viên = 32; ' +
        'Số đảng viên miễn sinh hoạt = 4. Kiểm tra lại số đảng viên miễn sinh hoạt.',
    });
  });

  it('reports warnings separately from errors', () => {
    const violations = checkRules(compiled(), cat, { DV_TONG: 32, DV_MIEN: 4, DV_CO_MAT: 10 });
    expect(violations.map((v) => [v.rule, v.severity])).toEqual([['R2', 'warning']]);
    expect(violations[0]?.message).toMatch(/^Cảnh báo: quy tắc «Tỷ lệ dự sinh hoạt dưới 50% cần giải trình»/);
  });

  it('uses the sum of combos for a disaggregated indicator referenced without a combo', () => {
    const dvMoi = indicator('DV_MOI') as DataIndicator;
    const values = { 'DV_MOI[nam.duoi_30]': 20, 'DV_MOI[nu.tu_30]': 15, DV_TONG: 30 };
    expect(referenceValue(dvMoi, '', values)).toBe(35);
    expect(referenceValue(dvMoi, 'nam.duoi_30', values)).toBe(20);
    expect(referenceValue(dvMoi, 'nam.tu_30', values)).toBeUndefined();
    expect(checkRules(compiled(), cat, values).map((v) => v.rule)).toEqual(['R3']);
  });

  it('applies the missing-value strategy', () => {
    const rule = (missingValues?: ValidationRule['missingValues']): CompiledRule[] =>
      compiled([
        {
          code: 'M',
          name: 'Cộng đúng',
          expression: 'DV_MIEN + DV_CO_MAT == DV_TONG',
          severity: 'error',
          missingValues,
        },
      ]);
    const partial = { DV_TONG: 10, DV_MIEN: 3 };
    expect(checkRules(rule(), cat, partial)).toEqual([]);
    expect(checkRules(rule('skip_if_all_missing'), cat, partial).map((v) => v.values)).toEqual([
      { DV_MIEN: 3, DV_CO_MAT: null, DV_TONG: 10 },
    ]);
    expect(checkRules(rule('skip_if_all_missing'), cat, {})).toEqual([]);
    expect(checkRules(rule('never_skip'), cat, { DV_TONG: 1 })).toHaveLength(1);
    expect(checkRules(rule('never_skip'), cat, {})).toEqual([]);
  });

  it('treats yes/no as 1/0 and does not judge a rule that divides by zero', () => {
    const rules = compiled([
      {
        code: 'Y',
        name: 'Có chuyên đề thì phải có buổi họp',
        expression: 'CO_CHUYEN_DE <= SO_BUOI',
        severity: 'error',
      },
      { code: 'Z', name: 'Tỷ lệ', expression: 'DV_CO_MAT / DV_TONG <= 1', severity: 'error' },
    ]);
    expect(checkRules(rules, cat, { CO_CHUYEN_DE: true, SO_BUOI: 0 }).map((v) => v.rule)).toEqual(['Y']);
    expect(checkRules(rules, cat, { CO_CHUYEN_DE: false, SO_BUOI: 0 })).toEqual([]);
    expect(checkRules(rules, cat, { DV_CO_MAT: 5, DV_TONG: 0 })).toEqual([]);
  });
});

describe('checkSubmission', () => {
  const entry = (values: ReportEntry['values']): ReportEntry => ({
    values: {
      'DV_MOI[nam.duoi_30]': 0,
      'DV_MOI[nam.tu_30]': 0,
      'DV_MOI[nu.duoi_30]': 0,
      'DV_MOI[nu.tu_30]': 0,
      ...values,
    },
    texts: { DANH_GIA: 'Hoàn thành tốt nhiệm vụ.' },
    attachments: { BIEN_BAN: 1 },
  });

  it('is ok when complete and clean', () => {
    const c = checkSubmission({
      template: MONTHLY_TEMPLATE,
      catalogue: cat,
      rules: compiled(),
      entry: entry({ DV_TONG: 32, DV_MIEN: 4, DV_CO_MAT: 26 }),
    });
    expect(c).toMatchObject({ ok: true, complete: true, missing: [], errors: [], warnings: [] });
  });

  it('a warning blocks until it has a comment', () => {
    const input = {
      template: MONTHLY_TEMPLATE,
      catalogue: cat,
      rules: compiled(),
      entry: entry({ DV_TONG: 32, DV_MIEN: 4, DV_CO_MAT: 10 }),
    };
    expect(checkSubmission(input)).toMatchObject({
      ok: false,
      complete: true,
      errors: [],
      uncommentedWarnings: [{ rule: 'R2' }],
    });
    expect(checkSubmission({ ...input, warningComments: { R2: '  ' } }).ok).toBe(false);
    expect(
      checkSubmission({
        ...input,
        warningComments: { R2: 'Tháng 11 nhiều đảng viên đi làm ăn xa, dự họp trực tuyến không được.' },
      }),
    ).toMatchObject({ ok: true, warnings: [{ rule: 'R2' }], uncommentedWarnings: [] });
  });

  it('an error or a missing value blocks', () => {
    const base = { template: MONTHLY_TEMPLATE, catalogue: cat, rules: compiled() };
    expect(
      checkSubmission({ ...base, entry: entry({ DV_TONG: 32, DV_MIEN: 4, DV_CO_MAT: 40 }) }),
    ).toMatchObject({ ok: false, errors: [{ rule: 'R1' }] });
    expect(checkSubmission({ ...base, entry: entry({ DV_TONG: 32, DV_CO_MAT: 20 }) })).toMatchObject({
      ok: false,
      complete: false,
      missing: [{ key: 'DV_MIEN' }],
    });
  });
});
