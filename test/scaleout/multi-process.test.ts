import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { closeContext, createContext, migrate } from '../../src/app/boot.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createEventBus } from '../../src/platform/events/create-bus.ts';
import type { DomainEvent, EventBus } from '../../src/platform/events/bus.ts';
import { PASSWORD, makeAccount, makeMember, makeTree } from '../support/factories.ts';
import { call, freshPgDatabase, openSse, startServer, waitFor, type ServerProcess } from './processes.ts';

// Scale-out mode for real: separate OS processes sharing one PostgreSQL database, two of them talking over
// Redis and one over NATS. Each run has its own database and its own channels.
const REDIS = process.env.SOTAY_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const NATS = process.env.SOTAY_TEST_NATS ?? 'nats://127.0.0.1:4222';
const run = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const redisUrl = `${REDIS}?channel=sotay_scaleout_${run}`;
const natsUrl = `${NATS}?channel=sotay_scaleout_${run}`;

let db: { url: string; drop: () => Promise<void> };
let a: ServerProcess;
let b: ServerProcess;
let c: ServerProcess;
let adminCookie: string;
let branchId: string;
let bithuId: string;
const buses: EventBus[] = [];

async function loginOn(server: ServerProcess, loginName: string): Promise<string> {
  const res = await call(server.url, 'POST', '/api/v1/auth/login', {
    body: { login: loginName, password: PASSWORD },
  });
  if (res.status !== 200 || !res.cookie) throw new Error(`login on ${server.name}: ${res.status}`);
  return res.cookie;
}

beforeAll(async () => {
  db = await freshPgDatabase('sotay_scaleout');
  const ctx = await createContext(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' }));
  await migrate(ctx);
  const tree = await makeTree(ctx);
  await makeAccount(ctx, { login: 'quantri', roles: [{ role: 'admin', org: tree.province }] });
  bithuId = (await makeAccount(ctx, { login: 'bithu', roles: [{ role: 'secretary', org: tree.branchA1 }] }))
    .id;
  branchId = tree.branchA1.id;
  const sec = await makeMember(ctx, tree.branchA1);
  const mem = await makeMember(ctx, tree.branchA1);
  await makeAccount(ctx, { login: 'bt', memberId: sec, roles: [{ role: 'secretary', org: tree.branchA1 }] });
  await makeAccount(ctx, { login: 'dv', memberId: mem });
  await closeContext(ctx);
  // Second factor is tested by its own feature; here the administrator signs in with a password only.
  const common = { DATABASE_URL: db.url, SOTAY_JOBS_POLL_MS: '50', SOTAY_TWO_FACTOR: 'off' };
  [a, b, c] = await Promise.all([
    startServer('a', { ...common, EVENTS_URL: redisUrl }),
    startServer('b', { ...common, EVENTS_URL: redisUrl }),
    startServer('c', { ...common, EVENTS_URL: natsUrl }),
  ]);
  adminCookie = await loginOn(a, 'quantri');
});

afterAll(async () => {
  await Promise.all([a, b, c].filter(Boolean).map((s) => s.stop()));
  await Promise.all(buses.map((bus) => bus.close()));
  await db?.drop();
});

describe('scale-out: processes share sessions and rate limits through the database', () => {
  it('a session opened on one process works on the others and ends everywhere at sign-out', async () => {
    const cookie = await loginOn(a, 'bithu');
    for (const server of [a, b, c]) {
      const me = await call(server.url, 'GET', '/api/v1/me', { cookie });
      expect(me.status, server.name).toBe(200);
    }
    expect((await call(b.url, 'POST', '/api/v1/auth/logout', { cookie, body: {} })).status).toBeLessThan(300);
    for (const server of [a, b, c])
      expect((await call(server.url, 'GET', '/api/v1/me', { cookie })).status, server.name).toBe(401);
  });

  it('a grant revoked through one process is refused by the others on their very next request', async () => {
    // Each process keeps the session's principal in memory after the first request; the principal stamp (bumped
    // in the revoking transaction) is what makes the others drop it.
    const grant = await call(a.url, 'POST', `/api/v1/accounts/${bithuId}/roles`, {
      cookie: adminCookie,
      body: { role: 'office', orgId: branchId },
    });
    expect(grant.status).toBe(201);
    const grantId = (grant.body as { grantId: string }).grantId;
    const cookie = await loginOn(a, 'bithu');
    const roles = async (server: ServerProcess) => {
      const me = await call(server.url, 'GET', '/api/v1/me', { cookie });
      expect(me.status, server.name).toBe(200);
      return (me.body as { roles: Array<{ role: string }> }).roles.map((r) => r.role).sort();
    };
    for (const server of [a, b, c]) {
      expect(await roles(server), server.name).toEqual(['office', 'secretary']);
      expect(await roles(server), server.name).toEqual(['office', 'secretary']);
    }
    const revoked = await call(a.url, 'DELETE', `/api/v1/role-grants/${grantId}`, { cookie: adminCookie });
    expect(revoked.status).toBeLessThan(300);
    for (const server of [b, c, a]) expect(await roles(server), server.name).toEqual(['secretary']);
  });

  it('failed logins counted on one process lock the login on another', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const server = [a, b, c][i % 3]!;
      statuses.push(
        (
          await call(server.url, 'POST', '/api/v1/auth/login', {
            body: { login: 'bithu', password: 'sai-mat-khau' },
          })
        ).status,
      );
    }
    expect(statuses.every((s) => s === 401)).toBe(true);
    const locked = await call(b.url, 'POST', '/api/v1/auth/login', {
      body: { login: 'bithu', password: PASSWORD },
    });
    expect(locked.status).toBe(429);
  });
});

