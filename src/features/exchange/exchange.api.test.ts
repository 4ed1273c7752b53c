import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeOrg,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import type { DomainEvent } from '../../platform/events/bus.ts';
import { makeDocx, makePdf } from '../../platform/files/test-fixtures.ts';
import { uploadFile } from '../documents/test-support.ts';

let t: TestApp;
let tree: SmallTree;
let communeA: Client;
let secretaryA1: Client;
let memberA1: Client;
let memberA1b: Client;
let memberB1: Client;
let secretaryB1: Client;
const ids: Record<string, string> = {};
const events: DomainEvent[] = [];

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  t.ctx.bus.subscribe('exchange.*', (e) => events.push(e));
  ids.a1 = await makeMember(t.ctx, tree.branchA1);
  ids.a1b = await makeMember(t.ctx, tree.branchA1);
  ids.secA1 = await makeMember(t.ctx, tree.branchA1);
  ids.b1 = await makeMember(t.ctx, tree.branchB1);
  ids.secB1 = await makeMember(t.ctx, tree.branchB1);
  await makeAccount(t.ctx, { login: 'dangu-a', roles: [{ role: 'committee_member', org: tree.communeA }] });
  await makeAccount(t.ctx, {
    login: 'bt-a1',
    memberId: ids.secA1,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: ids.a1 });
  await makeAccount(t.ctx, { login: 'dv-a1b', memberId: ids.a1b });
  await makeAccount(t.ctx, { login: 'dv-b1', memberId: ids.b1 });
  await makeAccount(t.ctx, {
    login: 'bt-b1',
    memberId: ids.secB1,
    roles: [{ role: 'secretary', org: tree.branchB1 }],
  });
  const c = await Promise.all(
    ['dangu-a', 'bt-a1', 'dv-a1', 'dv-a1b', 'dv-b1', 'bt-b1'].map((l) => login(t.app, l, PASSWORD)),
  );
  [communeA, secretaryA1, memberA1, memberA1b, memberB1, secretaryB1] = c as Client[] as [
    Client,
    Client,
    Client,
    Client,
    Client,
    Client,
  ];
});
afterAll(() => t?.close());

const inboxIds = async (c: Client) =>
  ((await c.get('/api/v1/exchange/inbox')).json().items as Array<{ id: string }>).map((i) => i.id);

