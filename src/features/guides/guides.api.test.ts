import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, login, type TestApp } from '../../../test/support/test-app.ts';
import { makeAccount, makeMember, makeTree, PASSWORD } from '../../../test/support/factories.ts';
import { indexGuides } from './index-search.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'dv', memberId: await makeMember(t.ctx, tree.branchA1) });
});
afterAll(() => t?.close());

describe('the user guide', () => {
  it('lists guides grouped by role without signing in, and searches them', async () => {
    const anon = clientFor(t.app);
    const res = await anon.get('/api/v1/guides');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThanOrEqual(30);
    expect(body.groups.map((g: { name: string }) => g.name)).toEqual([
      'Đảng viên',
      'Bí thư, chi ủy chi bộ',
      'Cấp ủy cấp trên',
      'Quản trị, văn phòng cấp ủy',
    ]);
    const found = (await anon.get(`/api/v1/guides?q=${encodeURIComponent('doi mat khau')}`)).json();
    expect(found.results[0].slug).toBe('doi-mat-khau');
  });

  it('opens one guide with its steps; an unknown slug is 404', async () => {
    const g = (await clientFor(t.app).get('/api/v1/guides/dang-nhap')).json();
    expect(g.title).toBe('Đăng nhập vào Sổ tay');
    expect(g.steps.length).toBeGreaterThanOrEqual(4);
    expect(g.screen).toBe('/login');
    expect((await clientFor(t.app).get('/api/v1/guides/khong-co')).statusCode).toBe(404);
    expect((await clientFor(t.app).get('/api/v1/guide-screenshots/khong-co-1.png')).statusCode).toBe(404);
    expect((await clientFor(t.app).get('/api/v1/guide-screenshots/..%2Fsecret-1.png')).statusCode).toBe(400);
  });

  it('is found by the site-wide search as type guide', async () => {
    expect(await indexGuides(t.ctx)).toBeGreaterThanOrEqual(30);
    const dv = await login(t.app, 'dv', PASSWORD);
    const res = await dv.get(`/api/v1/search?q=${encodeURIComponent('điểm danh bằng mã QR')}`);
    expect(res.statusCode, res.body).toBe(200);
    const hit = res.json().hits.find((h: { type: string }) => h.type === 'guide');
    expect(hit).toMatchObject({ id: 'diem-danh-qr', url: '/guides/diem-danh-qr' });
  });
});
