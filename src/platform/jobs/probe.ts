import { mutate } from '../context.ts';
import { INSTANCE_ID } from './instance.ts';
import { registerJobHandler } from './queue.ts';

export const PROBE_JOB = 'system.probe';

/** The probe job writes one audit record naming the process that ran it: proof that the queue works. */
export function registerProbeJob(): void {
  registerJobHandler(PROBE_JOB, async (job, ctx) => {
    await mutate(ctx, { accountId: null, ip: null, requestId: `job-${job.id}` }, (uow) =>
      uow.audit({
        action: 'system.job_probe',
        entityType: 'job',
        entityId: String(job.id),
        orgPath: null,
        after: { ranBy: INSTANCE_ID, attempt: job.attempt, requestedBy: job.payload.requestedBy ?? null },
      }),
    );
  });
}