describe('document exchange', () => {
  it('sends down to members and a lower organisation, tracks opening and acknowledgement, reminds the rest', async () => {
    const sent = await communeA.post('/api/v1/exchange', {
      fromOrgId: tree.communeA.id,
      title: 'Công văn triển khai học tập Nghị quyết',
      body: 'Đề nghị các đồng chí nghiên cứu và xác nhận.',
      memberIds: [ids.a1, ids.a1b],
      orgIds: [tree.branchA1.id],
      ackDeadline: '2026-12-15',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    expect(sent.json().recipients).toHaveLength(3);

    const pdf = await makePdf(['Công văn số 15-CV/ĐU.']);
    const up = await uploadFile(t.app, communeA, `/api/v1/exchange/${id}/files`, 'Công văn 15.pdf', pdf);
    expect(up.statusCode, up.body).toBe(201);
    expect((await memberA1.get(up.json().url)).headers['content-type']).toBe('application/pdf');
    expect((await memberB1.get(up.json().url)).statusCode).toBe(404);

    expect(await inboxIds(memberA1)).toContain(id);
    expect(await inboxIds(secretaryA1)).toContain(id); // as the branch committee
    expect(await inboxIds(memberB1)).not.toContain(id);
    expect(await inboxIds(secretaryB1)).not.toContain(id);
    expect((await memberB1.get(`/api/v1/exchange/${id}`)).statusCode).toBe(404);
    expect((await memberB1.post(`/api/v1/exchange/${id}/ack`)).statusCode).toBe(404);

    const opened = (await memberA1.get(`/api/v1/exchange/${id}`)).json();
    expect(opened.mine.openedAt).toBeTruthy();
    expect(opened.recipients).toEqual([]); // recipients do not see each other
    const acked = (await secretaryA1.post(`/api/v1/exchange/${id}/ack`)).json();
    expect(acked.mine.acknowledgedAt).toBeTruthy();

    const status = (await communeA.get(`/api/v1/exchange/${id}`)).json();
    const byName = new Map(
      (
        status.recipients as Array<{
          kind: string;
          name: string;
          openedAt: string | null;
          acknowledgedAt: string | null;
        }>
      ).map((r) => [r.kind === 'org' ? 'org' : r.name, r]),
    );
    expect(byName.get('org')!.acknowledgedAt).toBeTruthy();
    const members = status.recipients.filter((r: { kind: string }) => r.kind === 'member');
    expect(members.filter((r: { openedAt: string | null }) => r.openedAt).length).toBe(1);
    expect(members.every((r: { acknowledgedAt: string | null }) => r.acknowledgedAt === null)).toBe(true);
    const outbox = (await communeA.get('/api/v1/exchange/outbox')).json().items[0];
    expect(outbox).toMatchObject({ id, recipients: 3, opened: 2, acknowledged: 1 });

    // Only the sender reminds; the reminder names exactly those who have not acknowledged.
    expect((await memberA1.post(`/api/v1/exchange/${id}/remind`)).statusCode).toBe(403);
    events.length = 0;
    expect((await communeA.post(`/api/v1/exchange/${id}/remind`)).json()).toEqual({ reminded: 2 });
    await new Promise((r) => setTimeout(r, 50));
    const reminder = events.find((e) => e.topic === 'exchange.reminder')!;
    expect(reminder).toBeTruthy();
    const who = (reminder.payload.recipients as Array<{ memberId: string | null }>)
      .map((r) => r.memberId)
      .sort();
    expect(who).toEqual([ids.a1, ids.a1b].sort());
    // The member who has not acknowledged finds the reminder in the inbox.
    await vi.waitFor(
      async () => {
        await runDueJobs(t.ctx);
        const items = (await memberA1.get('/api/v1/notifications')).json().items as Array<{ url: string }>;
        expect(items.find((i) => i.url === `/exchange/${id}`)).toMatchObject({ kind: 'exchange' });
      },
      { timeout: 10_000, interval: 100 },
    );
    const after = (await communeA.get(`/api/v1/exchange/${id}`)).json();
    expect(after.recipients.filter((r: { reminders: number }) => r.reminders === 1)).toHaveLength(2);
  });

  it('refuses recipients outside the sending organisation', async () => {
    const res = await communeA.post('/api/v1/exchange', {
      fromOrgId: tree.communeA.id,
      title: 'Sai người nhận',
      memberIds: [ids.b1],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('EXCHANGE_RECIPIENT_OUTSIDE');
    const org = await communeA.post('/api/v1/exchange', {
      fromOrgId: tree.communeA.id,
      title: 'Sai tổ chức',
      orgIds: [tree.communeB.id],
    });
    expect(org.json().error.code).toBe('EXCHANGE_RECIPIENT_OUTSIDE');
    const none = await communeA.post('/api/v1/exchange', { fromOrgId: tree.communeA.id, title: 'Trống' });
    expect(none.json().error.code).toBe('EXCHANGE_NO_RECIPIENTS');
    expect(
      (
        await memberA1.post('/api/v1/exchange', {
          fromOrgId: tree.branchA1.id,
          title: 'x',
          memberIds: [ids.a1b],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('sends to all members of a branch at once', async () => {
    const res = await communeA.post('/api/v1/exchange', {
      fromOrgId: tree.communeA.id,
      title: 'Thông báo chung',
      allMembersOf: [tree.branchA1.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().recipients).toHaveLength(3);
  });

  it('lets a member send a document up to their branch committee', async () => {
    const res = await memberA1b.post('/api/v1/exchange/to-committee', {
      title: 'Bản kiểm điểm cá nhân năm 2026',
      body: 'Kính gửi chi ủy.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect(await inboxIds(secretaryA1)).toContain(id);
    expect(await inboxIds(secretaryB1)).not.toContain(id);
    expect(await inboxIds(memberA1)).not.toContain(id);
    const outbox = (await memberA1b.get('/api/v1/exchange/outbox')).json().items;
    expect(outbox[0]).toMatchObject({ id, recipients: 1, acknowledged: 0 });
    await secretaryA1.post(`/api/v1/exchange/${id}/ack`);
    const status = (await memberA1b.get(`/api/v1/exchange/${id}`)).json();
    expect(status.recipients[0].acknowledgedAt).toBeTruthy();
  });

  it('lists the organisations a committee may send to: its subordinates, or a search in its whole subtree', async () => {
    const direct = (await communeA.get(`/api/v1/orgs/${tree.communeA.id}/exchange-recipients`)).json();
    expect(direct.items.map((o: { name: string }) => o.name).sort()).toEqual(
      ['Chi bộ thôn An Lạc', 'Chi bộ thôn Nguyệt Lâm 3'].sort(),
    );
    expect(direct.items[0].parentName).toBe(tree.communeA.name);
    // Folded search: no diacritics typed, "đ" as "d"; the sender itself and other subtrees never appear.
    const found = (
      await communeA.get(`/api/v1/orgs/${tree.communeA.id}/exchange-recipients?q=nguyet lam`)
    ).json();
    expect(found.items.map((o: { id: string }) => o.id)).toEqual([tree.branchA1.id]);
    const self = (
      await communeA.get(`/api/v1/orgs/${tree.communeA.id}/exchange-recipients?q=dong hop`)
    ).json();
    expect(self.items).toEqual([]);
    const other = (
      await communeA.get(`/api/v1/orgs/${tree.communeA.id}/exchange-recipients?q=phu my`)
    ).json();
    expect(other.items).toEqual([]);
    // Only those who publish for the organisation; another subtree is not even there.
    expect((await memberA1.get(`/api/v1/orgs/${tree.branchA1.id}/exchange-recipients`)).statusCode).toBe(403);
    expect((await communeA.get(`/api/v1/orgs/${tree.communeB.id}/exchange-recipients`)).statusCode).toBe(404);
    const long = await communeA.get(
      `/api/v1/orgs/${tree.communeA.id}/exchange-recipients?q=${'a'.repeat(101)}`,
    );
    expect(long.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('shows attached files in the inbox of every recipient', async () => {
    const sent = await communeA.post('/api/v1/exchange', {
      fromOrgId: tree.communeA.id,
      title: 'Kế hoạch tổng kết năm',
      orgIds: [tree.branchA1.id],
      memberIds: [ids.a1b],
    });
    const id = sent.json().id as string;
    const pdf = await makePdf(['Kế hoạch số 20-KH/ĐU.']);
    await uploadFile(t.app, communeA, `/api/v1/exchange/${id}/files`, 'Kế hoạch 20.pdf', pdf);
    for (const c of [memberA1b, secretaryA1]) {
      const item = (
        (await c.get('/api/v1/exchange/inbox')).json().items as Array<Record<string, unknown>>
      ).find((i) => i.id === id)!;
      expect(item.files).toEqual([
        expect.objectContaining({ fileName: 'Kế hoạch 20.pdf', mime: 'application/pdf' }),
      ]);
    }
    // A file that only claims to be a PDF is refused, and nothing is attached.
    const fake = await uploadFile(
      t.app,
      communeA,
      `/api/v1/exchange/${id}/files`,
      'giả.pdf',
      new TextEncoder().encode('không phải PDF'),
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toMatch(/^UPLOAD_(CONTENT_MISMATCH|TYPE_NOT_ALLOWED)$/);
    expect((await memberA1b.get(`/api/v1/exchange/${id}`)).json().files).toHaveLength(1);
    // A recipient does not attach to someone else's letter.
    const byRecipient = await uploadFile(t.app, memberA1b, `/api/v1/exchange/${id}/files`, 'x.pdf', pdf);
    expect(byRecipient.statusCode).toBe(403);
  });

  it('refuses a deadline that does not exist or has passed, and a closed organisation', async () => {
    const send = (extra: Record<string, unknown>) =>
      communeA.post('/api/v1/exchange', {
        fromOrgId: tree.communeA.id,
        title: 'Có hạn',
        memberIds: [ids.a1],
        ...extra,
      });
    const impossible = await send({ ackDeadline: '2026-02-30' });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.code).toBe('VALIDATION_FAILED');
    expect((await send({ ackDeadline: '2026-1-5' })).json().error.code).toBe('VALIDATION_FAILED');
    const past = await send({ ackDeadline: '2020-01-01' });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.code).toBe('EXCHANGE_DEADLINE_PAST');
    const blank = await send({ title: '   ', ackDeadline: null });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].field).toBe('body/title');
    expect((await send({ ackDeadline: null })).statusCode).toBe(201);
    const closed = await makeOrg(t.ctx, {
      parent: tree.communeA,
      name: 'Chi bộ đã giải thể',
      type: 'branch',
    });
    await t.ctx.db.updateTable('orgs').set({ status: 'closed' }).where('id', '=', closed.id).execute();
    expect((await send({ memberIds: [], orgIds: [closed.id] })).json().error.code).toBe(
      'EXCHANGE_RECIPIENT_OUTSIDE',
    );
  });

  it('lets a member attach a file when writing to the committee', async () => {
    const res = await memberA1.post('/api/v1/exchange/to-committee', { title: 'Đơn xin chuyển sinh hoạt' });
    const id = res.json().id as string;
    const docx = await makeDocx('Đơn xin chuyển sinh hoạt', ['Kính gửi chi ủy.']);
    const up = await uploadFile(t.app, memberA1, `/api/v1/exchange/${id}/files`, 'Đơn.docx', docx);
    expect(up.statusCode, up.body).toBe(201);
    const inbox = (await secretaryA1.get('/api/v1/exchange/inbox')).json().items as Array<{
      id: string;
      files: Array<{ fileName: string }>;
    }>;
    expect(inbox.find((i) => i.id === id)!.files.map((f) => f.fileName)).toEqual(['Đơn.docx']);
    expect((await secretaryA1.get(up.json().url)).statusCode).toBe(200);
    expect((await memberA1b.get(up.json().url)).statusCode).toBe(404);
  });
});
