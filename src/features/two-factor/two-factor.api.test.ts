import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, clientFor, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { totpCode } from '../../platform/auth/totp.ts';

let t: TestApp;
let tree: SmallTree;

beforeAll(async () => {
  t = await createTestApp({ SOTAY_TWO_FACTOR: 'privileged' });
  tree = await makeTree(t.ctx);
});
afterAll(() => t?.close());

async function signIn(
  login: string,
  password = PASSWORD,
): Promise<{ client: Client; secondFactor: string | null }> {
  const res = await clientFor(t.app).post('/api/v1/auth/login', { login, password });
  expect(res.statusCode, res.body).toBe(200);
  const raw = ([] as string[]).concat(res.headers['set-cookie'] as string | string[])[0]!;
  return { client: clientFor(t.app, raw.split(';')[0]!), secondFactor: res.json().secondFactor };
}

/** A code for the next time step, so two codes in one test never collide with the replay guard. */
function codeAt(secret: string, stepsAhead: number): string {
  return totpCode(secret, Date.now() + stepsAhead * 30_000);
}

describe('two-factor sign-in', () => {
  it('lets an ordinary member sign in with the password alone and turn two-factor on and off', async () => {
    const m = await makeMember(t.ctx, tree.branchA1);
    await makeAccount(t.ctx, { login: 'dv-2fa', memberId: m });
    const { client, secondFactor } = await signIn('dv-2fa');
    expect(secondFactor).toBeNull();
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await client.get('/api/v1/auth/two-factor')).json()).toMatchObject({
      enabled: false,
      required: false,
      pending: null,
    });

    const enrol = await client.post('/api/v1/auth/two-factor/enrol');
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUrl, qrSvg } = enrol.json();
    expect(otpauthUrl).toContain(secret);
    expect(qrSvg).toContain('<svg');
    const bad = await client.post('/api/v1/auth/two-factor/confirm', { code: '000000' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('TWO_FACTOR_CODE_INVALID');
    const ok = await client.post('/api/v1/auth/two-factor/confirm', { code: codeAt(secret, 0) });
    expect(ok.statusCode, ok.body).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    // Stored hashed: no code appears in the database.
    const stored = await t.ctx.db.selectFrom('two_factor_recovery_codes').select('code_hash').execute();
    expect(stored.map((s) => s.code_hash)).not.toContain(codes[0]);

    // Next sign-in is held at the second step; nothing else is open.
    const second = await signIn('dv-2fa');
    expect(second.secondFactor).toBe('verify');
    const held = await second.client.get('/api/v1/me');
    expect(held.statusCode).toBe(401);
    expect(held.json().error.code).toBe('AUTH_SECOND_FACTOR_REQUIRED');
    expect((await second.client.post('/api/v1/auth/two-factor/enrol')).statusCode).toBe(401);
    // The code already used for confirmation cannot be replayed.
    const replay = await second.client.post('/api/v1/auth/two-factor/verify', { code: codeAt(secret, 0) });
    expect(replay.statusCode).toBe(422);
    const pass = await second.client.post('/api/v1/auth/two-factor/verify', { code: codeAt(secret, 1) });
    expect(pass.statusCode, pass.body).toBe(200);
    expect((await second.client.get('/api/v1/me')).statusCode).toBe(200);

    // A recovery code works once.
    const third = await signIn('dv-2fa');
    const rc = await third.client.post('/api/v1/auth/two-factor/verify', {
      recoveryCode: codes[0]!.toLowerCase(),
    });
    expect(rc.statusCode, rc.body).toBe(200);
    expect(rc.json().recoveryCodesLeft).toBe(9);
    const fourth = await signIn('dv-2fa');
    const again = await fourth.client.post('/api/v1/auth/two-factor/verify', { recoveryCode: codes[0] });
    expect(again.statusCode).toBe(422);
    await fourth.client.post('/api/v1/auth/two-factor/cancel');
    expect((await fourth.client.get('/api/v1/me')).statusCode).toBe(401);

    // Turning it off needs the password.
    const wrong = await client.post('/api/v1/auth/two-factor/disable', { password: 'khong-dung-mat-khau' });
    expect(wrong.statusCode).toBe(401);
    const off = await client.post('/api/v1/auth/two-factor/disable', { password: PASSWORD });
    expect(off.statusCode).toBe(204);
    expect((await signIn('dv-2fa')).secondFactor).toBeNull();
    const actions = await t.ctx.db.selectFrom('audit_log').select('action').execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'two_factor.enable',
        'auth.second_factor',
        'auth.recovery_code',
        'two_factor.disable',
      ]),
    );
  });

  it('throttles wrong codes at the second step', async () => {
    const m = await makeMember(t.ctx, tree.branchA1);
    await makeAccount(t.ctx, { login: 'dv-throttle', memberId: m });
    const { client } = await signIn('dv-throttle');
    const { secret } = (await client.post('/api/v1/auth/two-factor/enrol')).json();
    await client.post('/api/v1/auth/two-factor/confirm', { code: codeAt(secret, 0) });
    const held = await signIn('dv-throttle');
    for (let i = 0; i < 5; i++) {
      const r = await held.client.post('/api/v1/auth/two-factor/verify', { code: '111111' });
      expect(r.statusCode).toBe(422);
    }
    const locked = await held.client.post('/api/v1/auth/two-factor/verify', { code: codeAt(secret, 1) });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('AUTH_THROTTLED');
  });

  it('requires administrators and committee roles above the branch to enrol, not a branch secretary', async () => {
    await makeAccount(t.ctx, { login: 'qt-2fa', roles: [{ role: 'admin', org: tree.province }] });
    await makeAccount(t.ctx, { login: 'cu-2fa', roles: [{ role: 'committee_member', org: tree.communeA }] });
    const sec = await makeMember(t.ctx, tree.branchA2);
    await makeAccount(t.ctx, {
      login: 'bt-2fa',
      memberId: sec,
      roles: [{ role: 'secretary', org: tree.branchA2 }],
    });
    expect((await signIn('bt-2fa')).secondFactor).toBeNull();
    expect((await signIn('cu-2fa')).secondFactor).toBe('enrol');

    const admin = await signIn('qt-2fa');
    expect(admin.secondFactor).toBe('enrol');
    const blocked = await admin.client.get(`/api/v1/orgs/${tree.province.id}`);
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.details[0].code).toBe('enrol');
    const status = (await admin.client.get('/api/v1/auth/two-factor')).json();
    expect(status).toMatchObject({ enabled: false, required: true, pending: 'enrol' });
    const { secret } = (await admin.client.post('/api/v1/auth/two-factor/enrol')).json();
    const confirmed = await admin.client.post('/api/v1/auth/two-factor/confirm', { code: codeAt(secret, 0) });
    expect(confirmed.statusCode).toBe(200);
    // Enrolling released this session.
    expect((await admin.client.get('/api/v1/me')).statusCode).toBe(200);
    const refuse = await admin.client.post('/api/v1/auth/two-factor/disable', { password: PASSWORD });
    expect(refuse.statusCode).toBe(403);
    expect(refuse.json().error.code).toBe('TWO_FACTOR_REQUIRED_FOR_ROLE');
    const fresh = await admin.client.post('/api/v1/auth/two-factor/recovery-codes', { password: PASSWORD });
    expect(fresh.json().recoveryCodes).toHaveLength(10);
    expect((await signIn('qt-2fa')).secondFactor).toBe('verify');
  });

  it('is not required when the setting is off', async () => {
    const off = await createTestApp({ SOTAY_TWO_FACTOR: 'off' });
    try {
      const ot = await makeTree(off.ctx);
      await makeAccount(off.ctx, { login: 'qt-off', roles: [{ role: 'admin', org: ot.province }] });
      const res = await clientFor(off.app).post('/api/v1/auth/login', {
        login: 'qt-off',
        password: PASSWORD,
      });
      expect(res.json().secondFactor).toBeNull();
    } finally {
      await off.close();
    }
  });
});
