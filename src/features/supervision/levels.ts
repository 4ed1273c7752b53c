// The level roll-up (`supervision_totals`): written only here, always by adding deltas in SQL
// (`x = x + excluded.x`), so concurrent changes under one committee never lose each other's increments.

import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import { idsOnPath } from '../orgs/paths.ts';
import {
  COUNT_COLUMNS,
  LEVEL_COLUMNS,
  mergeDeltas,
  moveDeltas,
  zeroLevel,
  type LevelDelta,
  type LevelValues,
} from './deltas.ts';

/** Adds the deltas to the level rows, creating the rows that do not exist yet. */
export async function applyLevelDeltas(db: DbOrTx, deltas: readonly LevelDelta[]): Promise<void> {
  const merged = mergeDeltas(deltas);
  for (const d of merged) {
    await db
      .insertInto('supervision_totals')
      .values({ org_id: d.orgId, month: d.month, ...d.values })
      .onConflict((oc) =>
        oc
          .columns(['org_id', 'month'])
          .doUpdateSet(
            Object.fromEntries(
              LEVEL_COLUMNS.map((c) => [c, sql`supervision_totals.${sql.ref(c)} + excluded.${sql.ref(c)}`]),
            ),
          ),
      )
      .execute();
  }
  // A level left with no branch in a month (its subtree moved away) has nothing to show: no row.
  const emptied = [...new Set(merged.filter((d) => d.values.branches < 0).map((d) => d.orgId))];
  if (emptied.length > 0)
    await db
      .deleteFrom('supervision_totals')
      .where('org_id', 'in', emptied)
      .where('branches', '<=', 0)
      .execute();
}

/**
 * In the transaction that moves a subtree: the branch rows take the new paths, and the subtree's sums leave the
 * old ancestors' level rows and join the new ones'. Bounded work: one path rewrite (like the members') and a
 * few rows per month of the moved organisation's history.
 */
export async function followSupervisionMove(
  db: DbOrTx,
  orgId: string,
  oldPath: string,
  newPath: string,
): Promise<void> {
  const [lo, hi] = subtreeBounds(oldPath);
  await db
    .updateTable('supervision_monthly')
    .set({ org_path: sql<string>`${newPath} || substr(org_path, ${oldPath.length + 1})` })
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .execute();
  const rows = await db
    .selectFrom('supervision_totals')
    .select(['month', ...LEVEL_COLUMNS])
    .where('org_id', '=', orgId)
    .execute();
  await applyLevelDeltas(db, moveDeltas(oldPath, newPath, rows));
}

/** Level rows of some organisations for some months: a primary-key lookup per row, no subtree scan. */
export async function levelRows(db: DbOrTx, orgIds: readonly string[], months: readonly string[]) {
  if (orgIds.length === 0) return [];
  return db
    .selectFrom('supervision_totals')
    .select(['org_id', 'month', ...LEVEL_COLUMNS])
    .where('org_id', 'in', [...orgIds])
    .where('month', 'in', [...months])
    .execute();
}

/**
 * Rebuilds every level row from the branch rows, a month at a time (flat memory at country scale): the
 * migration's backfill, and a check that the incremental rows are exact. Not used on any request path.
 */
export async function rebuildLevels(db: DbOrTx, batch = 500): Promise<number> {
  await db.deleteFrom('supervision_totals').execute();
  const months = await db
    .selectFrom('supervision_monthly')
    .select('month')
    .distinct()
    .orderBy('month')
    .execute();
  let written = 0;
  for (const { month } of months) {
    const sums = new Map<string, LevelValues>();
    let after = '';
    for (;;) {
      const rows = await db
        .selectFrom('supervision_monthly')
        .select(['org_id', 'org_path', ...COUNT_COLUMNS])
        .where('month', '=', month)
        .where('org_path', '>', after)
        .orderBy('org_path')
        .limit(5_000)
        .execute();
      if (rows.length === 0) break;
      // Keyset on the (month, org_path) index: each page is one range read.
      after = rows[rows.length - 1]!.org_path;
      for (const r of rows) {
        for (const id of idsOnPath(r.org_path)) {
          let s = sums.get(id);
          if (!s) sums.set(id, (s = zeroLevel()));
          for (const c of COUNT_COLUMNS) s[c] += Number(r[c]);
          s.branches++;
        }
      }
    }
    const values = [...sums].map(([orgId, v]) => ({ org_id: orgId, month, ...v }));
    for (let i = 0; i < values.length; i += batch)
      await db
        .insertInto('supervision_totals')
        .values(values.slice(i, i + batch))
        .execute();
    written += values.length;
  }
  return written;
}
