import { describe, expect, it } from 'vitest';
import {
  branchRowDelta,
  isZero,
  mergeDeltas,
  moveDeltas,
  negate,
  selfAndAncestorDeltas,
  zeroLevel,
  type LevelValues,
} from './deltas.ts';
import { ZERO_COUNTS } from './rollup.ts';

const level = (over: Partial<LevelValues>): LevelValues => ({ ...zeroLevel(), ...over });

describe('supervision level deltas', () => {
  it('adds a new branch row whole, and counts the branch in that month', () => {
    const d = branchRowDelta(null, { ...ZERO_COUNTS, meetings_held: 1, attendance_present: 8 });
    expect(d.branches).toBe(1);
    expect(d.meetings_held).toBe(1);
    expect(d.attendance_present).toBe(8);
    expect(d.tasks_total).toBe(0);
  });

  it('adds only the difference when a row changes, including decreases', () => {
    const before = { ...ZERO_COUNTS, tasks_total: 3, tasks_on_time: 1, quality_sum: 80, quality_count: 1 };
    const after = { ...before, tasks_total: 2, tasks_on_time: 2, quality_sum: 92.5 };
    const d = branchRowDelta(before, after);
    expect(d).toMatchObject({ tasks_total: -1, tasks_on_time: 1, quality_sum: 12.5, branches: 0 });
    expect(isZero(branchRowDelta(before, before))).toBe(true);
  });

  it('gives the same change to the branch and each ancestor, root first', () => {
    const ds = selfAndAncestorDeltas('/root/prov/dist/br/', '2026-11', level({ comments: 2 }));
    expect(ds.map((d) => [d.orgId, d.depth, d.values.comments])).toEqual([
      ['root', 0, 2],
      ['prov', 1, 2],
      ['dist', 2, 2],
      ['br', 3, 2],
    ]);
  });

  it('moves a subtree’s sums from the ancestors it leaves to the ones it joins, not the common ones', () => {
    const rows = [
      { month: '2026-10', ...level({ branches: 3, meetings_held: 2 }) },
      { month: '2026-11', ...zeroLevel() },
    ];
    const ds = moveDeltas('/root/p1/d1/c/', '/root/p2/c/', rows);
    expect(ds.map((d) => [d.orgId, d.month, d.values.branches, d.values.meetings_held])).toEqual([
      ['p1', '2026-10', -3, -2],
      ['d1', '2026-10', -3, -2],
      ['p2', '2026-10', 3, 2],
    ]);
  });

  it('merges deltas to one row per organisation-month, drops the ones that cancel, and orders them', () => {
    const a = selfAndAncestorDeltas('/r/p/b1/', '2026-11', level({ tasks_total: 1, branches: 1 }));
    const b = selfAndAncestorDeltas('/r/p/b2/', '2026-10', level({ tasks_total: 2 }));
    const undo = selfAndAncestorDeltas('/r/p/b1/', '2026-11', negate(level({ tasks_total: 1, branches: 1 })));
    const c = selfAndAncestorDeltas('/r/p/b1/', '2026-11', level({ tasks_total: 5 }));
    const merged = mergeDeltas([...a, ...b, ...undo, ...c]);
    expect(merged.map((d) => [d.month, d.orgId, d.values.tasks_total])).toEqual([
      ['2026-10', 'r', 2],
      ['2026-10', 'p', 2],
      ['2026-10', 'b2', 2],
      ['2026-11', 'r', 5],
      ['2026-11', 'p', 5],
      ['2026-11', 'b1', 5],
    ]);
    expect(mergeDeltas([...a, ...undo])).toEqual([]);
  });
});
