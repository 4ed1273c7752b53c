import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runElsewhere } from '../../../test/support/elsewhere.ts';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';

// Every authenticated request is answered from the principal cache once the session was seen. Each test below
// first makes a request that fills the cache, then changes something the principal is made of — through the API,
// through another database connection (as another server process would), or through the CLI in a child
// process — and checks that the very next request sees the change.

const ROOT = path.resolve(import.meta.dirname, '../../..');
let t: TestApp;
let tree: SmallTree;
let admin: Client;

const elsewhere = (statement: string, params: unknown[] = []) => runElsewhere(t, statement, params);

async function roles(c: Client): Promise<Array<{ role: string; orgId: string; orgPath: string }>> {
  const me = await c.get('/api/v1/me');
  expect(me.statusCode, me.body).toBe(200);
  return (me.json() as { roles: Array<{ role: string; orgId: string; orgPath: string }> }).roles;
}

async function orgPath(orgId: string): Promise<string> {
  const row = await t.ctx.db
    .selectFrom('orgs')
    .select('path')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.path;
}

async function grantId(accountId: string, orgId: string): Promise<string> {
  const row = await t.ctx.db
    .selectFrom('role_grants')
    .select('id')
    .where('account_id', '=', accountId)
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return row.id;
}

let n = 0;
async function secretaryOf(org: SmallTree[keyof SmallTree]) {
  const acc = await makeAccount(t.ctx, { login: `cache-sec-${++n}`, roles: [{ role: 'secretary', org }] });
  return { ...acc, client: await login(t.app, acc.login, PASSWORD) };
}

async function memberOf(branch: SmallTree[keyof SmallTree]) {
  const memberId = await makeMember(t.ctx, branch);
  const acc = await makeAccount(t.ctx, { login: `cache-dv-${++n}`, memberId });
  return { ...acc, memberId, client: await login(t.app, acc.login, PASSWORD) };
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'cache-admin', roles: [{ role: 'admin', org: tree.province }] });
  admin = await login(t.app, 'cache-admin', PASSWORD);
});
afterAll(() => t?.close());
afterEach(() => vi.useRealTimers());

