// Arithmetic of the level roll-up: what a change of one branch-month row, or the move of a subtree, adds to
// the level rows (`supervision_totals`) of the organisations above. Pure, so it is tested on its own.

import { idsOnPath } from '../orgs/paths.ts';
import type { SupervisionCounts } from './tables.ts';

export const COUNT_COLUMNS = [
  'meetings_held',
  'regular_held',
  'themed_held',
  'materials_early',
  'attendance_present',
  'attendance_expected',
  'opened_before',
  'comments',
  'ballots_cast',
  'ballots_possible',
  'duration_minutes',
  'quality_sum',
  'quality_count',
  'members',
  'tasks_total',
  'tasks_on_time',
  'tasks_late',
  'tasks_overdue',
  'active_members',
] as const satisfies ReadonlyArray<keyof SupervisionCounts>;

/** Every column of a level row that is a sum: the counts and the number of branches. */
export const LEVEL_COLUMNS = [...COUNT_COLUMNS, 'branches'] as const;
export type LevelColumn = (typeof LEVEL_COLUMNS)[number];
export type LevelValues = Record<LevelColumn, number>;

export interface LevelDelta {
  orgId: string;
  month: string;
  /** Position on the path (0 = the root): deltas are applied root first, the same order in every transaction. */
  depth: number;
  values: LevelValues;
}

export function zeroLevel(): LevelValues {
  return Object.fromEntries(LEVEL_COLUMNS.map((c) => [c, 0])) as LevelValues;
}

/**
 * What one branch-month row adds to each level above it when it goes from `before` (null: the row did not
 * exist, so the branch starts counting in that month) to `after`.
 */
export function branchRowDelta(
  before: Readonly<SupervisionCounts> | null,
  after: Readonly<SupervisionCounts>,
): LevelValues {
  const d = zeroLevel();
  for (const c of COUNT_COLUMNS) d[c] = Number(after[c]) - Number(before?.[c] ?? 0);
  d.branches = before ? 0 : 1;
  return d;
}

export function isZero(values: Readonly<LevelValues>): boolean {
  return LEVEL_COLUMNS.every((c) => values[c] === 0);
}

export function negate(values: Readonly<LevelValues>): LevelValues {
  const d = zeroLevel();
  for (const c of LEVEL_COLUMNS) d[c] = -values[c];
  return d;
}

/** The same change for the organisation at `path` itself and each of its ancestors. */
export function selfAndAncestorDeltas(path: string, month: string, values: LevelValues): LevelDelta[] {
  return idsOnPath(path).map((orgId, depth) => ({ orgId, month, depth, values: { ...values } }));
}

/**
 * A subtree moves from `oldPath` to `newPath`: its own level rows (the sums of everything under it) leave the
 * ancestors it no longer has and join the ones it gains; common ancestors do not change.
 */
export function moveDeltas(
  oldPath: string,
  newPath: string,
  rows: ReadonlyArray<{ month: string } & LevelValues>,
): LevelDelta[] {
  const oldAbove = idsOnPath(oldPath).slice(0, -1);
  const newAbove = idsOnPath(newPath).slice(0, -1);
  const out: LevelDelta[] = [];
  for (const row of rows) {
    const values = zeroLevel();
    for (const c of LEVEL_COLUMNS) values[c] = Number(row[c]);
    if (isZero(values)) continue;
    oldAbove.forEach((orgId, depth) => {
      if (!newAbove.includes(orgId)) out.push({ orgId, month: row.month, depth, values: negate(values) });
    });
    newAbove.forEach((orgId, depth) => {
      if (!oldAbove.includes(orgId)) out.push({ orgId, month: row.month, depth, values: { ...values } });
    });
  }
  return out;
}

/**
 * Adds up deltas to the same organisation-month and orders them by month, then root first: every transaction
 * locks level rows in that one order, so two of them never wait on each other in a cycle.
 */
export function mergeDeltas(deltas: readonly LevelDelta[]): LevelDelta[] {
  const byKey = new Map<string, LevelDelta>();
  for (const d of deltas) {
    const key = `${d.month}|${d.orgId}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...d, values: { ...d.values } });
    else for (const c of LEVEL_COLUMNS) seen.values[c] += d.values[c];
  }
  return [...byKey.values()]
    .filter((d) => !isZero(d.values))
    .sort((a, b) =>
      a.month !== b.month
        ? a.month.localeCompare(b.month)
        : a.depth !== b.depth
          ? a.depth - b.depth
          : a.orgId.localeCompare(b.orgId),
    );
}
