import { mutate, type AppContext, type UnitOfWork } from '../../platform/context.ts';
import { enqueueJob, registerJobHandler } from '../../platform/jobs/queue.ts';
import { ROLE_PERMISSIONS, isRole } from '../../platform/permissions/roles.ts';

export const OVERDUE_JOB = 'petitions.overdue';

/** Schedules the reminder for the committee that has just received a petition, at its answer deadline. */
export async function scheduleOverdueReminder(
  uow: UnitOfWork,
  petitionId: string,
  receivedAt: string,
  dueAt: string,
): Promise<void> {
  await enqueueJob(uow.trx, {
    kind: OVERDUE_JOB,
    payload: { petitionId, receivedAt },
    runAt: new Date(dueAt),
    dedupeKey: `petition-overdue:${petitionId}:${receivedAt}`,
  });
}

/**
 * At the deadline: if the committee that received the petition then still has not answered it, its handlers
 * (explicit roles with petition.handle on that organisation) are told it is overdue. A forwarded petition has a
 * new reception time, so the old reminder finds nothing to do.
 */
registerJobHandler<{ petitionId: string; receivedAt: string }>(OVERDUE_JOB, async (job, ctx: AppContext) => {
  const p = await ctx.db
    .selectFrom('petitions')
    .select(['id', 'title', 'status', 'received_at', 'addressed_org_id'])
    .where('id', '=', job.payload.petitionId)
    .executeTakeFirst();
  if (!p || p.received_at !== job.payload.receivedAt) return;
  if (p.status === 'answered' || p.status === 'closed' || p.status === 'withdrawn') return;
  const grants = await ctx.db
    .selectFrom('role_grants')
    .select(['account_id', 'role'])
    .where('org_id', '=', p.addressed_org_id)
    .execute();
  const accountIds = [
    ...new Set(
      grants
        .filter((g) => isRole(g.role) && ROLE_PERMISSIONS[g.role].has('petition.handle'))
        .map((g) => g.account_id),
    ),
  ];
  if (accountIds.length === 0) return;
  await mutate(ctx, { accountId: null, ip: null, requestId: `job-${job.id}` }, async (uow) => {
    uow.emit({
      topic: 'petition.overdue',
      payload: {
        petitionId: p.id,
        title: `Kiến nghị quá hạn trả lời: ${p.title}`,
        url: `/petitions/${p.id}`,
        accountIds,
        eventId: `petition:${p.id}:overdue:${p.received_at}`,
      },
    });
  });
});
