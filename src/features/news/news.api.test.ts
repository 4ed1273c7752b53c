import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { XSS_PAYLOADS } from '../../platform/html/xss-payloads.ts';
import { indexDueNews } from './service.ts';
import { bumpFeedStamp } from './feed-stamp.ts';

let t: TestApp;
let tree: SmallTree;
let provinceEditor: Client;
let communeAEditor: Client;
let memberA1: Client;
let memberA2: Client;
let memberB1: Client;

const LONG =
  '<h2>Toàn cảnh</h2><p>' +
  'Tỉnh Thái Bình đẩy mạnh chuyển đổi số trong các cơ quan Đảng, chính quyền và đoàn thể. '.repeat(60) +
  '</p><ul><li>Một</li><li>Hai</li></ul>';

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'bt-tinh', roles: [{ role: 'office', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'vp-xa-a', roles: [{ role: 'committee_member', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'dv-a2', memberId: await makeMember(t.ctx, tree.branchA2) });
  await makeAccount(t.ctx, { login: 'dv-b1', memberId: await makeMember(t.ctx, tree.branchB1) });
  const c = await Promise.all(
    ['bt-tinh', 'vp-xa-a', 'dv-a1', 'dv-a2', 'dv-b1'].map((l) => login(t.app, l, PASSWORD)),
  );
  [provinceEditor, communeAEditor, memberA1, memberA2, memberB1] = c as [
    Client,
    Client,
    Client,
    Client,
    Client,
  ];
});
afterAll(() => t?.close());

async function post(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/news', {
    section: 'province',
    title: 'Tin',
    bodyHtml: '<p>Nội dung</p>',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; bodyHtml: string; scheduled: boolean };
}

const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((i) => i.id);