describe('scale-out: events between processes', () => {
  it('Redis: a live meeting step opened on process A reaches a member following the meeting on process B', async () => {
    const secretary = await loginOn(a, 'bt');
    const member = await loginOn(b, 'dv');
    const ok = async (method: string, url: string, body: unknown) => {
      const res = await call(a.url, method, url, { cookie: secretary, body });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body as { id?: string };
    };
    const created = await ok('POST', `/api/v1/orgs/${branchId}/meetings`, {
      kind: 'regular',
      startsAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
      place: 'Nhà văn hóa thôn',
    });
    const meetingId = String(created.id);
    await ok('POST', `/api/v1/meetings/${meetingId}/publish`, { expectedVersion: 1 });
    await ok('POST', `/api/v1/meetings/${meetingId}/start`, { expectedVersion: 2 });
    const stream = await openSse(b.url, `/api/v1/meetings/${meetingId}/live`, member);
    try {
      const first = await stream.next((e) => e.event === 'state');
      const state = first.data as { version: number; currentStepId: string };
      await ok('POST', `/api/v1/meetings/${meetingId}/steps`, {
        action: 'open',
        stepId: state.currentStepId,
        expectedVersion: state.version,
      });
      const step = await stream.next((e) => (e.data as { reason?: string }).reason === 'step');
      expect(step.data).toMatchObject({ currentStepId: state.currentStepId, version: state.version + 1 });
    } finally {
      stream.close();
    }
  });

  it('Redis: an event posted on process A reaches an SSE client connected to process B', async () => {
    const stream = await openSse(b.url, '/api/v1/system/events', adminCookie);
    try {
      const ready = await stream.next((e) => e.event === 'ready');
      const bInstance = (ready.data as { instance: string }).instance;
      const posted = await call(a.url, 'POST', '/api/v1/system/events/probe', {
        cookie: adminCookie,
        body: { note: 'Bước 3: biểu quyết' },
      });
      expect(posted.status).toBe(200);
      const from = (posted.body as { from: string }).from;
      expect(from).not.toBe(bInstance);
      const got = await stream.next((e) => e.event === 'system.probe');
      expect(got.data).toMatchObject({ from, note: 'Bước 3: biểu quyết' });
    } finally {
      stream.close();
    }
  });

  it('NATS: events cross between process C and another NATS client in both directions', async () => {
    const outside = await createEventBus(natsUrl);
    buses.push(outside);
    const stream = await openSse(c.url, '/api/v1/system/events', adminCookie);
    try {
      await stream.next((e) => e.event === 'ready');
      await outside.publish({ topic: 'system.probe', payload: { from: 'outside', note: 'từ NATS' } });
      expect((await stream.next((e) => e.event === 'system.probe')).data).toMatchObject({ from: 'outside' });

      const received = new Promise<DomainEvent>((resolve) => {
        const off = outside.subscribe('system.probe', (e) => {
          if (e.payload.from === 'outside') return;
          off();
          resolve(e);
        });
      });
      const posted = await call(c.url, 'POST', '/api/v1/system/events/probe', {
        cookie: adminCookie,
        body: {},
      });
      expect((await received).payload.from).toBe((posted.body as { from: string }).from);
      // The Redis processes are another installation as far as NATS is concerned: nothing leaks across.
    } finally {
      stream.close();
    }
  });
});

describe('scale-out: jobs with several workers competing', () => {
  it('each job enqueued once is run exactly once across the three processes', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 24; i++) {
      const server = [a, b, c][i % 3]!;
      const res = await call(server.url, 'POST', '/api/v1/system/jobs/probe', {
        cookie: adminCookie,
        body: {},
      });
      expect(res.status).toBe(202);
      ids.push((res.body as { jobId: number }).jobId);
    }
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await waitFor('all probe jobs done', async () => {
        const r = await client.query<{ n: number }>(
          `select count(*)::int as n from jobs where id = any($1) and status = 'done'`,
          [ids],
        );
        return r.rows[0]!.n === ids.length;
      });
      const jobs = await client.query<{ attempts: number }>(`select attempts from jobs where id = any($1)`, [
        ids,
      ]);
      expect(jobs.rows.every((j) => j.attempts === 1)).toBe(true);
      const runs = await client.query<{ entity_id: string; after: string }>(
        `select entity_id, after from audit_log where action = 'system.job_probe'`,
      );
      const perJob = new Map<string, number>();
      for (const r of runs.rows) perJob.set(r.entity_id, (perJob.get(r.entity_id) ?? 0) + 1);
      expect([...perJob.keys()].sort()).toEqual(ids.map(String).sort());
      expect([...perJob.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await client.end();
    }
  });
});
