import type { AppContext } from '../../platform/context.ts';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/queue.ts';
import { recountBranch, refreshMeetingMonth } from './rollup.ts';

let registered = false;

const monthOf = (iso: string) => iso.slice(0, 7);

/** Re-counts one branch-month after a meeting ended or its minutes were approved. */
export async function refreshForMeeting(ctx: AppContext, meetingId: string): Promise<void> {
  const m = await ctx.db
    .selectFrom('meetings')
    .innerJoin('orgs', 'orgs.id', 'meetings.org_id')
    .select(['meetings.org_id', 'orgs.path', 'meetings.starts_at'])
    .where('meetings.id', '=', meetingId)
    .executeTakeFirst();
  if (!m) return;
  // The branch row and the level rows above it change together or not at all.
  await ctx.db
    .transaction()
    .execute((trx) => refreshMeetingMonth(trx, m.org_id, m.path, monthOf(m.starts_at)));
}

/**
 * Once a day: app activity of every branch for the current month, overdue tasks (a task becomes overdue by the
 * passing of time, not by a change) and meeting figures of this and last month (quality scores added later).
 */
export async function refreshAll(ctx: AppContext, at: Date): Promise<number> {
  const month = at.toISOString().slice(0, 7);
  const prev = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  const branches = await ctx.db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('type_code', 'in', ['branch', 'grassroots_branch'])
    .where('status', '=', 'active')
    .execute();
  // On the last day of a month every branch also gets next month's row, so a branch counts in a month from its
  // first hour (a branch counts in the months it has a row; see README).
  const tomorrow = new Date(at.getTime() + 86_400_000).toISOString().slice(0, 7);
  for (const b of branches) {
    await ctx.db.transaction().execute((trx) =>
      recountBranch(trx, b, {
        meetingMonths: [prev, month],
        at,
        openMonths: tomorrow !== month ? [tomorrow] : [],
      }),
    );
  }
  return branches.length;
}

function nextNight(now: Date): Date {
  // 02:00 Vietnam time = 19:00 UTC.
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 19));
  if (d <= now) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

export async function scheduleNightly(ctx: AppContext): Promise<void> {
  const at = nextNight(new Date());
  await enqueueJob(ctx.db, {
    kind: 'supervision.nightly',
    runAt: at,
    dedupeKey: `supervision-nightly:${at.toISOString()}`,
  });
}

export function registerSupervisionJobs(): void {
  if (registered) return;
  registered = true;
  registerJobHandler<{ meetingId: string }>('supervision.refresh_meeting', async (job, ctx) => {
    await refreshForMeeting(ctx, job.payload.meetingId);
  });
  registerJobHandler(
    'supervision.nightly',
    async (_job, ctx) => {
      await refreshAll(ctx, new Date());
      await scheduleNightly(ctx);
    },
    { leaseMs: 30 * 60_000 },
  );
}

/** Meetings that end (or get approved minutes) queue a refresh of their branch-month. */
export function subscribeToMeetings(ctx: AppContext): () => void {
  return ctx.bus.subscribe('meeting.*', (event) => {
    if (!event.topic.endsWith('.status')) return;
    const status = String(event.payload.status ?? '');
    const meetingId = String(event.payload.meetingId ?? '');
    if (!meetingId || (status !== 'ended' && status !== 'minutes_approved')) return;
    enqueueJob(ctx.db, {
      kind: 'supervision.refresh_meeting',
      payload: { meetingId },
      dedupeKey: `supervision-meeting:${meetingId}:${status}`,
    }).catch((err: unknown) => ctx.log.error({ err, meetingId }, 'supervision refresh not queued'));
  });
}
