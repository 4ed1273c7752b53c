import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, createTestApp, login, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';

let t: TestApp;
let tree: SmallTree;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  const memberId = await makeMember(t.ctx, tree.branchA1, { phone: '0912345678', cardNumber: '36123456' });
  await makeAccount(t.ctx, { login: 'hoa', memberId });
  await makeAccount(t.ctx, {
    login: 'moi',
    mustChange: true,
    roles: [{ role: 'secretary', org: tree.branchA2 }],
  });
});
afterAll(() => t?.close());

describe(`sign-in (${process.env.SOTAY_TEST_DB ?? 'sqlite'})`, () => {
  it('logs in by login name, phone number (any format) and party card number', async () => {
    for (const name of ['hoa', 'HOA', '0912 345 678', '+84912345678', '36123456']) {
      const c = await login(t.app, name, PASSWORD);
      const me = await c.get('/api/v1/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().account.login).toBe('hoa');
      expect(me.json().member.phone).toBe('0912345678');
    }
  });

  it('sets an HttpOnly SameSite session cookie', async () => {
    const res = await clientFor(t.app).post('/api/v1/auth/login', { login: 'hoa', password: PASSWORD });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/sotay_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('answers the same for a wrong password and an unknown login', async () => {
    const a = await clientFor(t.app).post('/api/v1/auth/login', { login: 'hoa', password: 'sai-mat-khau' });
    const b = await clientFor(t.app).post('/api/v1/auth/login', {
      login: 'khong-co-ai',
      password: 'sai-mat-khau',
    });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks a login after repeated failures, existing or not, even with the right password', async () => {
    await makeAccount(t.ctx, { login: 'khoa' });
    for (const name of ['khoa', 'ma']) {
      for (let i = 0; i < 5; i++) {
        const r = await clientFor(t.app).post('/api/v1/auth/login', { login: name, password: `sai-${i}` });
        expect(r.statusCode).toBe(401);
      }
      const locked = await clientFor(t.app).post('/api/v1/auth/login', { login: name, password: PASSWORD });
      expect(locked.statusCode).toBe(429);
      expect(locked.json().error.code).toBe('AUTH_THROTTLED');
    }
  });

  it('refuses changes without the client header (CSRF)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'hoa', password: PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
  });

  it('requires a session for /me and validates bodies', async () => {
    expect((await clientFor(t.app).get('/api/v1/me')).json().error.code).toBe('AUTH_REQUIRED');
    const bad = await clientFor(t.app).post('/api/v1/auth/login', { login: 'hoa' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.details[0].field).toBe('body/password');
  });

  it('forces a one-time password to be changed before anything else', async () => {
    const c = await login(t.app, 'moi', PASSWORD);
    const me = await c.get('/api/v1/me');
    expect(me.json().account.mustChangePassword).toBe(true);
    const blocked = await c.get(`/api/v1/orgs/${tree.branchA2.id}`);
    expect(blocked.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: '12345678',
    });
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');
    const wrong = await c.post('/api/v1/auth/password', {
      currentPassword: 'nope-nope',
      newPassword: 'Hoa-sen-2026',
    });
    expect(wrong.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const ok = await c.post('/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'Hoa-sen-2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await c.get(`/api/v1/orgs/${tree.branchA2.id}`)).statusCode).toBe(200);
    expect(
      (await clientFor(t.app).post('/api/v1/auth/login', { login: 'moi', password: PASSWORD })).statusCode,
    ).toBe(401);
  });

  it('logs out this device or all devices', async () => {
    const a = await login(t.app, 'hoa', PASSWORD);
    const b = await login(t.app, 'hoa', PASSWORD);
    const c = await login(t.app, 'hoa', PASSWORD);
    expect((await a.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await a.get('/api/v1/me')).statusCode).toBe(401);
    expect((await b.get('/api/v1/me')).statusCode).toBe(200);
    expect((await b.post('/api/v1/auth/logout', { all: true })).statusCode).toBe(204);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('stores preferences', async () => {
    const c = await login(t.app, 'hoa', PASSWORD);
    const res = await c.put('/api/v1/me/preferences', { textScale: 1.5, highContrast: true });
    expect(res.json()).toEqual({ locale: 'vi', textScale: 1.5, highContrast: true });
    expect((await c.get('/api/v1/me')).json().account.preferences.textScale).toBe(1.5);
    expect((await c.put('/api/v1/me/preferences', { textScale: 7 })).statusCode).toBe(400);
  });
});
