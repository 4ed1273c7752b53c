import type { AppContext } from '../context.ts';
import { INSTANCE_ID } from './instance.ts';
import { claimJobs, pruneJobs, registeredKinds, runClaimed } from './queue.ts';

export interface WorkerOptions {
  workerId?: string;
  /** How often to look for due jobs when idle (default 1 s; SOTAY_JOBS_POLL_MS). */
  pollMs?: number;
  /** Jobs run at the same time by this process (default 4; SOTAY_JOBS_CONCURRENCY). */
  concurrency?: number;
}

/**
 * The background worker every server process runs: claims due jobs of the kinds registered in this process,
 * runs them, records the outcome. Several processes may run it on PostgreSQL; leases keep them apart.
 * Returns a stopper that waits for running jobs to finish.
 */
export function startJobWorker(ctx: AppContext, opts: WorkerOptions = {}): () => Promise<void> {
  const workerId = opts.workerId ?? INSTANCE_ID;
  const pollMs = opts.pollMs ?? Number(process.env.SOTAY_JOBS_POLL_MS ?? 1000);
  const concurrency = opts.concurrency ?? Number(process.env.SOTAY_JOBS_CONCURRENCY ?? 4);
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  let ticking = false;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let lastPrune = 0;

  const tick = async () => {
    timer = null;
    if (stopped) return;
    ticking = true;
    let claimedAny = false;
    try {
      if (Date.now() - lastPrune > 3_600_000) {
        lastPrune = Date.now();
        await pruneJobs(ctx.db);
      }
      const free = concurrency - running.size;
      const rows = free > 0 ? await claimJobs(ctx.db, workerId, registeredKinds(), free) : [];
      claimedAny = rows.length > 0;
      for (const row of rows) {
        const p = runClaimed(ctx, row, workerId).finally(() => {
          running.delete(p);
          // A free slot: look again at once instead of waiting for the next poll.
          schedule(0);
        });
        running.add(p);
      }
    } catch (err) {
      ctx.log.error({ err }, 'job worker: claiming failed');
    }
    ticking = false;
    schedule(claimedAny || again ? 0 : pollMs);
    again = false;
  };
  const schedule = (ms: number) => {
    if (ticking) again = true;
    if (stopped || timer || ticking) return;
    timer = setTimeout(() => void tick(), ms);
  };
  schedule(0);
  ctx.log.debug({ workerId }, 'job worker started');

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await Promise.allSettled([...running]);
  };
}
