import type { Kysely } from 'kysely';
import type { AppContext } from '../context.ts';
import { dialectOf, type Db, type DbOrTx } from '../db/database.ts';
import type { JobStatus } from './tables.ts';

export interface Job<P = Record<string, unknown>> {
  id: number;
  kind: string;
  payload: P;
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the lease runs out: stop work the next worker will redo. */
  signal: AbortSignal;
}

export type JobHandler<P = Record<string, unknown>> = (job: Job<P>, ctx: AppContext) => Promise<void>;

export interface HandlerOptions {
  /** How long one try may take before its lease runs out and another worker may take the job (default 5 min). */
  leaseMs?: number;
}

export interface EnqueueOptions {
  kind: string;
  payload?: Record<string, unknown>;
  /** Not before this time (Date or ISO string); default now. */
  runAt?: Date | string;
  /** A second enqueue with the same key is ignored while the first job's row exists (done rows go after 7 days). */
  dedupeKey?: string;
  /** Tries before the job is dead-lettered (default 5). */
  maxAttempts?: number;
}

interface Registered {
  handler: JobHandler;
  leaseMs: number;
}

const handlers = new Map<string, Registered>();
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** Registers the code that runs jobs of one kind (once per process, at module load or in a feature's start). */
export function registerJobHandler<P = Record<string, unknown>>(
  kind: string,
  handler: JobHandler<P>,
  opts: HandlerOptions = {},
): void {
  handlers.set(kind, { handler: handler as JobHandler, leaseMs: opts.leaseMs ?? DEFAULT_LEASE_MS });
}

export function registeredKinds(): string[] {
  return [...handlers.keys()];
}

/**
 * Adds a job. Pass the unit of work's `trx` inside `mutate()`: the job then exists if and only if the change
 * committed. Returns the job id, or null when `dedupeKey` was already used.
 */
export async function enqueueJob(db: DbOrTx, opts: EnqueueOptions): Promise<number | null> {
  const now = new Date().toISOString();
  const runAt = opts.runAt === undefined ? now : new Date(opts.runAt).toISOString();
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error('maxAttempts must be ≥ 1');
  const row = await db
    .insertInto('jobs')
    .values({
      kind: opts.kind,
      payload: JSON.stringify(opts.payload ?? {}),
      status: 'pending',
      run_at: runAt,
      attempts: 0,
      max_attempts: maxAttempts,
      dedupe_key: opts.dedupeKey ?? null,
      locked_by: null,
      locked_until: null,
      last_error: null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Delay before try n+1 after n failed tries: 10 s, 20 s, 40 s … capped at 1 h, with ±20 % jitter. */
export function backoffMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = Math.min(3_600_000, 10_000 * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

interface ClaimedRow {
  id: number;
  kind: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

/**
 * Takes up to `limit` due jobs of the given kinds and leases them to `workerId`: pending jobs whose time has
 * come and running jobs whose lease ran out (their worker died). One statement, so two workers never take the
 * same job: PostgreSQL skips rows another worker has locked (`for update skip locked`) and re-checks the
 * rest after their lock is released; SQLite has a single writer.
 */
export async function claimJobs(
  db: Db,
  workerId: string,
  kinds: string[],
  limit: number,
  now: Date = new Date(),
): Promise<ClaimedRow[]> {
  if (kinds.length === 0 || limit < 1) return [];
  const at = now.toISOString();
  // Jobs whose worker died on their last allowed try are dead-lettered instead of retried. Reads first:
  // idle polling must not take SQLite's write lock.
  const expired = await db
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'running')
    .where('locked_until', '<', at)
    .whereRef('attempts', '>=', 'max_attempts')
    .limit(1)
    .executeTakeFirst();
  if (expired)
    await db
      .updateTable('jobs')
      .set({ status: 'dead', locked_by: null, last_error: 'lease expired', updated_at: at, finished_at: at })
      .where('status', '=', 'running')
      .where('locked_until', '<', at)
      .whereRef('attempts', '>=', 'max_attempts')
      .execute();
  const due = (qb: Db) =>
    qb
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', kinds)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', at)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', at)]),
        ]),
      );
  const any = await due(db).limit(1).executeTakeFirst();
  if (!any) return [];
  const pg = dialectOf(db as unknown as Kysely<unknown>) === 'postgres';
  const lease = Math.max(...kinds.map((k) => handlers.get(k)?.leaseMs ?? DEFAULT_LEASE_MS));
  let pick = due(db).orderBy('run_at').orderBy('id').limit(limit);
  if (pg) pick = pick.forUpdate().skipLocked();
  return db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      locked_by: workerId,
      locked_until: new Date(now.getTime() + lease).toISOString(),
      updated_at: at,
    }))
    .where('id', 'in', pick)
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .execute();
}

