import type { AppContext } from '../../platform/context.ts';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/queue.ts';
import { refreshActivity, refreshMeetingMonth, refreshTaskRollup } from './rollup.ts';

let registered = false;

const monthOf = (iso: string) => iso.slice(0, 7);

/** Re-counts one branch-month after a meeting ended or its minutes were approved. */
export async function refreshForMeeting(ctx: AppContext, meetingId: string): Promise<void> {
  const m = await ctx.db
    .selectFrom('meetings')
    .select(['org_id', 'org_path', 'starts_at'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!m) return;
  await refreshMeetingMonth(ctx.db, m.org_id, m.org_path, monthOf(m.starts_at));
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
  for (const b of branches) {
    await ctx.db.transaction().execute(async (trx) => {
      await refreshMeetingMonth(trx, b.id, b.path, prev);
      await refreshMeetingMonth(trx, b.id, b.path, month);
      await refreshActivity(trx, b.id, b.path, month, at);
      await refreshTaskRollup(trx, b.id, b.path);
    });
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
