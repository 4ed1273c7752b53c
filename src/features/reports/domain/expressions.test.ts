import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  ExpressionSyntaxError,
  formatExpression,
  parseExpression,
  referencesOf,
} from './expressions.ts';

const vars: Record<string, number> = { A: 2, B: 3, C: 5, DV_TONG: 40, DV_CO_MAT: 45, ZERO: 0 };
const run = (source: string): number | boolean | undefined =>
  evaluate(parseExpression(source), (code, combo) => vars[combo ? `${code}[${combo}]` : code]);

describe('parseExpression / evaluate', () => {
  it.each([
    ['A + B == C', true],
    ['A + B * C', 17],
    ['(A + B) * C', 25],
    ['A - B - C', -6],
    ['C / A / A', 1.25],
    ['-A + 10', 8],
    ['--A', 2],
    ['DV_CO_MAT <= DV_TONG', false],
    ['DV_CO_MAT > DV_TONG && A < B', true],
    ['DV_CO_MAT <= DV_TONG || A < B', true],
    ['DV_CO_MAT <= DV_TONG or A >= B', false],
    ['not (A == B)', true],
    ['!(A != B) and C > 0', false],
    ['0.1 + 0.2 == 0.3', true],
    ['A / ZERO', undefined],
    ['A / ZERO > 1', undefined],
  ])('%s → %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it('treats an unknown reference as missing, and uses three-valued logic', () => {
    expect(run('MISSING + 1 > 0')).toBeUndefined();
    expect(run('MISSING > 0 && A > B')).toBe(false);
    expect(run('MISSING > 0 || A < B')).toBe(true);
    expect(run('MISSING > 0 || A > B')).toBeUndefined();
  });

  it('reads disaggregated references', () => {
    const expr = parseExpression('DV_MOI[nu.duoi_30] + DV_MOI[nam] <= DV_MOI');
    expect(referencesOf(expr)).toEqual([
      { code: 'DV_MOI', combo: 'nu.duoi_30' },
      { code: 'DV_MOI', combo: 'nam' },
      { code: 'DV_MOI', combo: '' },
    ]);
    const values: Record<string, number> = { 'DV_MOI[nu.duoi_30]': 1, 'DV_MOI[nam]': 2, DV_MOI: 3 };
    expect(evaluate(expr, (c, k) => values[k ? `${c}[${k}]` : c])).toBe(true);
  });

  it.each([
    ['A +', 'kết thúc đột ngột'],
    ['(A + B', 'Thiếu dấu “)”'],
    ['A + B)', 'Thừa nội dung'],
    ['A < B < C', 'hai phép so sánh'],
    ['A ; B', 'Ký tự không hợp lệ'],
    ['process.exit(1)', 'Ký tự không hợp lệ'],
    ['constructor["x"]', 'Ký tự không hợp lệ'],
    ['', 'kết thúc đột ngột'],
  ])('rejects %j with a Vietnamese message', (source, fragment) => {
    expect(() => parseExpression(source)).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression(source)).toThrow(fragment);
  });

  it('type-checks: rules must compare, formulas must compute', () => {
    expect(() => parseExpression('A + B', 'boolean')).toThrow('phải là một phép so sánh');
    expect(() => parseExpression('A < B', 'number')).toThrow('phải cho ra một số');
    expect(() => parseExpression('(A < B) + 1')).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression('A && B')).toThrow(ExpressionSyntaxError);
    expect(parseExpression('A <= B', 'boolean').kind).toBe('compare');
  });

  it('formats back to an equivalent expression', () => {
    expect(formatExpression(parseExpression('(A+B)*C<=DV_TONG'))).toBe('(A + B) * C <= DV_TONG');
    expect(formatExpression(parseExpression('A - (B - C)'))).toBe('A - (B - C)');
    expect(formatExpression(parseExpression('DV_MOI[nu]>=0 and not A==B'))).toBe(
      'DV_MOI[nu] >= 0 && !(A == B)',
    );
  });

  it('formatting round-trips arithmetic (property)', () => {
    const leaf = fc.oneof(fc.integer({ min: 0, max: 50 }).map(String), fc.constantFrom('A', 'B', 'C'));
    const expr = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e')).map(([l, op, r]) => `(${l} ${op} ${r})`),
        tie('e').map((e) => `-${e}`),
      ),
    })).e as fc.Arbitrary<string>;
    fc.assert(
      fc.property(expr, (source) => {
        const once = parseExpression(source);
        const again = parseExpression(formatExpression(once));
        expect(run(formatExpression(again))).toBe(run(source));
      }),
    );
  });
});
