import { describe, expect, it } from 'vitest';
import type { Indicator } from './admin-shared.tsx';
import { freshRuleCode, moveEntry, ruleExpressionProblem } from './template-edit.ts';

describe('moving parts and items', () => {
  const list = ['a', 'b', 'c'];
  it('swaps with the neighbour above or below', () => {
    expect(moveEntry(list, 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(list, 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(list, 0, 1)).toEqual(['b', 'a', 'c']);
  });
  it('leaves the list as it is at either end and does not change the original', () => {
    expect(moveEntry(list, 0, -1)).toEqual(list);
    expect(moveEntry(list, 2, 1)).toEqual(list);
    expect(moveEntry(list, 5, -1)).toEqual(list);
    moveEntry(list, 1, 1);
    expect(list).toEqual(['a', 'b', 'c']);
  });
});

describe('rule codes', () => {
  it('takes the first free QT_n', () => {
    expect(freshRuleCode([])).toBe('QT_1');
    const rule = (code: string) => ({ code, name: 'x', expression: 'A > 0', severity: 'error' as const });
    expect(freshRuleCode([rule('QT_1'), rule('QT_3')])).toBe('QT_2');
  });
});

describe('a rule expression checked as it is typed', () => {
  const indicators: Indicator[] = [
    {
      kind: 'data',
      code: 'DV_TONG',
      name: 'Tổng số đảng viên',
      valueType: 'non_negative_integer',
      aggregation: 'last_value',
    },
    {
      kind: 'data',
      code: 'DV_MOI',
      name: 'Đảng viên mới kết nạp',
      valueType: 'non_negative_integer',
      aggregation: 'sum',
      categories: [
        {
          code: 'gioi',
          name: 'Giới tính',
          options: [
            { code: 'nam', name: 'Nam' },
            { code: 'nu', name: 'Nữ' },
          ],
        },
      ],
    },
    { kind: 'data', code: 'KIEN_NGHI', name: 'Kiến nghị', valueType: 'text', aggregation: 'none' },
    {
      kind: 'formula',
      code: 'TY_LE',
      name: 'Tỷ lệ',
      numerator: 'DV_MOI',
      denominator: 'DV_TONG',
      factor: 100,
    },
  ];
  it('accepts a comparison of data indicators, with their disaggregations', () => {
    expect(ruleExpressionProblem('DV_MOI <= DV_TONG', indicators)).toBeNull();
    expect(ruleExpressionProblem('DV_MOI[nu] + DV_MOI[nam] == DV_MOI', indicators)).toBeNull();
  });
  it('gives the server’s Vietnamese syntax messages', () => {
    expect(ruleExpressionProblem('DV_TONG <=', indicators)).toBe('Biểu thức kết thúc đột ngột.');
    expect(ruleExpressionProblem('DV_TONG + 1', indicators)).toBe(
      'Biểu thức kiểm tra phải là một phép so sánh (ví dụ A <= B).',
    );
  });
  it('names unknown codes, text or formula indicators and unknown disaggregations', () => {
    expect(ruleExpressionProblem('DV_TONGG > 0', indicators)).toContain('DV_TONGG');
    expect(ruleExpressionProblem('KIEN_NGHI > 0', indicators)).toContain('Kiến nghị');
    expect(ruleExpressionProblem('TY_LE < 100', indicators)).toContain('TY_LE');
    expect(ruleExpressionProblem('DV_MOI[khac] > 0', indicators)).toContain('khac');
    expect(ruleExpressionProblem('  ', indicators)).not.toBeNull();
  });
});
