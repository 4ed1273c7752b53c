import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, clientFor, login, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { ERASED_NAME } from './service.ts';

let t: TestApp;
let tree: SmallTree;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
});
afterAll(() => t?.close());

describe('personal data', () => {
  it('lets a member download everything held about them as JSON and as a PDF', async () => {
    const m = await makeMember(t.ctx, tree.branchA1, {
      fullName: 'Phạm Thị Thu Hường',
      birthDate: '1958-03-08',
    });
    await makeAccount(t.ctx, { login: 'dv-privacy', memberId: m });
    const c = await login(t.app, 'dv-privacy', PASSWORD);
    const res = await c.get('/api/v1/me/personal-data');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['cache-control']).toBe('no-store');
    const data = JSON.parse(res.body);
    expect(data.account.login).toBe('dv-privacy');
    expect(data.member).toMatchObject({ fullName: 'Phạm Thị Thu Hường', birthDate: '1958-03-08' });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.activity.map((a: { action: string }) => a.action)).toContain('auth.login');
    const pdf = await c.get('/api/v1/me/personal-data?format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(2000);
    expect((await clientFor(t.app).get('/api/v1/me/personal-data')).statusCode).toBe(401);
  });

  it('lets an administrator erase a departed member, keeping an anonymous row', async () => {
    const m = await makeMember(t.ctx, tree.branchA2, { fullName: 'Đỗ Văn Khải' });
    await makeAccount(t.ctx, { login: 'dv-roi-di', memberId: m });
    await makeAccount(t.ctx, { login: 'qt-privacy', roles: [{ role: 'admin', org: tree.communeA }] });
    await makeAccount(t.ctx, { login: 'qt-other', roles: [{ role: 'admin', org: tree.communeB }] });
    const sec = await makeMember(t.ctx, tree.branchA2);
    await makeAccount(t.ctx, {
      login: 'bt-privacy',
      memberId: sec,
      roles: [{ role: 'secretary', org: tree.branchA2 }],
    });
    const leaving = await login(t.app, 'dv-roi-di', PASSWORD);
    const body = { confirmFullName: 'Đỗ Văn Khải', reason: 'Chuyển ra nước ngoài định cư' };

    expect(
      (await (await login(t.app, 'bt-privacy', PASSWORD)).post(`/api/v1/members/${m}/erase`, body))
        .statusCode,
    ).toBe(403);
    expect(
      (await (await login(t.app, 'qt-other', PASSWORD)).post(`/api/v1/members/${m}/erase`, body)).statusCode,
    ).toBe(403);
    const admin = await login(t.app, 'qt-privacy', PASSWORD);
    const wrong = await admin.post(`/api/v1/members/${m}/erase`, { ...body, confirmFullName: 'Đỗ Văn Khai' });
    expect(wrong.statusCode).toBe(422);
    const ok = await admin.post(`/api/v1/members/${m}/erase`, body);
    expect(ok.statusCode, ok.body).toBe(204);

    const row = await t.ctx.db
      .selectFrom('members')
      .selectAll()
      .where('id', '=', m)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ full_name: ERASED_NAME, birth_date: null, phone: null, card_number: null });
    expect(row.erased_at).not.toBeNull();
    // Signed out everywhere and unable to sign in again.
    expect((await leaving.get('/api/v1/me')).statusCode).toBe(401);
    const again = await clientFor(t.app).post('/api/v1/auth/login', {
      login: 'dv-roi-di',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(401);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', m)
      .where('action', '=', 'member.erase')
      .executeTakeFirstOrThrow();
    expect(String(audit.after)).not.toContain('Khải');
    expect(
      (await admin.post(`/api/v1/members/${m}/erase`, { ...body, confirmFullName: ERASED_NAME })).statusCode,
    ).toBe(409);
  });
});