/** Marks a job done, if this worker still holds its lease. */
export async function completeJob(db: Db, id: number, workerId: string): Promise<boolean> {
  const at = new Date().toISOString();
  const r = await db
    .updateTable('jobs')
    .set({
      status: 'done',
      locked_by: null,
      locked_until: null,
      last_error: null,
      updated_at: at,
      finished_at: at,
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Schedules the next try with backoff, or dead-letters the job after its last allowed try. */
export async function failJob(
  db: Db,
  job: { id: number; attempts: number; max_attempts: number },
  workerId: string,
  error: unknown,
): Promise<JobStatus | null> {
  const at = new Date();
  const message = (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 4000);
  const dead = job.attempts >= job.max_attempts;
  const r = await db
    .updateTable('jobs')
    .set({
      status: dead ? 'dead' : 'pending',
      run_at: dead ? at.toISOString() : new Date(at.getTime() + backoffMs(job.attempts)).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: message,
      updated_at: at.toISOString(),
      finished_at: dead ? at.toISOString() : null,
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? (dead ? 'dead' : 'pending') : null;
}

/** Runs one claimed job with its handler; never throws (failures are recorded on the job). */
export async function runClaimed(
  ctx: AppContext,
  row: ClaimedRow,
  workerId: string,
): Promise<JobStatus | null> {
  const reg = handlers.get(row.kind);
  if (!reg) return failJob(ctx.db, row, workerId, new Error(`no handler for job kind ${row.kind}`));
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('lease expired')), reg.leaseMs);
  try {
    await reg.handler(
      {
        id: row.id,
        kind: row.kind,
        payload: JSON.parse(row.payload) as Record<string, unknown>,
        attempt: row.attempts,
        maxAttempts: row.max_attempts,
        signal: abort.signal,
      },
      ctx,
    );
    if (abort.signal.aborted) throw abort.signal.reason;
    return (await completeJob(ctx.db, row.id, workerId)) ? 'done' : null;
  } catch (err) {
    ctx.log.warn({ err, jobId: row.id, kind: row.kind, attempt: row.attempts }, 'job failed');
    return failJob(ctx.db, row, workerId, err);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs every job of the registered kinds that is due now, one after another, until none is left; for tests
 * and for one-off commands. The server's worker does the same continuously.
 */
export async function runDueJobs(
  ctx: AppContext,
  opts: { workerId?: string; kinds?: string[] } = {},
): Promise<number> {
  const workerId = opts.workerId ?? `run-${process.pid}`;
  const kinds = opts.kinds ?? registeredKinds();
  let ran = 0;
  for (;;) {
    const rows = await claimJobs(ctx.db, workerId, kinds, 10);
    if (rows.length === 0) return ran;
    for (const row of rows) {
      await runClaimed(ctx, row, workerId);
      ran++;
    }
  }
}

/** Deletes finished jobs older than `keepDays`; dead ones stay for an administrator to look at. */
export async function pruneJobs(db: Db, keepDays = 7): Promise<number> {
  const before = new Date(Date.now() - keepDays * 86_400_000).toISOString();
  const r = await db
    .deleteFrom('jobs')
    .where('status', '=', 'done')
    .where('finished_at', '<', before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
