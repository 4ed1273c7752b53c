// What the organisation tree's changes mean for the supervision roll-up. Called by the orgs feature inside the
// transaction that makes the change, so the level rows are never out of step with the tree.

import type { DbOrTx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/database.ts';
import { branchRowDelta, negate, selfAndAncestorDeltas, COUNT_COLUMNS, type LevelDelta } from './deltas.ts';
import { applyLevelDeltas, followSupervisionMove } from './levels.ts';
import { writeBranchMonths } from './rollup.ts';

/** Organisations that hold meetings: the ones supervision counts. */
export const MEETING_TYPES: readonly string[] = ['branch', 'grassroots_branch'];

/** A new branch counts from the month it is opened (not in the earlier months of a period). */
export async function supervisionOrgCreated(
  db: DbOrTx,
  org: { id: string; path: string; type: string },
): Promise<void> {
  if (!MEETING_TYPES.includes(org.type)) return;
  await writeBranchMonths(db, { orgId: org.id, orgPath: org.path }, new Map([[nowIso().slice(0, 7), {}]]));
}

/** A subtree moved: see followSupervisionMove. */
export async function supervisionOrgMoved(
  db: DbOrTx,
  org: { id: string },
  oldPath: string,
  newPath: string,
): Promise<void> {
  await followSupervisionMove(db, org.id, oldPath, newPath);
}

/**
 * A branch closed: it keeps counting in the months it was open (history does not change), and leaves the
 * months after the current one it already had a row for (the nightly job writes next month's row on the last
 * day of a month; a task may be due later).
 */
export async function supervisionOrgClosed(
  db: DbOrTx,
  org: { id: string; path: string; type: string },
): Promise<void> {
  if (!MEETING_TYPES.includes(org.type)) return;
  const month = nowIso().slice(0, 7);
  const later = await db
    .selectFrom('supervision_monthly')
    .select(['month', ...COUNT_COLUMNS])
    .where('org_id', '=', org.id)
    .where('month', '>', month)
    .execute();
  if (later.length === 0) return;
  const deltas: LevelDelta[] = later.flatMap((row) =>
    selfAndAncestorDeltas(org.path, row.month, negate(branchRowDelta(null, row))),
  );
  await db
    .deleteFrom('supervision_monthly')
    .where('org_id', '=', org.id)
    .where('month', '>', month)
    .execute();
  await applyLevelDeltas(db, deltas);
}
