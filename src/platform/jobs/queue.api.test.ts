import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test/support/test-app.ts';
import { PASSWORD, makeAccount, makeTree } from '../../../test/support/factories.ts';
import { mutate } from '../context.ts';
import {
  backoffMs,
  claimJobs,
  completeJob,
  enqueueJob,
  registerJobHandler,
  runClaimed,
  runDueJobs,
} from './queue.ts';
import { startJobWorker } from './worker.ts';

let t: TestApp;
const actor = { accountId: null, ip: null, requestId: 'test' };
const ran: Array<{ id: number; payload: Record<string, unknown>; attempt: number }> = [];

beforeAll(async () => {
  t = await createTestApp();
  registerJobHandler('test.record', async (job) => {
    ran.push({ id: job.id, payload: job.payload, attempt: job.attempt });
  });
  registerJobHandler('test.fail', async () => {
    throw new Error('máy chủ thư không trả lời');
  });
});
afterAll(async () => {
  await t.close();
});

const job = (id: number) =>
  t.ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const minutesLater = (n: number) => new Date(Date.now() + n * 60_000);

describe('enqueueJob', () => {
  it('exists if and only if the surrounding change committed', async () => {
    const committed = await mutate(t.ctx, actor, (uow) =>
      enqueueJob(uow.trx, { kind: 'test.record', payload: { n: 1 } }),
    );
    expect((await job(committed!)).status).toBe('pending');
    let inside: number | null = null;
    await expect(
      mutate(t.ctx, actor, async (uow) => {
        inside = await enqueueJob(uow.trx, { kind: 'test.record', payload: { n: 2 } });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(inside).not.toBeNull();
    expect(
      await t.ctx.db.selectFrom('jobs').select('id').where('id', '=', inside!).executeTakeFirst(),
    ).toBeUndefined();
    await runDueJobs(t.ctx, { kinds: ['test.record'] });
  });

  it('ignores a second job with the same dedupe key', async () => {
    const first = await enqueueJob(t.ctx.db, { kind: 'test.record', dedupeKey: 'notify:e1:m1' });
    const second = await enqueueJob(t.ctx.db, { kind: 'test.record', dedupeKey: 'notify:e1:m1' });
    expect(first).toBeTypeOf('number');
    expect(second).toBeNull();
    await runDueJobs(t.ctx, { kinds: ['test.record'] });
  });
});

describe('running jobs', () => {
  it('runs a due job once with its payload and marks it done; a future job waits', async () => {
    ran.length = 0;
    const now = await enqueueJob(t.ctx.db, { kind: 'test.record', payload: { text: 'Họp chi bộ' } });
    const later = await enqueueJob(t.ctx.db, { kind: 'test.record', runAt: minutesLater(30) });
    expect(await runDueJobs(t.ctx, { kinds: ['test.record'] })).toBe(1);
    expect(ran).toEqual([{ id: now, payload: { text: 'Họp chi bộ' }, attempt: 1 }]);
    expect((await job(now!)).status).toBe('done');
    expect((await job(later!)).status).toBe('pending');
    expect(await runDueJobs(t.ctx, { kinds: ['test.record'] })).toBe(0);
    const claimed = await claimJobs(t.ctx.db, 'w', ['test.record'], 10, minutesLater(31));
    expect(claimed.map((c) => c.id)).toEqual([later]);
    expect(await completeJob(t.ctx.db, later!, 'w')).toBe(true);
  });

  it('retries a failing job with growing delays and dead-letters it after the last try', async () => {
    const id = (await enqueueJob(t.ctx.db, { kind: 'test.fail', maxAttempts: 3 }))!;
    let clock = new Date();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [row] = await claimJobs(t.ctx.db, 'w1', ['test.fail'], 1, clock);
      expect(row?.id).toBe(id);
      expect(row?.attempts).toBe(attempt);
      const status = await runClaimed(t.ctx, row!, 'w1');
      const after = await job(id);
      expect(after.last_error).toContain('máy chủ thư không trả lời');
      if (attempt < 3) {
        expect(status).toBe('pending');
        delays.push(Date.parse(after.run_at) - Date.parse(after.updated_at));
        // Not due again before its delay.
        expect(await claimJobs(t.ctx.db, 'w1', ['test.fail'], 1, clock)).toEqual([]);
        clock = new Date(Date.parse(after.run_at) + 1);
      } else expect(status).toBe('dead');
    }
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect((await job(id)).status).toBe('dead');
    expect(await claimJobs(t.ctx.db, 'w1', ['test.fail'], 1, minutesLater(24 * 60))).toEqual([]);
  });

  it('gives a job whose lease ran out to another worker; the first can no longer complete it', async () => {
    const id = (await enqueueJob(t.ctx.db, { kind: 'test.record', maxAttempts: 2 }))!;
    const [a] = await claimJobs(t.ctx.db, 'crashed', ['test.record'], 1);
    expect(a?.id).toBe(id);
    expect(await claimJobs(t.ctx.db, 'other', ['test.record'], 1)).toEqual([]);
    const [b] = await claimJobs(t.ctx.db, 'other', ['test.record'], 1, minutesLater(6));
    expect(b).toMatchObject({ id, attempts: 2 });
    expect(await completeJob(t.ctx.db, id, 'crashed')).toBe(false);
    // Its last try's lease runs out too: dead-lettered instead of a third try.
    expect(await claimJobs(t.ctx.db, 'third', ['test.record'], 1, minutesLater(12))).toEqual([]);
    expect(await job(id)).toMatchObject({ status: 'dead', last_error: 'lease expired' });
  });

  it('never hands the same job to two workers claiming at the same time', async () => {
    const ids = new Set<number>();
    for (let i = 0; i < 40; i++)
      ids.add((await enqueueJob(t.ctx.db, { kind: 'test.record', payload: { i } }))!);
    const claims = await Promise.all(
      ['w1', 'w2', 'w3', 'w4'].map(async (w) => {
        const mine: number[] = [];
        for (;;) {
          const rows = await claimJobs(t.ctx.db, w, ['test.record'], 3);
          if (rows.length === 0) return mine;
          mine.push(...rows.map((r) => r.id));
        }
      }),
    );
    const all = claims.flat();
    expect(all.length).toBe(40);
    expect(new Set(all)).toEqual(ids);
    const rows = await t.ctx.db
      .selectFrom('jobs')
      .select(['attempts'])
      .where('id', 'in', [...ids])
      .execute();
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    for (const [i, w] of ['w1', 'w2', 'w3', 'w4'].entries())
      for (const id of claims[i]!) expect(await completeJob(t.ctx.db, id, w)).toBe(true);
  });

  it('backoff doubles and is capped at an hour', () => {
    expect(backoffMs(1, () => 0.5)).toBe(10_000);
    expect(backoffMs(2, () => 0.5)).toBe(20_000);
    expect(backoffMs(30, () => 0.5)).toBe(3_600_000);
  });

  it('the server worker picks up a job enqueued while it runs', async () => {
    ran.length = 0;
    const stop = startJobWorker(t.ctx, { pollMs: 20, workerId: 'server' });
    try {
      const id = await enqueueJob(t.ctx.db, { kind: 'test.record', payload: { live: true } });
      for (let i = 0; i < 500 && (await job(id!)).status !== 'done'; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await job(id!)).toMatchObject({ status: 'done', attempts: 1 });
      expect(ran).toEqual([{ id, payload: { live: true }, attempt: 1 }]);
    } finally {
      await stop();
    }
  });
});

describe('system job routes', () => {
  it('an administrator of the whole tree enqueues a probe; it runs once and names its process in the audit log', async () => {
    const tree = await makeTree(t.ctx);
    await makeAccount(t.ctx, { login: 'quantri', roles: [{ role: 'admin', org: tree.province }] });
    await makeAccount(t.ctx, { login: 'quantrixa', roles: [{ role: 'admin', org: tree.communeA }] });
    const admin = await login(t.app, 'quantri', PASSWORD);
    const res = await admin.post('/api/v1/system/jobs/probe', {});
    expect(res.statusCode).toBe(202);
    const { jobId } = res.json() as { jobId: number };
    await runDueJobs(t.ctx, { kinds: ['system.probe'] });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'system.job_probe')
      .where('entity_id', '=', String(jobId))
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!).ranBy).toContain(String(process.pid));
    const status = await admin.get('/api/v1/system/jobs');
    expect(status.statusCode).toBe(200);
    expect((status.json() as { counts: Record<string, number> }).counts.done).toBeGreaterThan(0);
    const communeAdmin = await login(t.app, 'quantrixa', PASSWORD);
    expect((await communeAdmin.post('/api/v1/system/jobs/probe', {})).statusCode).toBe(403);
    expect((await communeAdmin.get('/api/v1/system/events')).statusCode).toBe(403);
  });
});
