import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { documentsFeature } from './feature.ts';

let t: TestApp;
let tree: SmallTree;
let stop: (() => Promise<void>) | void;
let admin: Client;
let communeAOffice: Client;
let memberA1: Client;

beforeAll(async () => {
  t = await createTestApp();
  stop = documentsFeature.start?.(t.ctx);
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'qt', roles: [{ role: 'admin', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'vp-a', roles: [{ role: 'office', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  admin = await login(t.app, 'qt', PASSWORD);
  communeAOffice = await login(t.app, 'vp-a', PASSWORD);
  memberA1 = await login(t.app, 'dv-a1', PASSWORD);
});
afterAll(async () => {
  if (stop) await stop();
  await t?.close();
});

async function eventually(check: () => Promise<boolean>) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('content follows a moved organisation', () => {
  it('keeps a branch’s documents and news visible to its members after the branch moves', async () => {
    const doc = await communeAOffice.post('/api/v1/documents', {
      orgId: tree.communeA.id,
      audienceOrgIds: [tree.branchA1.id],
      kind: 'thong_bao',
      title: 'Thông báo cho chi bộ',
      body: 'Nội dung.',
    });
    const news = await communeAOffice.post('/api/v1/news', {
      orgId: tree.communeA.id,
      audienceOrgIds: [tree.branchA1.id],
      section: 'bulletin',
      title: 'Bản tin cho chi bộ',
      bodyHtml: '<p>Nội dung.</p>',
    });
    expect((await memberA1.get(`/api/v1/documents/${doc.json().id}`)).statusCode).toBe(200);
    const moved = await admin.post(`/api/v1/orgs/${tree.branchA1.id}/move`, {
      newParentId: tree.communeB.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const ok = await eventually(
      async () =>
        (await memberA1.get(`/api/v1/documents/${doc.json().id}`)).statusCode === 200 &&
        (await memberA1.get(`/api/v1/news/${news.json().id}`)).statusCode === 200,
    );
    expect(ok).toBe(true);
    const audience = await t.ctx.db
      .selectFrom('document_audience')
      .select('audience_path')
      .where('document_id', '=', doc.json().id)
      .executeTakeFirstOrThrow();
    expect(audience.audience_path.startsWith(tree.communeB.path)).toBe(true);
    const indexed = await t.ctx.db
      .selectFrom('search_items')
      .select('item_id')
      .where('item_id', '=', doc.json().id)
      .execute();
    expect(indexed).toHaveLength(1);
  });
});