describe(`principal cache invalidation (${process.env.SOTAY_TEST_DB ?? 'sqlite'})`, () => {
  it('refuses the very next request after a grant is revoked through the API', async () => {
    const sec = await secretaryOf(tree.branchA1);
    const list = `/api/v1/orgs/${tree.branchA1.id}/members`;
    expect((await sec.client.get(list)).statusCode).toBe(200);
    expect((await sec.client.get(list)).statusCode).toBe(200);
    const revoke = await admin.delete(`/api/v1/role-grants/${await grantId(sec.id, tree.branchA1.id)}`);
    expect(revoke.statusCode, revoke.body).toBeLessThan(300);
    expect((await sec.client.get(list)).statusCode).toBe(403);
  });

  it('allows the very next request after a grant is given through the API', async () => {
    const sec = await secretaryOf(tree.branchA1);
    const list = `/api/v1/orgs/${tree.branchB1.id}/members`;
    expect((await sec.client.get(list)).statusCode).toBe(404);
    const grant = await admin.post(`/api/v1/accounts/${sec.id}/roles`, {
      role: 'secretary',
      orgId: tree.branchB1.id,
    });
    expect(grant.statusCode, grant.body).toBe(201);
    expect((await sec.client.get(list)).statusCode).toBe(200);
  });

  it('refuses the very next request after another process revokes a grant or disables the account', async () => {
    const sec = await secretaryOf(tree.branchA2);
    const list = `/api/v1/orgs/${tree.branchA2.id}/members`;
    expect((await sec.client.get(list)).statusCode).toBe(200);
    await elsewhere('delete from role_grants where account_id = ?', [sec.id]);
    expect((await sec.client.get(list)).statusCode).toBe(403);

    const other = await secretaryOf(tree.branchA2);
    expect((await other.client.get(list)).statusCode).toBe(200);
    await elsewhere('update accounts set disabled_at = ? where id = ?', [new Date().toISOString(), other.id]);
    expect((await other.client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('asks for a new password on the very next request once another process requires it', async () => {
    const m = await memberOf(tree.branchA1);
    expect((await m.client.get('/api/v1/news')).statusCode).toBe(200);
    await elsewhere('update accounts set must_change_password = 1 where id = ?', [m.id]);
    const next = await m.client.get('/api/v1/news');
    expect(next.statusCode).toBe(403);
    expect(next.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
  });

  it('follows a member moved to another branch, by the API and by another process', async () => {
    const m = await memberOf(tree.branchA1);
    expect((await roles(m.client)).map((r) => r.orgId)).toEqual([tree.branchA1.id]);
    const moved = await admin.post(`/api/v1/members/${m.memberId}/transfer`, {
      kind: 'permanent',
      toOrgId: tree.branchA2.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await roles(m.client)).map((r) => r.orgId)).toEqual([tree.branchA2.id]);

    const temporary = await admin.post(`/api/v1/members/${m.memberId}/transfer`, {
      kind: 'temporary',
      toOrgId: tree.branchB1.id,
    });
    expect(temporary.statusCode, temporary.body).toBe(200);
    expect((await roles(m.client)).map((r) => r.orgId)).toEqual([tree.branchA2.id, tree.branchB1.id]);

    await elsewhere('update members set org_id = ?, org_path = ?, host_org_id = null where id = ?', [
      tree.branchA1.id,
      tree.branchA1.path,
      m.memberId,
    ]);
    expect((await roles(m.client)).map((r) => r.orgId)).toEqual([tree.branchA1.id]);
  });

  it('drops the member role of an erased member and refuses an erased member’s session', async () => {
    const m = await memberOf(tree.branchB1);
    expect((await roles(m.client)).map((r) => r.role)).toEqual(['member']);
    await elsewhere('update members set erased_at = ? where id = ?', [new Date().toISOString(), m.memberId]);
    expect(await roles(m.client)).toEqual([]);

    const e = await memberOf(tree.branchB1);
    expect((await e.client.get('/api/v1/me')).statusCode).toBe(200);
    const name = await t.ctx.db
      .selectFrom('members')
      .select('full_name')
      .where('id', '=', e.memberId)
      .executeTakeFirstOrThrow();
    const erased = await admin.post(`/api/v1/members/${e.memberId}/erase`, {
      confirmFullName: name.full_name,
      reason: 'Chuyển ra nước ngoài định cư',
    });
    expect(erased.statusCode, erased.body).toBe(204);
    expect((await e.client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('follows an organisation moved or closed: grants carry the new path, a closed one grants nothing', async () => {
    const sec = await secretaryOf(tree.branchA1);
    const list = `/api/v1/orgs/${tree.branchA1.id}/members`;
    expect((await sec.client.get(list)).statusCode).toBe(200);
    const move = await admin.post(`/api/v1/orgs/${tree.branchA1.id}/move`, { newParentId: tree.communeB.id });
    expect(move.statusCode, move.body).toBe(200);
    const newPath = await orgPath(tree.branchA1.id);
    expect(newPath).not.toBe(tree.branchA1.path);
    expect((await roles(sec.client)).map((r) => r.orgPath)).toEqual([newPath]);
    // The branch is checked at its new path: a grant kept with the old path would refuse this.
    expect((await sec.client.get(list)).statusCode).toBe(200);
    const back = await admin.post(`/api/v1/orgs/${tree.branchA1.id}/move`, { newParentId: tree.communeA.id });
    expect(back.statusCode, back.body).toBe(200);
    expect((await roles(sec.client)).map((r) => r.orgPath)).toEqual([tree.branchA1.path]);

    const branchSec = await secretaryOf(tree.branchA2);
    const branchList = `/api/v1/orgs/${tree.branchA2.id}/members`;
    expect((await branchSec.client.get(branchList)).statusCode).toBe(200);
    await elsewhere(`update orgs set status = 'closed' where id = ?`, [tree.branchA2.id]);
    expect(await roles(branchSec.client)).toEqual([]);
    await elsewhere(`update orgs set status = 'active' where id = ?`, [tree.branchA2.id]);
    expect((await roles(branchSec.client)).map((r) => r.orgId)).toEqual([tree.branchA2.id]);
  });

  it('shows saved preferences on the next request', async () => {
    const m = await memberOf(tree.branchA1);
    expect((await m.client.get('/api/v1/me')).json().account.preferences.textScale).toBe(1);
    expect((await m.client.put('/api/v1/me/preferences', { textScale: 1.5 })).statusCode).toBe(200);
    expect((await m.client.get('/api/v1/me')).json().account.preferences.textScale).toBe(1.5);
  });

  it('ends a session at sign-out, at a password reset and when another process deletes or expires it', async () => {
    const a = await memberOf(tree.branchA1);
    const again = await login(t.app, a.login, PASSWORD);
    expect((await again.get('/api/v1/me')).statusCode).toBe(200);
    expect((await again.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    expect((await again.get('/api/v1/me')).statusCode).toBe(401);
    expect((await a.client.get('/api/v1/me')).statusCode).toBe(200);

    const reset = await admin.post(`/api/v1/accounts/${a.id}/reset-password`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await a.client.get('/api/v1/me')).statusCode).toBe(401);

    const b = await memberOf(tree.branchA1);
    expect((await b.client.get('/api/v1/me')).statusCode).toBe(200);
    await elsewhere('delete from sessions where account_id = ?', [b.id]);
    expect((await b.client.get('/api/v1/me')).statusCode).toBe(401);

    const c = await memberOf(tree.branchA1);
    expect((await c.client.get('/api/v1/me')).statusCode).toBe(200);
    await elsewhere('update sessions set expires_at = ? where account_id = ?', [
      new Date(Date.now() - 1000).toISOString(),
      c.id,
    ]);
    expect((await c.client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('holds a session at the second step as soon as another process requires it, and frees it after', async () => {
    const m = await memberOf(tree.branchA1);
    expect((await m.client.get('/api/v1/news')).statusCode).toBe(200);
    const session = await t.ctx.db
      .selectFrom('sessions')
      .select('id')
      .where('account_id', '=', m.id)
      .executeTakeFirstOrThrow();
    await elsewhere(
      `insert into pending_second_factor (session_id, account_id, state, created_at) values (?, ?, 'verify', ?)`,
      [session.id, m.id, new Date().toISOString()],
    );
    const held = await m.client.get('/api/v1/news');
    expect(held.statusCode).toBe(401);
    expect(held.json().error.code).toBe('AUTH_SECOND_FACTOR_REQUIRED');
    await elsewhere('delete from pending_second_factor where session_id = ?', [session.id]);
    expect((await m.client.get('/api/v1/news')).statusCode).toBe(200);
  });

  it('expires a kept session at its expiry time and touches last_seen_at from the cache', async () => {
    const m = await memberOf(tree.branchA1);
    expect((await m.client.get('/api/v1/me')).statusCode).toBe(200);
    const before = await t.ctx.db
      .selectFrom('sessions')
      .select(['id', 'last_seen_at', 'expires_at'])
      .where('account_id', '=', m.id)
      .executeTakeFirstOrThrow();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 6 * 60_000 });
    expect((await m.client.get('/api/v1/me')).statusCode).toBe(200);
    const touched = await t.ctx.db
      .selectFrom('sessions')
      .select('last_seen_at')
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(touched.last_seen_at)).toBeGreaterThan(Date.parse(before.last_seen_at) + 5 * 60_000);

    vi.setSystemTime(Date.parse(before.expires_at) + 1000);
    expect((await m.client.get('/api/v1/me')).statusCode).toBe(401);
    const gone = await t.ctx.db.selectFrom('sessions').select('id').where('id', '=', before.id).execute();
    expect(gone).toEqual([]);
  });

  it('refuses a session whose password was reset by `sotay reset-password` in another process', async () => {
    const m = await memberOf(tree.branchA2);
    expect((await m.client.get('/api/v1/me')).statusCode).toBe(200);
    const cli = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/sotay.js'), 'reset-password', '--login', m.login],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          SOTAY_DATA_DIR: t.ctx.config.dataDir,
          DATABASE_URL: t.ctx.config.databaseUrl ?? '',
          LOG_LEVEL: 'silent',
        },
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect((await m.client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('sees a role granted by `sotay create-account` in another process to a new account', async () => {
    const cli = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'bin/sotay.js'),
        'create-account',
        '--login',
        'cache-cli',
        '--role',
        'secretary',
        '--org',
        tree.branchB1.id,
        '--json',
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          SOTAY_DATA_DIR: t.ctx.config.dataDir,
          DATABASE_URL: t.ctx.config.databaseUrl ?? '',
          LOG_LEVEL: 'silent',
        },
      },
    );
    expect(cli.status, cli.stderr).toBe(0);
    const created = JSON.parse(cli.stdout.trim().split('\n').at(-1)!) as { oneTimePassword: string };
    const c = await login(t.app, 'cache-cli', created.oneTimePassword);
    const me = await c.get('/api/v1/me');
    expect(me.json().account.mustChangePassword).toBe(true);
    expect((await roles(c)).map((r) => r.orgId)).toEqual([tree.branchB1.id]);
  });
});
