import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { makeAccount, makeMember, makeTree, PASSWORD } from '../../../test/support/factories.ts';

/** Server-sent events over a real socket: what a member's phone receives while the secretary runs the meeting. */
let t: TestApp;
let base = '';
let secCookie = '';
let memberCookie = '';
let meetingId = '';

async function loginCookie(login: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sotay-client': 'test' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function call(method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { cookie: secCookie, 'x-sotay-client': 'test', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  expect(res.status, JSON.stringify(json)).toBeLessThan(300);
  return json;
}

interface SseEvent {
  event: string;
  data: { reason?: string; currentStepId?: string | null; version?: number; status?: string };
}

/** Reads events from an open SSE response until `until` accepts one. */
function reader(res: Response) {
  const r = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(until: (e: SseEvent) => boolean): Promise<SseEvent> {
      for (;;) {
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) {
            const e = { event, data: JSON.parse(data) as SseEvent['data'] };
            if (until(e)) return e;
          }
          cut = buffer.indexOf('\n\n');
        }
        const chunk = await r.read();
        if (chunk.done) throw new Error('stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
    cancel: () => r.cancel(),
  };
}

function follow() {
  return fetch(`${base}/api/v1/meetings/${meetingId}/live`, { headers: { cookie: memberCookie } });
}

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.ctx);
  const sec = await makeMember(t.ctx, tree.branchA1);
  const mem = await makeMember(t.ctx, tree.branchA1);
  await makeAccount(t.ctx, {
    login: 'bt',
    memberId: sec,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  await makeAccount(t.ctx, { login: 'dv', memberId: mem });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  secCookie = await loginCookie('bt');
  memberCookie = await loginCookie('dv');
  const created = await call('POST', `/api/v1/orgs/${tree.branchA1.id}/meetings`, {
    kind: 'regular',
    startsAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
    place: 'Hội trường thôn',
  });
  meetingId = String(created.id);
  await call('POST', `/api/v1/meetings/${meetingId}/publish`, { expectedVersion: 1 });
  await call('POST', `/api/v1/meetings/${meetingId}/start`, { expectedVersion: 2 });
});
afterAll(() => t?.close());

describe('live updates over server-sent events', () => {
  it('sends the full state first, then each step change', async () => {
    const res = await follow();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = reader(res);
    const first = await events.next(() => true);
    expect(first.event).toBe('state');
    expect(first.data).toMatchObject({ reason: 'initial', status: 'live', version: 3 });
    const firstStep = first.data.currentStepId!;

    await call('POST', `/api/v1/meetings/${meetingId}/steps`, {
      action: 'open',
      stepId: firstStep,
      expectedVersion: 3,
    });
    const opened = await events.next((e) => e.data.reason === 'step');
    expect(opened.data).toMatchObject({ version: 4, currentStepId: firstStep });
    await call('POST', `/api/v1/meetings/${meetingId}/steps`, {
      action: 'close',
      stepId: firstStep,
      expectedVersion: 4,
    });
    const closed = await events.next((e) => e.data.reason === 'step');
    expect(closed.data.version).toBe(5);
    expect(closed.data.currentStepId).not.toBe(firstStep);
    await events.cancel();
  });

  it('brings a client that reconnects up to the current step', async () => {
    const state = await call('GET', `/api/v1/meetings/${meetingId}/state`);
    await call('POST', `/api/v1/meetings/${meetingId}/steps`, {
      action: 'open',
      stepId: state.currentStepId,
      expectedVersion: state.version,
    });
    const again = reader(await follow());
    const first = await again.next(() => true);
    expect(first.data).toMatchObject({
      reason: 'initial',
      currentStepId: state.currentStepId,
      version: Number(state.version) + 1,
    });
    await again.cancel();
  });

  it('refuses the stream to someone outside the branch', async () => {
    const res = await fetch(`${base}/api/v1/meetings/${meetingId}/live`);
    expect(res.status).toBe(401);
  });
  it('ends open streams when the server stops, so shutdown does not wait for the phones', async () => {
    const open = reader(await follow());
    await open.next(() => true);
    await t.app.close();
    await expect(open.next(() => false)).rejects.toThrow('stream ended');
  });
});
