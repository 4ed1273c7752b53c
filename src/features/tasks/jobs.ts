import type { AppContext } from '../../platform/context.ts';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/queue.ts';
import { importResolution } from './service.ts';

let registered = false;

/** Reminder and import jobs; registered once per process. */
export function registerTaskJobs(): void {
  if (registered) return;
  registered = true;
  registerJobHandler<{ taskId: string; deadline: string; day: string }>('tasks.remind', async (job, ctx) => {
    const { taskId, deadline, day } = job.payload;
    const task = await ctx.db
      .selectFrom('tasks')
      .select(['id', 'title', 'deadline', 'status', 'owner_member_id', 'org_path'])
      .where('id', '=', taskId)
      .executeTakeFirst();
    // A moved deadline has its own reminders; a finished task needs none.
    if (!task || task.status !== 'open' || task.deadline !== deadline) return;
    const contributors = await ctx.db
      .selectFrom('task_contributors')
      .select('member_id')
      .where('task_id', '=', taskId)
      .execute();
    const memberIds = [
      ...(task.owner_member_id ? [task.owner_member_id] : []),
      ...contributors.map((c) => c.member_id),
    ];
    if (memberIds.length === 0) return;
    const overdue = day > deadline;
    await ctx.bus.publish({
      topic: 'task.due',
      payload: {
        title: overdue ? `Nhiệm vụ quá hạn: ${task.title}` : `Sắp đến hạn nhiệm vụ: ${task.title}`,
        body: overdue
          ? `Nhiệm vụ đã quá hạn từ ngày ${deadline}. Đề nghị cập nhật tiến độ.`
          : `Hạn hoàn thành: ${deadline}.`,
        url: `/tasks/${taskId}`,
        memberIds: [...new Set(memberIds)],
        eventId: `task:${taskId}:${deadline}:${day}`,
        taskId,
        overdue,
      },
    });
  });
  registerJobHandler<{ meetingId: string }>('tasks.import_resolution', async (job, ctx) => {
    await importResolution(ctx, job.payload.meetingId);
  });
}

/**
 * An adopted resolution becomes tasks through a job (durable, retried); the import itself is idempotent, so a
 * second event or a re-run adds nothing.
 */
export function subscribeToResolutions(ctx: AppContext): () => void {
  return ctx.bus.subscribe('meeting.resolution.adopted', (event) => {
    const meetingId = String(event.payload.meetingId ?? '');
    if (!meetingId) return;
    enqueueJob(ctx.db, {
      kind: 'tasks.import_resolution',
      payload: { meetingId },
      dedupeKey: `task-import:${meetingId}:${String(event.payload.draftVersion ?? '')}`,
    }).catch((err: unknown) => ctx.log.error({ err, meetingId }, 'resolution import not queued'));
  });
}
