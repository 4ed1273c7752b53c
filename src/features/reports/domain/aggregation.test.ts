import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDelta,
  applyDeltas,
  computeFormulas,
  contribution,
  getTotal,
  reportDeltas,
  rollUp,
  type DataValue,
  type TotalCell,
  type Totals,
} from './aggregation.ts';
import type { Value } from './indicators.ts';
import { enclosingPeriods } from './periods.ts';
import { catalogue, tree } from './test-fixtures.ts';
import { selfAndAncestors } from './tree.ts';

const cat = catalogue();
const t = tree();

function dv(orgId: string, period: string, indicator: string, value: Value, combo = ''): DataValue {
  return { orgId, period, indicator, combo, value };
}

const sumOf = (
  totals: Totals,
  org: string,
  period: string,
  indicator: string,
  combo = '',
): number | undefined => getTotal(totals, org, period, indicator, combo)?.sum;

describe('contribution of one organisation', () => {
  const points = [
    { period: '2026-12', value: 31 },
    { period: '2026-10', value: 30 },
    { period: '2026-11', value: 29 },
  ];
  it('per rule', () => {
    expect(contribution('sum', points)).toBe(90);
    expect(contribution('average_over_time_sum_over_orgs', points)).toBe(30);
    // The latest period, whatever the order of the rows.
    expect(contribution('last_value', points)).toBe(31);
    expect(contribution('none', points)).toBeNull();
    expect(contribution('sum', [])).toBeNull();
  });
});

