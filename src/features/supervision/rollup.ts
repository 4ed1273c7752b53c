import type { DbOrTx } from '../../platform/db/database.ts';
import type { Kysely } from 'kysely';
import { dialectOf, nowIso } from '../../platform/db/database.ts';
import { taskState } from '../tasks/domain/tasks.ts';
import type { SupervisionCounts } from './tables.ts';
import { branchRowDelta, COUNT_COLUMNS, isZero, selfAndAncestorDeltas, type LevelDelta } from './deltas.ts';
import { applyLevelDeltas } from './levels.ts';

export type Counts = Partial<SupervisionCounts>;

export const ZERO_COUNTS: SupervisionCounts = {
  meetings_held: 0,
  regular_held: 0,
  themed_held: 0,
  materials_early: 0,
  attendance_present: 0,
  attendance_expected: 0,
  opened_before: 0,
  comments: 0,
  ballots_cast: 0,
  ballots_possible: 0,
  duration_minutes: 0,
  quality_sum: 0,
  quality_count: 0,
  members: 0,
  tasks_total: 0,
  tasks_on_time: 0,
  tasks_late: 0,
  tasks_overdue: 0,
  active_members: 0,
};

/**
 * Writes figures of one branch for some months (the other figures of each month stay as they are) and moves the
 * level rows of the branch and every ancestor by exactly the change, in the caller's transaction. Each month's
 * branch row is locked before it is read (a no-op update), so two transactions changing the same branch-month
 * one after the other each add the difference from what the other left: no increment is lost.
 */
export async function writeBranchMonths(
  db: DbOrTx,
  key: { orgId: string; orgPath: string },
  months: ReadonlyMap<string, Counts>,
): Promise<void> {
  const now = nowIso();
  // The branch's path now, not the caller's copy (a task or meeting may carry the path from before a move).
  // On PostgreSQL the organisation row is share-locked: a move of a subtree above waits for this transaction,
  // and this one waits for a move in progress, so the deltas always go to the ancestors the branch really has.
  let org = db.selectFrom('orgs').select('path').where('id', '=', key.orgId);
  if (dialectOf(db as unknown as Kysely<unknown>) === 'postgres') org = org.forShare();
  const orgPath = (await org.executeTakeFirst())?.path ?? key.orgPath;
  const deltas: LevelDelta[] = [];
  for (const month of [...months.keys()].sort()) {
    const counts = months.get(month)!;
    const inserted = await db
      .insertInto('supervision_monthly')
      .values({ ...ZERO_COUNTS, ...counts, org_id: key.orgId, org_path: orgPath, month, updated_at: now })
      .onConflict((oc) => oc.columns(['org_id', 'month']).doNothing())
      .returning('org_id')
      .executeTakeFirst();
    if (inserted) {
      deltas.push(
        ...selfAndAncestorDeltas(orgPath, month, branchRowDelta(null, { ...ZERO_COUNTS, ...counts })),
      );
      continue;
    }
    await db
      .updateTable('supervision_monthly')
      .set({ updated_at: now })
      .where('org_id', '=', key.orgId)
      .where('month', '=', month)
      .execute();
    const before = await db
      .selectFrom('supervision_monthly')
      .select([...COUNT_COLUMNS])
      .where('org_id', '=', key.orgId)
      .where('month', '=', month)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('supervision_monthly')
      .set({ ...counts, org_path: orgPath })
      .where('org_id', '=', key.orgId)
      .where('month', '=', month)
      .execute();
    const delta = branchRowDelta(before, { ...before, ...counts });
    if (!isZero(delta)) deltas.push(...selfAndAncestorDeltas(orgPath, month, delta));
  }
  await applyLevelDeltas(db, deltas);
}

/** Writes the given figures of one branch-month (see writeBranchMonths). */
export async function upsertMonth(
  db: DbOrTx,
  key: { orgId: string; orgPath: string; month: string },
  counts: Counts,
): Promise<void> {
  await writeBranchMonths(db, key, new Map([[key.month, counts]]));
}

