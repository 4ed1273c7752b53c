import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import { DAILY_LIMIT } from './routes.ts';
import type { DomainEvent } from '../../platform/events/bus.ts';
import { OVERDUE_JOB } from './overdue.ts';

let t: TestApp;
let tree: SmallTree;
let sender: Client;
let neighbour: Client;
let branchSecretary: Client;
let commune: Client;
let commune2: Client;
let district: Client;
let otherCommune: Client;
let admin: Client;
let communeAccount: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  const m1 = await makeMember(t.ctx, tree.branchA1);
  const m2 = await makeMember(t.ctx, tree.branchA1);
  const m3 = await makeMember(t.ctx, tree.branchA1);
  await makeAccount(t.ctx, { login: 'sender', memberId: m1 });
  await makeAccount(t.ctx, { login: 'neighbour', memberId: m2 });
  await makeAccount(t.ctx, {
    login: 'bithu',
    memberId: m3,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  communeAccount = (
    await makeAccount(t.ctx, { login: 'commune', roles: [{ role: 'committee_member', org: tree.communeA }] })
  ).id;
  await makeAccount(t.ctx, { login: 'commune2', roles: [{ role: 'deputy_secretary', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'district', roles: [{ role: 'committee_member', org: tree.district }] });
  await makeAccount(t.ctx, {
    login: 'othercommune',
    roles: [{ role: 'committee_member', org: tree.communeB }],
  });
  await makeAccount(t.ctx, { login: 'admin', roles: [{ role: 'admin', org: tree.province }] });
  const as = (name: string) => login(t.app, name, PASSWORD);
  sender = await as('sender');
  neighbour = await as('neighbour');
  branchSecretary = await as('bithu');
  commune = await as('commune');
  commune2 = await as('commune2');
  district = await as('district');
  otherCommune = await as('othercommune');
  admin = await as('admin');
});
afterAll(() => t?.close());

async function send(c: Client, body: Record<string, unknown>) {
  return c.post('/api/v1/petitions', {
    category: 'kinh_te_xa_hoi',
    title: 'Đường liên thôn xuống cấp',
    body: 'Đề nghị xã sớm sửa đoạn đường liên thôn qua xóm 3.',
    ...body,
  });
}

async function act(c: Client, id: string, body: Record<string, unknown>) {
  const current = await c.get(`/api/v1/petitions/${id}`);
  return c.post(`/api/v1/petitions/${id}/actions`, { version: current.json().version, ...body });
}

describe('sending', () => {
  it('lists the member’s own branch and the committees above it as targets', async () => {
    const res = await sender.get('/api/v1/petitions/targets');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([
      tree.branchA1.id,
      tree.communeA.id,
      tree.district.id,
      tree.province.id,
    ]);
  });

  it('refuses sideways addressing with a code and writes nothing', async () => {
    const res = await send(sender, { orgId: tree.communeB.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('PETITION_ADDRESS_OFF_PATH');
    expect((await sender.get('/api/v1/petitions/mine')).json().items).toHaveLength(0);
  });

  it('refuses an unknown category and an account that is not a member', async () => {
    expect((await send(sender, { orgId: tree.communeA.id, category: 'xyz' })).statusCode).toBe(400);
    const res = await send(admin, { orgId: tree.communeA.id });
    expect(res.statusCode).toBe(403);
  });

  it('keeps text as plain text', async () => {
    const res = await send(sender, {
      orgId: tree.branchA1.id,
      title: '<script>alert(1)</script> Kiến nghị',
      body: 'Nội dung\u0000 có <b>thẻ</b>',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().title).toBe('<script>alert(1)</script> Kiến nghị');
    expect(res.json().body).toBe('Nội dung có <b>thẻ</b>');
  });
});

describe('routing, forwarding and answering', () => {
  it('goes from sent to answered to closed, with history, and the sender replies once and rates', async () => {
    const sent = await send(sender, { orgId: tree.communeA.id });
    expect(sent.statusCode).toBe(201);
    const id = sent.json().id as string;
    expect(sent.json().status).toBe('sent');

    expect((await act(commune, id, { action: 'acknowledge' })).json().status).toBe('acknowledged');
    const assigned = await act(commune, id, { action: 'assign', handlerAccountId: communeAccount });
    expect(assigned.json().status).toBe('in_progress');
    const answered = await act(commune, id, {
      action: 'answer',
      text: 'Xã đã đưa vào kế hoạch sửa chữa quý I.',
    });
    expect(answered.json().status).toBe('answered');

    const seen = await sender.get(`/api/v1/petitions/${id}`);
    expect(seen.json().answer).toBe('Xã đã đưa vào kế hoạch sửa chữa quý I.');
    // The sender is told in the inbox, through the notifications job queue.
    await vi.waitFor(
      async () => {
        await runDueJobs(t.ctx);
        const items = (await sender.get('/api/v1/notifications')).json().items as Array<{ url: string }>;
        expect(items.find((i) => i.url === `/petitions/${id}`)).toMatchObject({
          kind: 'petition',
          body: 'Xã đã đưa vào kế hoạch sửa chữa quý I.',
        });
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(seen.json().history.map((h: { kind: string }) => h.kind)).toEqual([
      'sent',
      'acknowledge',
      'assign',
      'answer',
    ]);

    expect((await act(sender, id, { action: 'reply', text: 'Cảm ơn cấp ủy.' })).statusCode).toBe(200);
    const again = await act(sender, id, { action: 'reply', text: 'Lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PETITION_REPLY_USED');
    expect((await act(sender, id, { action: 'rate', rating: 9 })).json().error.code).toBe(
      'PETITION_RATING_RANGE',
    );
    expect((await act(sender, id, { action: 'rate', rating: 5 })).json().rating).toBe(5);
    expect((await act(commune, id, { action: 'close' })).json().status).toBe('closed');
  });

  it('refuses committee actions by the sender and sender actions by the committee', async () => {
    const id = (await send(sender, { orgId: tree.communeA.id })).json().id as string;
    expect((await act(sender, id, { action: 'acknowledge' })).statusCode).toBe(403);
    expect((await act(commune, id, { action: 'withdraw' })).statusCode).toBe(403);
    expect((await act(sender, id, { action: 'withdraw' })).json().status).toBe('withdrawn');
  });

  it('refuses an action on a stale version', async () => {
    const id = (await send(sender, { orgId: tree.communeA.id })).json().id as string;
    const v = (await commune.get(`/api/v1/petitions/${id}`)).json().version as number;
    expect(
      (await commune.post(`/api/v1/petitions/${id}/actions`, { action: 'acknowledge', version: v }))
        .statusCode,
    ).toBe(200);
    const stale = await commune2.post(`/api/v1/petitions/${id}/actions`, {
      action: 'acknowledge',
      version: v,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('PETITION_VERSION_CONFLICT');
  });

  it('forwards up the path only, and the new committee handles it', async () => {
    const id = (await send(sender, { orgId: tree.communeA.id })).json().id as string;
    const targets = (await commune.get(`/api/v1/petitions/${id}`)).json().forwardTargets;
    expect(targets.map((o: { id: string }) => o.id)).toEqual([
      tree.branchA1.id,
      tree.district.id,
      tree.province.id,
    ]);
    expect((await sender.get(`/api/v1/petitions/${id}`)).json().forwardTargets).toEqual([]);
    const sideways = await act(commune, id, { action: 'forward', toOrgId: tree.communeB.id });
    expect(sideways.json().error.code).toBe('PETITION_FORWARD_OFF_PATH');
    const up = await act(commune, id, {
      action: 'forward',
      toOrgId: tree.district.id,
      note: 'Thuộc thẩm quyền huyện',
    });
    expect(up.statusCode).toBe(200);
    expect(up.json().addressedOrgId).toBe(tree.district.id);
    expect(up.json().status).toBe('sent');
    expect(up.json().canHandle).toBe(false);
    expect((await act(commune, id, { action: 'acknowledge' })).statusCode).toBe(403);
    expect((await act(district, id, { action: 'acknowledge' })).statusCode).toBe(200);
  });
});

describe('who sees what', () => {
  let open: string;
  let secret: string;
  let secretHigh: string;

  beforeAll(async () => {
    open = (await send(sender, { orgId: tree.communeA.id, title: 'Kiến nghị công khai' })).json().id;
    secret = (
      await send(sender, { orgId: tree.communeA.id, title: 'Kiến nghị kín', confidential: true })
    ).json().id;
    secretHigh = (
      await send(sender, { orgId: tree.district.id, title: 'Kiến nghị kín gửi huyện', confidential: true })
    ).json().id;
  });

  it('never shows a member another member’s petition', async () => {
    for (const id of [open, secret])
      expect((await neighbour.get(`/api/v1/petitions/${id}`)).statusCode).toBe(404);
    expect((await neighbour.get('/api/v1/petitions/mine')).json().items).toHaveLength(0);
  });

  it('shows a confidential petition only to the committee it is addressed to', async () => {
    expect((await commune.get(`/api/v1/petitions/${secret}`)).statusCode).toBe(200);
    expect((await branchSecretary.get(`/api/v1/petitions/${secret}`)).statusCode).toBe(404);
    expect((await district.get(`/api/v1/petitions/${secret}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/petitions/${secret}`)).statusCode).toBe(404);
    expect((await district.get(`/api/v1/petitions/${open}`)).statusCode).toBe(200);
    expect((await otherCommune.get(`/api/v1/petitions/${open}`)).statusCode).toBe(404);
  });

  it('hides a confidential petition addressed higher up from a lower committee on the same path', async () => {
    expect((await commune.get(`/api/v1/petitions/${secretHigh}`)).statusCode).toBe(404);
    const inbox = await commune.get(`/api/v1/orgs/${tree.communeA.id}/petitions?limit=200`);
    const ids = inbox.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(secret);
    expect(ids).not.toContain(secretHigh);
    expect((await district.get(`/api/v1/petitions/${secretHigh}`)).statusCode).toBe(200);
  });

  it('does not count hidden petitions in an inbox or in statistics', async () => {
    const inbox = await district.get(`/api/v1/orgs/${tree.district.id}/petitions?limit=200`);
    const ids = inbox.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(open);
    expect(ids).toContain(secretHigh);
    expect(ids).not.toContain(secret);
    const stats = await district.get(`/api/v1/orgs/${tree.district.id}/petition-stats`);
    expect(stats.statusCode).toBe(200);
    expect(stats.json().total).toBe(ids.length);
  });

  it('refuses the inbox to a branch member and to another commune', async () => {
    expect((await neighbour.get(`/api/v1/orgs/${tree.communeA.id}/petitions`)).statusCode).toBe(403);
    expect((await otherCommune.get(`/api/v1/orgs/${tree.communeA.id}/petitions`)).statusCode).toBe(404);
  });

  it('keeps petition text out of the audit log', async () => {
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'petition')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('Kiến nghị kín');
  });
});

describe('overdue reminders', () => {
  it('tells the committee once the answer deadline passes, and not after it answered or forwarded', async () => {
    // A sender of its own: the others have used up their daily allowance in the tests above.
    await makeAccount(t.ctx, { login: 'late-sender', memberId: await makeMember(t.ctx, tree.branchA1) });
    const writer = await login(t.app, 'late-sender', PASSWORD);
    const seen: DomainEvent[] = [];
    const off = t.ctx.bus.subscribe('petition.overdue', (e) => void seen.push(e));
    const late = (await send(writer, { orgId: tree.communeA.id, title: 'Kiến nghị để quá hạn' })).json()
      .id as string;
    const answered = (await send(writer, { orgId: tree.communeA.id, title: 'Kiến nghị trả lời kịp' })).json()
      .id as string;
    const forwarded = (
      await send(sender, { orgId: tree.communeA.id, title: 'Kiến nghị chuyển huyện' })
    ).json().id as string;
    await act(commune, answered, { action: 'answer', text: 'Đã trả lời.' });
    await act(commune, forwarded, { action: 'forward', toOrgId: tree.district.id });
    // Bring the commune's deadlines (not the district's new one) to now, as if the days had passed.
    const jobs = await t.ctx.db
      .selectFrom('jobs')
      .select(['id', 'payload'])
      .where('kind', '=', OVERDUE_JOB)
      .execute();
    const communeJobs = jobs.filter((j) => {
      const payload = JSON.parse(j.payload) as { petitionId: string; receivedAt: string };
      return [late, answered, forwarded].includes(payload.petitionId);
    });
    expect(communeJobs.length).toBe(4);
    const past = new Date(Date.now() - 1000).toISOString();
    await t.ctx.db
      .updateTable('jobs')
      .set({ run_at: past })
      .where(
        'id',
        'in',
        communeJobs.map((j) => j.id),
      )
      .execute();
    await runDueJobs(t.ctx, { kinds: [OVERDUE_JOB] });
    off();
    const ids = seen.map((e) => e.payload.petitionId);
    // The district's reminder for the forwarded one also came due here; it belongs to the district's handlers.
    expect(ids.filter((id) => id === late)).toHaveLength(1);
    expect(ids).not.toContain(answered);
    const lateEvent = seen.find((e) => e.payload.petitionId === late)!;
    expect(lateEvent.payload.accountIds).toContain(communeAccount);
    expect(String(lateEvent.payload.title)).toContain('quá hạn');
    const forwardedEvents = seen.filter((e) => e.payload.petitionId === forwarded);
    for (const e of forwardedEvents) expect(e.payload.accountIds).not.toContain(communeAccount);
  });
});

describe('limits and targets', () => {
  it('sets a response target that dates new petitions', async () => {
    const res = await commune.put(`/api/v1/orgs/${tree.communeA.id}/petition-settings`, { responseDays: 5 });
    expect(res.statusCode).toBe(200);
    const p = (await send(neighbour, { orgId: tree.communeA.id })).json();
    const days = (Date.parse(p.dueAt) - Date.parse(p.receivedAt)) / 86_400_000;
    expect(days).toBe(5);
    expect(
      (await neighbour.put(`/api/v1/orgs/${tree.communeA.id}/petition-settings`, { responseDays: 5 }))
        .statusCode,
    ).toBe(403);
  });

  it('limits how many petitions a member sends in a day', async () => {
    const mine = (await neighbour.get('/api/v1/petitions/mine')).json().items.length as number;
    for (let i = mine; i < DAILY_LIMIT; i++)
      expect((await send(neighbour, { orgId: tree.branchA1.id })).statusCode).toBe(201);
    const res = await send(neighbour, { orgId: tree.branchA1.id });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('PETITION_RATE_LIMITED');
  });
});