describe('rollUp', () => {
  it('sums over organisations and over time', () => {
    const { totals } = rollUp(
      [
        dv('cb_tande5', '2026-10', 'SO_BUOI', 1),
        dv('cb_tande5', '2026-11', 'SO_BUOI', 2),
        dv('cb_tande6', '2026-11', 'SO_BUOI', 1),
        dv('cb_tdp1', '2026-11', 'SO_BUOI', 1),
      ],
      t,
      cat,
    );
    expect(sumOf(totals, 'cb_tande5', '2026-11', 'SO_BUOI')).toBe(2);
    expect(sumOf(totals, 'tande', '2026-11', 'SO_BUOI')).toBe(3);
    expect(sumOf(totals, 'vuthu', '2026-11', 'SO_BUOI')).toBe(3);
    expect(getTotal(totals, 'tinh', '2026-11', 'SO_BUOI')).toMatchObject({ sum: 4, count: 3 });
    expect(sumOf(totals, 'tande', '2026-Q4', 'SO_BUOI')).toBe(4);
    expect(sumOf(totals, 'tinh', '2026', 'SO_BUOI')).toBe(5);
    expect(sumOf(totals, 'tp', '2026-10', 'SO_BUOI')).toBeUndefined();
  });

  it('averages over time but sums over organisations — unlike a plain sum', () => {
    const values = [
      // Tân Đệ 5 did not report in December: its quarter is the mean of the months it reported.
      dv('cb_tande5', '2026-10', 'DV_CO_MAT', 20),
      dv('cb_tande5', '2026-11', 'DV_CO_MAT', 22),
      dv('cb_tande6', '2026-10', 'DV_CO_MAT', 10),
      dv('cb_tande6', '2026-11', 'DV_CO_MAT', 10),
      dv('cb_tande6', '2026-12', 'DV_CO_MAT', 13),
      dv('cb_tande6', '2026-10', 'SO_BUOI', 1),
      dv('cb_tande6', '2026-11', 'SO_BUOI', 1),
      dv('cb_tande6', '2026-12', 'SO_BUOI', 2),
    ];
    const { totals } = rollUp(values, t, cat);
    // Within one month the average rule is a sum over organisations.
    expect(sumOf(totals, 'tande', '2026-11', 'DV_CO_MAT')).toBe(32);
    // Quarter: (20 + 22) / 2 + (10 + 10 + 13) / 3 = 21 + 11.
    expect(getTotal(totals, 'tande', '2026-Q4', 'DV_CO_MAT')).toMatchObject({ sum: 32, count: 2 });
    expect(sumOf(totals, 'tinh', '2026', 'DV_CO_MAT')).toBe(32);
    // The same months summed: 4 meetings in the quarter, not an average.
    expect(sumOf(totals, 'tande', '2026-Q4', 'SO_BUOI')).toBe(4);
  });

  it('takes the last value of each organisation, then sums', () => {
    const { totals } = rollUp(
      [
        dv('cb_tande5', '2026-10', 'DV_TONG', 30),
        dv('cb_tande5', '2026-11', 'DV_TONG', 31),
        dv('cb_tande6', '2026-12', 'DV_TONG', 12),
        dv('cb_tande6', '2026-07', 'DV_TONG', 11),
      ],
      t,
      cat,
    );
    expect(sumOf(totals, 'tande', '2026-Q4', 'DV_TONG')).toBe(43);
    expect(sumOf(totals, 'tande', '2026-H2', 'DV_TONG')).toBe(43);
    expect(sumOf(totals, 'tande', '2026-Q3', 'DV_TONG')).toBe(11);
    expect(sumOf(totals, 'tande', '2026-12', 'DV_TONG')).toBe(12);
  });

  it('keeps disaggregations and their total', () => {
    const { totals } = rollUp(
      [
        dv('cb_tande5', '2026-11', 'DV_MOI', 1, 'nam.duoi_30'),
        dv('cb_tande5', '2026-11', 'DV_MOI', 2, 'nu.duoi_30'),
        dv('cb_tande5', '2026-11', 'DV_MOI', 0, 'nu.tu_30'),
        dv('cb_tande6', '2026-11', 'DV_MOI', 1, 'nu.duoi_30'),
        dv('cb_tdp1', '2026-12', 'DV_MOI', 1, 'nam.tu_30'),
      ],
      t,
      cat,
    );
    expect(sumOf(totals, 'tande', '2026-11', 'DV_MOI', 'nu.duoi_30')).toBe(3);
    expect(sumOf(totals, 'tande', '2026-11', 'DV_MOI', 'nam.duoi_30')).toBe(1);
    expect(sumOf(totals, 'tande', '2026-11', 'DV_MOI', 'nam.tu_30')).toBeUndefined();
    expect(getTotal(totals, 'tande', '2026-11', 'DV_MOI', 'nu.tu_30')).toMatchObject({ sum: 0, count: 1 });
    expect(getTotal(totals, 'tande', '2026-11', 'DV_MOI')).toMatchObject({ sum: 4, count: 2 });
    expect(sumOf(totals, 'tinh', '2026-Q4', 'DV_MOI')).toBe(5);
    expect(sumOf(totals, 'tinh', '2026-Q4', 'DV_MOI', 'nam.tu_30')).toBe(1);
  });

  it('counts yes answers and skips text and unaggregated indicators', () => {
    const { totals } = rollUp(
      [
        dv('cb_tande5', '2026-11', 'CO_CHUYEN_DE', true),
        dv('cb_tande6', '2026-11', 'CO_CHUYEN_DE', false),
        dv('cb_tdp1', '2026-11', 'CO_CHUYEN_DE', true),
        dv('cb_tande5', '2026-11', 'KIEN_NGHI', 'Đề nghị làm đường liên thôn.'),
        dv('cb_tande5', '2026-11', 'NHIET_DO', 25),
        dv('cb_tande5', '2026-11', 'KHONG_CO', 1),
      ],
      t,
      cat,
    );
    expect(getTotal(totals, 'tinh', '2026-11', 'CO_CHUYEN_DE')).toMatchObject({ sum: 2, count: 3 });
    expect([...totals.values()].every((c) => c.indicator === 'CO_CHUYEN_DE')).toBe(true);
  });

  it('computes formulas after aggregation: a ratio of totals, not an average of ratios', () => {
    const values = [
      dv('cb_tande5', '2026-11', 'DV_TONG', 32),
      dv('cb_tande5', '2026-11', 'DV_MIEN', 2),
      dv('cb_tande5', '2026-11', 'DV_CO_MAT', 30),
      dv('cb_tande6', '2026-11', 'DV_TONG', 12),
      dv('cb_tande6', '2026-11', 'DV_MIEN', 2),
      dv('cb_tande6', '2026-11', 'DV_CO_MAT', 5),
    ];
    const { formulas } = rollUp(values, t, cat, ['2026-11']);
    const rate = (org: string): number | null | undefined => formulas.find((f) => f.orgId === org)?.value;
    expect(rate('cb_tande5')).toBe(100);
    expect(rate('cb_tande6')).toBe(50);
    // 100 × 35 / 40, where the average of the two ratios would be 75.
    expect(rate('tande')).toBe(87.5);
    expect(rate('tinh')).toBe(87.5);
    expect(formulas.find((f) => f.orgId === 'tp')).toBeUndefined();
  });

  it('gives no value, with a reason, when the denominator is zero or an operand is missing', () => {
    const { totals, formulas } = rollUp(
      [
        dv('cb_tande5', '2026-11', 'DV_TONG', 3),
        dv('cb_tande5', '2026-11', 'DV_MIEN', 3),
        dv('cb_tande5', '2026-11', 'DV_CO_MAT', 0),
        dv('cb_tdp1', '2026-11', 'DV_TONG', 10),
      ],
      t,
      cat,
      ['2026-11'],
    );
    expect(formulas.find((f) => f.orgId === 'cb_tande5')).toEqual({
      orgId: 'cb_tande5',
      period: '2026-11',
      indicator: 'TY_LE_DU_HOP',
      value: null,
      reason: 'zero_denominator',
    });
    expect(formulas.find((f) => f.orgId === 'cb_tdp1')).toMatchObject({
      value: null,
      reason: 'missing_values',
    });
    // The province has all three operands: 0 / (13 − 3).
    expect(computeFormulas(totals, cat, 'tinh', '2026-11')).toEqual([
      { orgId: 'tinh', period: '2026-11', indicator: 'TY_LE_DU_HOP', value: 0 },
    ]);
  });
});

