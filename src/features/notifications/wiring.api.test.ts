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
import { indexDueNews } from '../news/service.ts';

// Features publish through their real routes; the notifications feature turns the events into inbox rows.
let t: TestApp;
let tree: SmallTree;
let editor: Client;
let memberA1: Client;
let memberB1: Client;
let secretaryA1: Client;
let readerA1: Client;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'vp-xa-a', roles: [{ role: 'office', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'dv-b1', memberId: await makeMember(t.ctx, tree.branchB1) });
  await makeAccount(t.ctx, {
    login: 'bt-a1',
    memberId: await makeMember(t.ctx, tree.branchA1),
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  await makeAccount(t.ctx, { login: 'dv-a1-doc', memberId: await makeMember(t.ctx, tree.branchA1) });
  [editor, memberA1, memberB1, secretaryA1, readerA1] = (await Promise.all(
    ['vp-xa-a', 'dv-a1', 'dv-b1', 'bt-a1', 'dv-a1-doc'].map((l) => login(t.app, l, PASSWORD)),
  )) as [Client, Client, Client, Client, Client];
});
afterAll(() => t?.close());

interface InboxItem {
  title: string;
  kind: string;
  url: string | null;
}

/** Runs the queue until the member's inbox holds an item for `url` (the bus hands events over after commit). */
async function inboxItem(c: Client, url: string): Promise<InboxItem> {
  let found: InboxItem | undefined;
  await vi.waitFor(
    async () => {
      await runDueJobs(t.ctx);
      const items = (await c.get('/api/v1/notifications')).json().items as InboxItem[];
      found = items.find((i) => i.url === url);
      expect(found).toBeDefined();
    },
    { timeout: 10_000, interval: 100 },
  );
  return found!;
}

async function inboxUrls(c: Client): Promise<Array<string | null>> {
  await runDueJobs(t.ctx);
  return ((await c.get('/api/v1/notifications')).json().items as InboxItem[]).map((i) => i.url);
}

describe('features notify through the notifications topics', () => {
  it('news published now reaches the members of its audience, and nobody outside it', async () => {
    const res = await editor.post('/api/v1/news', {
      orgId: tree.communeA.id,
      section: 'bulletin',
      title: 'Hội nghị Ban Chấp hành Đảng bộ xã',
      bodyHtml: '<p>Hội nghị bàn nhiệm vụ quý IV.</p>',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const item = await inboxItem(memberA1, `/news/${id}`);
    expect(item).toMatchObject({ title: 'Hội nghị Ban Chấp hành Đảng bộ xã', kind: 'content' });
    expect(await inboxUrls(memberB1)).not.toContain(`/news/${id}`);
  });

  it('scheduled news notifies when its time comes, not when it is written', async () => {
    const res = await editor.post('/api/v1/news', {
      orgId: tree.communeA.id,
      section: 'bulletin',
      title: 'Lịch tiếp công dân',
      bodyHtml: '<p>Lịch tiếp công dân tháng tới.</p>',
      publishAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect(await inboxUrls(memberA1)).not.toContain(`/news/${id}`);
    // The time comes.
    await t.ctx.db
      .updateTable('news')
      .set({ publish_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', id)
      .execute();
    expect(await indexDueNews(t.ctx)).toBeGreaterThanOrEqual(1);
    expect((await inboxItem(memberA1, `/news/${id}`)).title).toBe('Lịch tiếp công dân');
  });

  it('a document published to a subtree reaches its members', async () => {
    const res = await editor.post('/api/v1/documents', {
      orgId: tree.communeA.id,
      kind: 'nghi_quyet',
      number: '09-NQ/ĐU',
      issuedOn: '2026-03-02',
      issuer: 'Đảng ủy xã',
      title: 'Nghị quyết về chuyển đổi số',
      summary: 'Mục tiêu và giải pháp.',
      body: 'Điều 1. Mục tiêu.\n\nĐiều 2. Giải pháp.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const item = await inboxItem(memberA1, `/documents/${id}`);
    expect(item).toMatchObject({ title: '09-NQ/ĐU — Nghị quyết về chuyển đổi số', kind: 'content' });
    expect(await inboxUrls(memberB1)).not.toContain(`/documents/${id}`);
  });

  it('reminds the members who have not opened a meeting’s materials, 2 days before and on the day', async () => {
    const created = await secretaryA1.post(`/api/v1/orgs/${tree.branchA1.id}/meetings`, {
      kind: 'regular',
      startsAt: new Date(Date.now() + 5 * 24 * 3600_000).toISOString(),
      place: 'Nhà văn hóa thôn',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const { version } = (await secretaryA1.get(`/api/v1/meetings/${id}`)).json() as { version: number };
    const published = await secretaryA1.post(`/api/v1/meetings/${id}/publish`, { expectedVersion: version });
    expect(published.statusCode, published.body).toBe(200);
    const jobs = () =>
      t.ctx.db.selectFrom('jobs').selectAll().where('kind', '=', 'meetings.remind_materials').execute();
    const planned = await jobs();
    expect(planned.map((j) => JSON.parse(j.payload).kind).sort()).toEqual(['days_before', 'same_day']);
    // Nothing is sent before its time.
    expect(await inboxUrls(memberA1)).not.toContain(`/meetings/${id}`);

    expect((await readerA1.post(`/api/v1/meetings/${id}/read`)).statusCode).toBe(200);
    // The time comes for both reminders.
    await t.ctx.db
      .updateTable('jobs')
      .set({ run_at: new Date(Date.now() - 1000).toISOString() })
      .where('kind', '=', 'meetings.remind_materials')
      .execute();
    const item = await inboxItem(memberA1, `/meetings/${id}`);
    expect(item.kind).toBe('meeting');
    await vi.waitFor(
      async () => {
        await runDueJobs(t.ctx);
        expect((await inboxUrls(memberA1)).filter((u) => u === `/meetings/${id}`)).toHaveLength(2);
      },
      { timeout: 10_000, interval: 100 },
    );
    // The member who opened the materials, and members of other branches, get no reminder.
    expect(await inboxUrls(readerA1)).not.toContain(`/meetings/${id}`);
    expect(await inboxUrls(memberB1)).not.toContain(`/meetings/${id}`);

    // Moved to another day after publication: reminders for the new date are planned.
    const startsAt = new Date(Date.now() + 6 * 24 * 3600_000).toISOString();
    const moved = await secretaryA1.put(`/api/v1/meetings/${id}`, { startsAt });
    expect(moved.statusCode, moved.body).toBe(200);
    const stored = (
      await t.ctx.db.selectFrom('meetings').select('starts_at').where('id', '=', id).executeTakeFirstOrThrow()
    ).starts_at;
    const replanned = (await jobs()).filter((j) => JSON.parse(j.payload).startsAt === stored);
    expect(replanned.map((j) => JSON.parse(j.payload).kind).sort()).toEqual(['days_before', 'same_day']);
  });
});