/**
 * Task figures of an organisation, by the month of each top-level task's deadline: on time, late, overdue now.
 * Runs inside the transaction that changed a task, so the roll-up never disagrees with the tasks.
 */
export async function refreshTaskRollup(db: DbOrTx, orgId: string, orgPath: string): Promise<void> {
  await writeBranchMonths(db, { orgId, orgPath }, await taskCounts(db, orgId));
}

/** The task figures of a branch per month (months that had tasks and no longer have any get zeros). */
export async function taskCounts(db: DbOrTx, orgId: string): Promise<Map<string, Counts>> {
  const rows = await db
    .selectFrom('tasks')
    .select(['deadline', 'status', 'progress', 'completed_on'])
    .where('org_id', '=', orgId)
    .where('parent_id', 'is', null)
    .where('deadline', 'is not', null)
    .where('status', '!=', 'cancelled')
    .execute();
  const today = nowIso().slice(0, 10);
  const byMonth = new Map<
    string,
    { tasks_total: number; tasks_on_time: number; tasks_late: number; tasks_overdue: number }
  >();
  const existing = await db
    .selectFrom('supervision_monthly')
    .select('month')
    .where('org_id', '=', orgId)
    .where('tasks_total', '>', 0)
    .execute();
  for (const e of existing)
    byMonth.set(e.month, { tasks_total: 0, tasks_on_time: 0, tasks_late: 0, tasks_overdue: 0 });
  for (const r of rows) {
    const month = r.deadline!.slice(0, 7);
    const c = byMonth.get(month) ?? { tasks_total: 0, tasks_on_time: 0, tasks_late: 0, tasks_overdue: 0 };
    c.tasks_total++;
    const s = taskState(
      { status: r.status, deadline: r.deadline, progress: Number(r.progress), completedOn: r.completed_on },
      today,
    );
    if (s === 'done_on_time') c.tasks_on_time++;
    else if (s === 'done_late') c.tasks_late++;
    else if (s === 'overdue') c.tasks_overdue++;
    byMonth.set(month, c);
  }
  return byMonth;
}

