import type { UnitOfWork } from '../../platform/context.ts';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/queue.ts';
import { reminderTimes } from './domain/index.ts';
import { attendanceOf, findMeeting } from './queries.ts';
import type { MeetingRow } from './queries.ts';

interface ReminderJob {
  meetingId: string;
  /** The start the reminder was planned for: a moved meeting's old reminders do nothing. */
  startsAt: string;
  kind: 'days_before' | 'same_day';
}

let registered = false;

/** The reminder job: members of the branch who have not opened the materials yet, and only them. */
export function registerMeetingReminderJobs(): void {
  if (registered) return;
  registered = true;
  registerJobHandler<ReminderJob>('meetings.remind_materials', async (job, ctx) => {
    const { meetingId, startsAt, kind } = job.payload;
    const m = await findMeeting(ctx.db, meetingId);
    if (!m || m.status !== 'published' || m.starts_at !== startsAt) return;
    const { members } = await attendanceOf(ctx.db, m);
    const opened = new Set(
      (
        await ctx.db.selectFrom('meeting_reads').select('member_id').where('meeting_id', '=', m.id).execute()
      ).map((r) => r.member_id),
    );
    const memberIds = members.map((x) => x.id).filter((id) => !opened.has(id));
    if (memberIds.length === 0) return;
    await ctx.bus.publish({
      topic: 'meeting.reminder',
      payload: {
        title: kind === 'same_day' ? `Hôm nay họp: ${m.title}` : `Còn 2 ngày đến buổi họp: ${m.title}`,
        body: 'Bạn chưa mở tài liệu của buổi họp. Đề nghị đọc trước khi họp.',
        url: `/meetings/${m.id}`,
        memberIds,
        eventId: `meeting:${m.id}:materials:${kind}:${startsAt}`,
        meetingId: m.id,
      },
    });
  });
}

/**
 * When a meeting is published with its materials: one job 2 days before and one on the day (times from
 * `reminderTimes`, Vietnam time); times already past are skipped.
 */
export async function scheduleMaterialReminders(
  uow: UnitOfWork,
  m: MeetingRow,
  now = new Date(),
): Promise<void> {
  for (const r of reminderTimes(m.starts_at)) {
    if (r.at.getTime() <= now.getTime()) continue;
    await enqueueJob(uow.trx, {
      kind: 'meetings.remind_materials',
      payload: { meetingId: m.id, startsAt: m.starts_at, kind: r.kind } satisfies ReminderJob,
      runAt: r.at,
      dedupeKey: `meeting-materials:${m.id}:${r.kind}:${m.starts_at}`,
    });
  }
}