describe('incremental roll-up', () => {
  it('applyDelta moves one contribution through every ancestor', () => {
    const chain = selfAndAncestors(t, 'cb_tande5');
    const cell = { period: '2026-11', indicator: 'SO_BUOI', combo: '' };
    let totals: Totals = new Map();
    totals = applyDelta(totals, { cell, old: null, new: 2 }, chain);
    expect(chain.map((o) => getTotal(totals, o, '2026-11', 'SO_BUOI'))).toEqual(
      chain.map((orgId) => ({ orgId, ...cell, sum: 2, count: 1 })),
    );
    const before = totals;
    totals = applyDelta(totals, { cell, old: 2, new: 3 }, chain);
    expect(getTotal(totals, 'tinh', '2026-11', 'SO_BUOI')).toMatchObject({ sum: 3, count: 1 });
    expect(getTotal(before, 'tinh', '2026-11', 'SO_BUOI')?.sum).toBe(2);
    totals = applyDelta(totals, { cell, old: 3, new: null }, chain);
    expect(totals.size).toBe(0);
  });

  it('submit, return and resubmit of a branch report move the province total in step', () => {
    const chain = selfAndAncestors(t, 'cb_tande5');
    const octCounted = [
      dv('cb_tande5', '2026-10', 'DV_CO_MAT', 20),
      dv('cb_tande5', '2026-10', 'SO_BUOI', 1),
    ];
    let totals = rollUp(octCounted, t, cat).totals;
    const nov = [dv('cb_tande5', '2026-11', 'DV_CO_MAT', 30), dv('cb_tande5', '2026-11', 'SO_BUOI', 2)];

    // Submitted: November counts.
    totals = applyDeltas(
      totals,
      reportDeltas({
        catalogue: cat,
        orgAndAncestors: chain,
        before: octCounted,
        after: [...octCounted, ...nov],
      }),
    );
    expect(sumOf(totals, 'tinh', '2026-11', 'SO_BUOI')).toBe(2);
    expect(sumOf(totals, 'tinh', '2026-Q4', 'SO_BUOI')).toBe(3);
    expect(sumOf(totals, 'tinh', '2026-Q4', 'DV_CO_MAT')).toBe(25);

    // Returned for correction: November's values leave the totals, October's stay.
    totals = applyDeltas(
      totals,
      reportDeltas({
        catalogue: cat,
        orgAndAncestors: chain,
        before: [...octCounted, ...nov],
        after: octCounted,
      }),
    );
    expect(sumOf(totals, 'tinh', '2026-11', 'SO_BUOI')).toBeUndefined();
    expect(sumOf(totals, 'tinh', '2026-Q4', 'SO_BUOI')).toBe(1);
    expect(sumOf(totals, 'tinh', '2026-Q4', 'DV_CO_MAT')).toBe(20);

    // Corrected and resubmitted.
    const fixed = [dv('cb_tande5', '2026-11', 'DV_CO_MAT', 28), dv('cb_tande5', '2026-11', 'SO_BUOI', 2)];
    totals = applyDeltas(
      totals,
      reportDeltas({
        catalogue: cat,
        orgAndAncestors: chain,
        before: octCounted,
        after: [...octCounted, ...fixed],
      }),
    );
    expect(sumOf(totals, 'tinh', '2026-Q4', 'DV_CO_MAT')).toBe(24);
    expect(totals).toEqual(rollUp([...octCounted, ...fixed], t, cat).totals);
  });

  it('equals a full recomputation after any sequence of submissions and returns (property)', () => {
    const branches = ['cb_tande5', 'cb_tande6', 'cb_tande7', 'cb_tdp1', 'cb_sotc', 'kyba'];
    const months = ['2026-01', '2026-02', '2026-06', '2026-07', '2026-11', '2026-12', '2027-01'];
    const num = fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined });
    const report = fc.record({
      org: fc.constantFrom(...branches),
      month: fc.constantFrom(...months),
      counted: fc.boolean(),
      SO_BUOI: num,
      DV_CO_MAT: num,
      DV_TONG: num,
      moiNam: num,
      moiNu: num,
      chuyenDe: fc.option(fc.boolean(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(report, { maxLength: 40 }), (events) => {
        const counted = new Map<string, DataValue[]>();
        let totals: Totals = new Map();
        const valuesOf = (org: string): DataValue[] =>
          [...counted.entries()].filter(([k]) => k.startsWith(`${org}|`)).flatMap(([, v]) => v);
        for (const e of events) {
          const before = valuesOf(e.org);
          const rows: DataValue[] = [];
          if (e.SO_BUOI !== undefined) rows.push(dv(e.org, e.month, 'SO_BUOI', e.SO_BUOI));
          if (e.DV_CO_MAT !== undefined) rows.push(dv(e.org, e.month, 'DV_CO_MAT', e.DV_CO_MAT));
          if (e.DV_TONG !== undefined) rows.push(dv(e.org, e.month, 'DV_TONG', e.DV_TONG));
          if (e.moiNam !== undefined) rows.push(dv(e.org, e.month, 'DV_MOI', e.moiNam, 'nam.duoi_30'));
          if (e.moiNu !== undefined) rows.push(dv(e.org, e.month, 'DV_MOI', e.moiNu, 'nu.tu_30'));
          if (e.chuyenDe !== undefined) rows.push(dv(e.org, e.month, 'CO_CHUYEN_DE', e.chuyenDe));
          if (e.counted) counted.set(`${e.org}|${e.month}`, rows);
          else counted.delete(`${e.org}|${e.month}`);
          const deltas = reportDeltas({
            catalogue: cat,
            orgAndAncestors: selfAndAncestors(t, e.org),
            before,
            after: valuesOf(e.org),
            spans: enclosingPeriods(e.month),
          });
          totals = applyDeltas(totals, deltas);
        }
        const full = rollUp([...counted.values()].flat(), t, cat).totals;
        expect([...totals.keys()].sort()).toEqual([...full.keys()].sort());
        for (const [key, cell] of full) {
          const inc = totals.get(key) as TotalCell;
          expect(inc.count).toBe(cell.count);
          expect(inc.sum).toBeCloseTo(cell.sum, 9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