function monthBounds(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${month}-01`, `${next}-01`];
}

/**
 * Meeting figures of one organisation-month from the meetings held (ended or minutes approved) in it. Bounded
 * work: the meetings of one branch in one month.
 */
export async function refreshMeetingMonth(
  db: DbOrTx,
  orgId: string,
  orgPath: string,
  month: string,
): Promise<void> {
  await writeBranchMonths(db, { orgId, orgPath }, new Map([[month, await meetingCounts(db, orgId, month)]]));
}

/** The meeting figures (and membership) of one branch-month. */
export async function meetingCounts(db: DbOrTx, orgId: string, month: string): Promise<Counts> {
  const [from, to] = monthBounds(month);
  const meetings = await db
    .selectFrom('meetings')
    .select(['id', 'kind', 'starts_at', 'published_at', 'started_at', 'ended_at'])
    .where('org_id', '=', orgId)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .where('status', 'in', ['ended', 'minutes_approved'])
    .execute();
  const c = { ...ZERO_COUNTS };
  for (const m of meetings) {
    c.meetings_held++;
    if (m.kind === 'regular' || m.kind === 'regular_and_themed') c.regular_held = 1;
    if (m.kind === 'themed' || m.kind === 'regular_and_themed') c.themed_held = 1;
    if (m.published_at && Date.parse(m.published_at) <= Date.parse(m.starts_at) - 86_400_000)
      c.materials_early++;
    const start = m.started_at ?? m.starts_at;
    if (m.started_at && m.ended_at)
      c.duration_minutes += Math.max(
        0,
        Math.round((Date.parse(m.ended_at) - Date.parse(m.started_at)) / 60_000),
      );
    const att = await db
      .selectFrom('meeting_attendance')
      .select(['mark'])
      .where('meeting_id', '=', m.id)
      .execute();
    const present = att.filter((a) => a.mark === 'present').length;
    c.attendance_present += present;
    c.attendance_expected += att.filter((a) => a.mark !== 'exempt').length;
    const opened = await db
      .selectFrom('meeting_reads')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('meeting_id', '=', m.id)
      .where('first_at', '<', start)
      .executeTakeFirst();
    c.opened_before += Number(opened?.n ?? 0);
    const comments = await db
      .selectFrom('meeting_comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('meeting_id', '=', m.id)
      .executeTakeFirst();
    c.comments += Number(comments?.n ?? 0);
    const motions = await db
      .selectFrom('meeting_motions')
      .select(['id'])
      .where('meeting_id', '=', m.id)
      .where('method', '=', 'app')
      .execute();
    if (motions.length > 0) {
      const cast = await db
        .selectFrom('meeting_ballots')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(
          'motion_id',
          'in',
          motions.map((x) => x.id),
        )
        .executeTakeFirst();
      c.ballots_cast += Number(cast?.n ?? 0);
      c.ballots_possible += motions.length * present;
    }
    const scores = await db
      .selectFrom('meeting_quality')
      .select(['score', 'role', 'created_at'])
      .where('meeting_id', '=', m.id)
      .orderBy('created_at', 'desc')
      .execute();
    // The upper committee's latest score counts; the chair's self-assessment when there is none.
    const chosen = scores.find((s) => s.role === 'upper') ?? scores[0];
    if (chosen) {
      const percent = Number((JSON.parse(chosen.score) as { percent?: number }).percent);
      if (Number.isFinite(percent)) {
        c.quality_sum += percent;
        c.quality_count++;
      }
    }
  }
  const members = await db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  const {
    tasks_total: _a,
    tasks_on_time: _b,
    tasks_late: _c,
    tasks_overdue: _d,
    active_members: _e,
    ...meetingCounts
  } = c;
  return { ...meetingCounts, members: Number(members?.n ?? 0) };
}

/** Members of the organisation with an app session seen in the 30 days before `at`. */
export async function refreshActivity(
  db: DbOrTx,
  orgId: string,
  orgPath: string,
  month: string,
  at: Date,
): Promise<void> {
  await writeBranchMonths(db, { orgId, orgPath }, new Map([[month, await activityCounts(db, orgId, at)]]));
}

export async function activityCounts(db: DbOrTx, orgId: string, at: Date): Promise<Counts> {
  const since = new Date(at.getTime() - 30 * 86_400_000).toISOString();
  const row = await db
    .selectFrom('members')
    .innerJoin('accounts', 'accounts.member_id', 'members.id')
    .select((eb) => eb.fn.count<number>('members.id').distinct().as('n'))
    .where('members.org_id', '=', orgId)
    .where('members.status', '=', 'active')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('sessions')
          .select('sessions.id')
          .whereRef('sessions.account_id', '=', 'accounts.id')
          .where('sessions.last_seen_at', '>=', since),
      ),
    )
    .executeTakeFirst();
  return { active_members: Number(row?.n ?? 0) };
}

/**
 * Recounts a branch from its records in one write: its tasks, its meetings of `meetingMonths`, its app activity
 * at `at` (in the month of `at`), and an empty row for each of `openMonths` so the branch counts in them. One
 * write with every month locks the branch rows and then the level rows in one order (the nightly job, the
 * generated dataset).
 */
export async function recountBranch(
  db: DbOrTx,
  branch: { id: string; path: string },
  input: { meetingMonths: readonly string[]; at: Date; openMonths?: readonly string[] },
): Promise<void> {
  const months = await taskCounts(db, branch.id);
  const add = (m: string, c: Counts) => months.set(m, { ...months.get(m), ...c });
  for (const month of input.meetingMonths) add(month, await meetingCounts(db, branch.id, month));
  add(input.at.toISOString().slice(0, 7), await activityCounts(db, branch.id, input.at));
  for (const month of input.openMonths ?? []) add(month, {});
  await writeBranchMonths(db, { orgId: branch.id, orgPath: branch.path }, months);
}
