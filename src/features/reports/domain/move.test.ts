import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyDeltas, getTotal, rollUp, type DataValue, type TotalCell } from './aggregation.ts';
import { moveDeltas } from './move.ts';
import { catalogue, ORGS, tree } from './test-fixtures.ts';
import { selfAndAncestors } from './tree.ts';

const cat = catalogue();

function dv(
  orgId: string,
  period: string,
  indicator: string,
  value: number | boolean,
  combo = '',
): DataValue {
  return { orgId, period, indicator, combo, value };
}

/** The fixture tree with one organisation under another parent. */
function movedTree(orgId: string, parentId: string) {
  return tree(ORGS.map((o) => (o.id === orgId ? { ...o, parentId } : o)));
}

function rootTotals(totals: Map<string, TotalCell>, orgId: string): TotalCell[] {
  return [...totals.values()].filter((t) => t.orgId === orgId);
}

describe('moveDeltas', () => {
  const values = [
    dv('cb_tande5', '2026-10', 'SO_BUOI', 2),
    dv('cb_tande5', '2026-11', 'SO_BUOI', 1),
    dv('cb_tande6', '2026-11', 'SO_BUOI', 3),
    dv('cb_tande5', '2026-11', 'DV_CO_MAT', 20),
    dv('cb_tande5', '2026-10', 'DV_CO_MAT', 10),
    dv('cb_tdp1', '2026-11', 'SO_BUOI', 4),
  ];

  it('takes the moved commune out of its old district and into the new one; the province keeps its total', () => {
    const t = tree();
    const before = rollUp(values, t, cat).totals;
    const deltas = moveDeltas({
      rootTotals: rootTotals(before, 'tande'),
      oldAncestors: selfAndAncestors(t, 'tande').slice(1),
      newAncestors: ['tp', 'tinh'],
    });
    expect(new Set(deltas.map((d) => d.orgId))).toEqual(new Set(['vuthu', 'tp']));
    const after = applyDeltas(before, deltas);
    expect(getTotal(after, 'vuthu', '2026-11', 'SO_BUOI')).toBeUndefined();
    expect(getTotal(after, 'tp', '2026-11', 'SO_BUOI')).toMatchObject({ sum: 8, count: 3 });
    expect(getTotal(after, 'tp', '2026-Q4', 'SO_BUOI')).toMatchObject({ sum: 10, count: 3 });
    // Average over time at the branch (15), summed over organisations: moved as one contribution.
    expect(getTotal(after, 'tp', '2026-Q4', 'DV_CO_MAT')).toMatchObject({ sum: 15, count: 1 });
    expect(getTotal(after, 'tinh', '2026-11', 'SO_BUOI')).toEqual(
      getTotal(before, 'tinh', '2026-11', 'SO_BUOI'),
    );
  });

  it('writes nothing when the ancestors stay the same', () => {
    const t = tree();
    const before = rollUp(values, t, cat).totals;
    const chain = selfAndAncestors(t, 'tande').slice(1);
    expect(
      moveDeltas({ rootTotals: rootTotals(before, 'tande'), oldAncestors: chain, newAncestors: chain }),
    ).toEqual([]);
  });

  it('moves nothing for a subtree without totals', () => {
    expect(moveDeltas({ rootTotals: [], oldAncestors: ['a', 'b'], newAncestors: ['c', 'b'] })).toEqual([]);
  });

  it('equals a full roll-up on the moved tree, for any values and any allowed move (property)', () => {
    const branches = ['cb_tande5', 'cb_tande6', 'cb_tande7', 'cb_tdp1', 'cb_sotc', 'kyba'];
    const months = ['2026-01', '2026-06', '2026-11', '2026-12'];
    const value = fc.record({
      org: fc.constantFrom(...branches),
      month: fc.constantFrom(...months),
      indicator: fc.constantFrom('SO_BUOI', 'DV_CO_MAT', 'DV_TONG', 'CO_CHUYEN_DE'),
      n: fc.integer({ min: 0, max: 40 }),
    });
    // (moved organisation, new parent): none of them moves under itself.
    const moves: Array<[string, string]> = [
      ['tande', 'tp'],
      ['tande', 'kyba'],
      ['cb_tande5', 'kyba'],
      ['cb_tdp1', 'tinh'],
      ['kyba', 'vuthu'],
      ['cb_sotc', 'tande'],
      ['tp', 'tande'],
    ];
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), fc.constantFrom(...moves), (rows, [org, parent]) => {
        const unique = new Map(
          rows.map((r) => [
            `${r.org}|${r.month}|${r.indicator}`,
            dv(r.org, r.month, r.indicator, r.indicator === 'CO_CHUYEN_DE' ? r.n % 2 === 0 : r.n),
          ]),
        );
        const data = [...unique.values()];
        const t = tree();
        const before = rollUp(data, t, cat).totals;
        const moved = movedTree(org, parent);
        const after = applyDeltas(
          before,
          moveDeltas({
            rootTotals: rootTotals(before, org),
            oldAncestors: selfAndAncestors(t, org).slice(1),
            newAncestors: selfAndAncestors(moved, org).slice(1),
          }),
        );
        const full = rollUp(data, moved, cat).totals;
        expect([...after.keys()].sort()).toEqual([...full.keys()].sort());
        for (const [key, cell] of full) {
          expect(after.get(key)?.count).toBe(cell.count);
          expect(after.get(key)?.sum).toBeCloseTo(cell.sum, 9);
        }
      }),
      { numRuns: 200 },
    );
  });
});