describe('news feed', () => {
  it('shows a commune bulletin to its members and committees above, never to other communes', async () => {
    const bulletin = await post(communeAEditor, {
      orgId: tree.communeA.id,
      section: 'bulletin',
      title: 'Bản tin Đảng ủy xã số 3',
    });
    for (const c of [memberA1, memberA2, provinceEditor]) {
      expect(ids(await c.get('/api/v1/news'))).toContain(bulletin.id);
      expect((await c.get(`/api/v1/news/${bulletin.id}`)).statusCode).toBe(200);
    }
    expect(ids(await memberB1.get('/api/v1/news'))).not.toContain(bulletin.id);
    expect(ids(await memberB1.get('/api/v1/news?section=bulletin'))).toEqual([]);
    expect((await memberB1.get(`/api/v1/news/${bulletin.id}`)).statusCode).toBe(404);
    expect((await memberB1.post(`/api/v1/news/${bulletin.id}/read`)).statusCode).toBe(404);
    expect((await memberB1.get('/api/v1/news/unread')).json()).toEqual({ total: 0, sections: {} });
    expect((await memberA1.get('/api/v1/news/unread')).json().sections.bulletin).toBe(1);
    // A commune committee cannot publish to the other commune.
    const out = await communeAEditor.post('/api/v1/news', {
      orgId: tree.communeA.id,
      audienceOrgIds: [tree.communeB.id],
      section: 'bulletin',
      title: 'x',
      bodyHtml: '<p>x</p>',
    });
    expect([403, 404]).toContain(out.statusCode);
    expect(
      (
        await memberA1.post('/api/v1/news', {
          orgId: tree.branchA1.id,
          section: 'bulletin',
          title: 'x',
          bodyHtml: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('marks unread items and remembers reading per member', async () => {
    const n = await post(provinceEditor, { orgId: tree.province.id, title: 'Hội nghị Ban Chấp hành' });
    const page = await memberA1.get('/api/v1/news');
    expect(page.headers['content-type']).toBe('application/json; charset=utf-8');
    const before = page.json().items.find((i: { id: string }) => i.id === n.id);
    expect(before.unread).toBe(true);
    expect(before.sectionName).toBe('Trong tỉnh');
    expect((await memberA1.post(`/api/v1/news/${n.id}/read`)).json()).toEqual({ read: true });
    const after = (await memberA1.get('/api/v1/news'))
      .json()
      .items.find((i: { id: string }) => i.id === n.id);
    expect(after.unread).toBe(false);
    const other = (await memberA2.get('/api/v1/news'))
      .json()
      .items.find((i: { id: string }) => i.id === n.id);
    expect(other.unread).toBe(true);
  });

  it('pins on top, pages newest first with small pages, and sends excerpts instead of bodies', async () => {
    for (let i = 0; i < 25; i++)
      await post(provinceEditor, {
        orgId: tree.province.id,
        section: i % 2 ? 'national' : 'international',
        title: `Tin số ${i} về kinh tế và xã hội trong tuần`,
        bodyHtml: LONG,
        publishAt: new Date(Date.UTC(2026, 0, 1, 8, i)).toISOString(),
        source: 'Báo Thái Bình',
      });
    const pinned = await post(provinceEditor, {
      orgId: tree.province.id,
      title: 'Tin cũ được ghim',
      publishAt: '2025-01-01T00:00:00.000Z',
    });
    await provinceEditor.post(`/api/v1/news/${pinned.id}/pin`, { pinned: true });
    const page1 = await memberA1.get('/api/v1/news?limit=20');
    expect(page1.body.length).toBeLessThanOrEqual(30 * 1024);
    const items = page1.json().items as Array<{ id: string; publishedAt: string; excerpt: string }>;
    expect(items).toHaveLength(20);
    expect(items[0]!.id).toBe(pinned.id);
    const rest = items.slice(1).map((i) => i.publishedAt);
    expect(rest).toEqual([...rest].sort().reverse());
    expect(items[1]!.excerpt.length).toBeLessThanOrEqual(221);
    expect(page1.body).not.toContain('<p>');
    const seen = new Set(items.map((i) => i.id));
    let cursor = page1.json().nextCursor as string | null;
    while (cursor) {
      const next = (await memberA1.get(`/api/v1/news?limit=20&cursor=${cursor}`)).json();
      for (const i of next.items as Array<{ id: string }>) {
        expect(seen.has(i.id)).toBe(false);
        seen.add(i.id);
      }
      cursor = next.nextCursor;
    }
    expect(seen.size).toBe(ids(await memberA1.get('/api/v1/news?limit=50')).length);
    const intl = (await memberA1.get('/api/v1/news?section=international&limit=50')).json().items;
    expect(intl).toHaveLength(13);
  });

  it('schedules, unpublishes and keeps the search index in step', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const s = await post(provinceEditor, { orgId: tree.province.id, title: 'Tin hẹn giờ', publishAt: later });
    expect(s.scheduled).toBe(true);
    expect(ids(await memberA1.get('/api/v1/news?limit=50'))).not.toContain(s.id);
    expect((await memberA1.get(`/api/v1/news/${s.id}`)).statusCode).toBe(404);
    const editorView = (await provinceEditor.get('/api/v1/news/editor')).json().items;
    expect(editorView.find((i: { id: string }) => i.id === s.id).scheduled).toBe(true);
    const inIndex = async (id: string) =>
      (await t.ctx.db.selectFrom('search_items').select('item_id').where('item_id', '=', id).execute())
        .length;
    expect(await inIndex(s.id)).toBe(0);
    // When its time comes the item is live and indexed.
    await t.ctx.db
      .updateTable('news')
      .set({ publish_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', s.id)
      .execute();
    expect(await indexDueNews(t.ctx)).toBeGreaterThanOrEqual(1);
    expect(await inIndex(s.id)).toBe(1);
    expect(ids(await memberA1.get('/api/v1/news?limit=50'))).toContain(s.id);

    await provinceEditor.post(`/api/v1/news/${s.id}/unpublish`);
    expect(ids(await memberA1.get('/api/v1/news?limit=50'))).not.toContain(s.id);
    expect(await inIndex(s.id)).toBe(0);
    expect((await provinceEditor.get(`/api/v1/news/${s.id}`)).json().status).toBe('unpublished');
    expect((await memberA1.post(`/api/v1/news/${s.id}/unpublish`)).statusCode).toBe(403);
  });
});

describe('editing', () => {
  it('edits a published item: sanitised, audited, re-indexed, seen by members with the new text', async () => {
    const n = await post(communeAEditor, { orgId: tree.communeA.id, section: 'bulletin', title: 'Lịch họp' });
    await memberA1.post(`/api/v1/news/${n.id}/read`);
    const put = (c: Client, body: Record<string, unknown>) =>
      c.put(`/api/v1/news/${n.id}`, {
        orgId: tree.communeA.id,
        section: 'bulletin',
        title: 'Lịch họp chi bộ tháng 12 (sửa)',
        bodyHtml:
          '<p>Họp lúc <strong>19 giờ 30</strong>.</p><script>alert(1)</script><img src=x onerror=alert(1)>',
        ...body,
      });
    const res = await put(communeAEditor, {});
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json();
    expect(edited.title).toBe('Lịch họp chi bộ tháng 12 (sửa)');
    expect(edited.bodyHtml).toContain('<strong>19 giờ 30</strong>');
    expect(edited.bodyHtml.toLowerCase()).not.toMatch(/<script|onerror/);
    expect(edited.status).toBe('published');
    expect(edited.scheduled).toBe(false);
    // Members see the new text; what they read stays read.
    const seen = (await memberA1.get(`/api/v1/news/${n.id}`)).json();
    expect(seen.title).toBe('Lịch họp chi bộ tháng 12 (sửa)');
    expect(seen.readAt).toBeTruthy();
    const indexed = await t.ctx.db
      .selectFrom('search_items')
      .select('title')
      .where('item_id', '=', n.id)
      .execute();
    expect(indexed.map((r) => r.title)).toEqual(['Lịch họp chi bộ tháng 12 (sửa)']);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('action', '=', 'news.update')
      .where('entity_id', '=', n.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!).title).toBe('Lịch họp');
    expect(JSON.parse(audit[0]!.after!).title).toBe('Lịch họp chi bộ tháng 12 (sửa)');

    // Moving it to a later time takes it off the feed and out of search until then.
    const later = new Date(Date.now() + 86_400_000).toISOString();
    const moved = (await put(communeAEditor, { publishAt: later })).json();
    expect(moved.scheduled).toBe(true);
    expect(ids(await memberA1.get('/api/v1/news?limit=50'))).not.toContain(n.id);
    expect(
      await t.ctx.db.selectFrom('search_items').select('item_id').where('item_id', '=', n.id).execute(),
    ).toEqual([]);
    // A scheduled item is edited the same way and keeps its time when none is given.
    const kept = (await put(communeAEditor, { title: 'Lịch họp (hẹn giờ)' })).json();
    expect(kept.publishAt).toBe(later);
  });

  it('refuses bad edits and editors without the right over the item', async () => {
    const n = await post(communeAEditor, {
      orgId: tree.communeA.id,
      section: 'bulletin',
      title: 'Thông báo',
    });
    const base = {
      orgId: tree.communeA.id,
      section: 'bulletin',
      title: 'Thông báo',
      bodyHtml: '<p>Nội dung</p>',
    };
    const put = (c: Client, body: Record<string, unknown>, id = n.id) =>
      c.put(`/api/v1/news/${id}`, { ...base, ...body });
    expect((await put(communeAEditor, { bodyHtml: '<script>alert(1)</script>' })).json().error.code).toBe(
      'NEWS_EMPTY',
    );
    for (const bad of [
      { title: '   ' },
      { publishAt: 'ngày mai' },
      { sourceUrl: 'javascript:alert(1)' },
      { section: 'sport' },
      { orgId: tree.province.id },
      { extra: 1 },
    ]) {
      const res = await put(communeAEditor, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    // The province office edits what its communes publish; a member cannot; another commune does not see it.
    expect((await put(provinceEditor, { title: 'Thông báo (tỉnh sửa)' })).statusCode).toBe(200);
    expect((await put(memberA1, {})).statusCode).toBe(403);
    const provinceItem = await post(provinceEditor, { orgId: tree.province.id });
    expect((await put(communeAEditor, { orgId: tree.province.id }, provinceItem.id)).statusCode).toBe(403);
    expect((await communeAEditor.put('/api/v1/news/khong-co', base)).statusCode).toBe(404);
  });
});

describe('rich text', () => {
  it('strips every known script payload and keeps the formatting', async () => {
    for (const payload of XSS_PAYLOADS) {
      const n = await post(provinceEditor, {
        orgId: tree.province.id,
        title: 'Thử nội dung',
        bodyHtml: `<h2>Tiêu đề</h2><p><strong>Đậm</strong> <a href="https://baothaibinh.com.vn">liên kết</a></p>${payload}`,
      });
      const html = n.bodyHtml.toLowerCase();
      expect(html, payload).not.toMatch(
        /<script|javascript:|\bon[a-z]+\s*=|<iframe|<svg|<object|<embed|<style/,
      );
      expect(html).toContain('<h2>tiêu đề</h2>');
      expect(html).toContain('<strong>đậm</strong>');
      expect(html).toContain('href="https://baothaibinh.com.vn/"');
    }
  });

  it('refuses an article with no content', async () => {
    const res = await provinceEditor.post('/api/v1/news', {
      orgId: tree.province.id,
      section: 'province',
      title: 'Trống',
      bodyHtml: '<script>alert(1)</script>',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NEWS_EMPTY');
  });
});

describe('first feed page kept in memory', () => {
  const titles = async (c: Client) =>
    (await c.get('/api/v1/news')).json().items.map((i: { title: string }) => i.title) as string[];

  it('is reused until the feed stamp changes, as a change made by another process bumps it', async () => {
    const n = await post(provinceEditor, { orgId: tree.province.id, title: 'Tin giữ trong bộ nhớ' });
    expect(await titles(memberA1)).toContain('Tin giữ trong bộ nhớ');
    // A write that does not bump the stamp is not seen: the page is really kept.
    await t.ctx.db.updateTable('news').set({ title: 'Tin đã sửa' }).where('id', '=', n.id).execute();
    expect(await titles(memberA1)).toContain('Tin giữ trong bộ nhớ');
    // Another process's change bumps the stamp in its transaction: the next page is fresh.
    await bumpFeedStamp(t.ctx.db);
    expect(await titles(memberA1)).toContain('Tin đã sửa');
    expect(await titles(memberA1)).not.toContain('Tin giữ trong bộ nhớ');
  });

  it('shows a scheduled item as soon as its time comes, with no write in between', async () => {
    const soon = new Date(Date.now() + 1_500).toISOString();
    const s = await post(provinceEditor, { orgId: tree.province.id, title: 'Tin sắp đăng', publishAt: soon });
    expect(ids(await memberA1.get('/api/v1/news'))).not.toContain(s.id);
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    expect(ids(await memberA1.get('/api/v1/news'))).toContain(s.id);
  });

  it('keeps read marks per account on a shared page', async () => {
    const neighbour = await makeMember(t.ctx, tree.branchA1);
    await makeAccount(t.ctx, { login: 'dv-a1-ke-ben', memberId: neighbour });
    const other = await login(t.app, 'dv-a1-ke-ben', PASSWORD);
    const n = await post(provinceEditor, { orgId: tree.province.id, title: 'Tin đọc riêng' });
    const unread = async (c: Client) =>
      (await c.get('/api/v1/news')).json().items.find((i: { id: string }) => i.id === n.id).unread as boolean;
    expect(await unread(memberA1)).toBe(true);
    expect((await memberA1.post(`/api/v1/news/${n.id}/read`)).statusCode).toBeLessThan(300);
    expect(await unread(memberA1)).toBe(false);
    expect(await unread(other)).toBe(true);
  });
});
