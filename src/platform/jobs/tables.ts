import type { Generated } from 'kysely';

export type JobStatus = 'pending' | 'running' | 'done' | 'dead';

export interface JobTable {
  id: Generated<number>;
  kind: string;
  /** JSON */
  payload: string;
  status: JobStatus;
  /** Not before this time (ISO); the next try after a failure. */
  run_at: string;
  attempts: number;
  max_attempts: number;
  /** At most one job per key, ever (while the job row is kept): idempotent enqueueing. */
  dedupe_key: string | null;
  /** The worker holding the lease, and until when. A lease that runs out makes the job claimable again. */
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

declare module '../db/schema.ts' {
  interface DB {
    jobs: JobTable;
  }
}
