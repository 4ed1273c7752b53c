import type { AppContext } from '../../platform/context.ts';
import { registerJobHandler } from '../../platform/jobs/queue.ts';
import { deliverChunk } from './deliver.ts';
import { DIGEST_JOB, runDigest, scheduleDigest } from './digest.ts';
import {
  DELIVER_JOB,
  FANOUT_JOB,
  enqueueFanout,
  runFanoutStep,
  type DeliverPayload,
  type FanoutPayload,
} from './fanout.ts';
import { TOPICS } from './events.ts';

export function registerNotificationJobs(): void {
  registerJobHandler<FanoutPayload>(FANOUT_JOB, async (job, ctx) => {
    await runFanoutStep(ctx, job.payload);
  });
  registerJobHandler<DeliverPayload>(DELIVER_JOB, async (job, ctx) => {
    await deliverChunk(ctx, job.payload);
  });
  registerJobHandler(DIGEST_JOB, async (_job, ctx) => {
    await runDigest(ctx);
    await scheduleDigest(ctx);
  });
}

/** Each listened topic becomes one fan-out job; the publishing request does nothing per member. */
export function subscribeToEvents(ctx: AppContext): Array<() => void> {
  return TOPICS.map((t) =>
    ctx.bus.subscribe(t.pattern, (event) => {
      enqueueFanout(ctx.db, event.topic, event.payload).catch((err: unknown) =>
        ctx.log.error({ err, topic: event.topic }, 'notification fan-out not queued'),
      );
    }),
  );
}
