import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, clientFor, type TestApp } from '../support/test-app.ts';
import { makeMember, makeTree } from '../support/factories.ts';
import { sql } from 'kysely';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const tree = await makeTree(t.ctx);
  for (let i = 0; i < 3; i++) await makeMember(t.ctx, tree.branchA1);
});
afterAll(() => t?.close());

describe('hardening', () => {
  it('sends the security headers and a strict Content-Security-Policy', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses a change without the client header (CSRF) before looking at the body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'login=admin&password=x',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
    const anon = await clientFor(t.app).post('/api/v1/orgs', { junk: true });
    expect(anon.statusCode).toBe(401);
  });

  it('detects an altered and a deleted audit record', async () => {
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
    const rows = await t.ctx.db.selectFrom('audit_log').select(['seq', 'action']).orderBy('seq').execute();
    expect(rows.length).toBeGreaterThan(3);
    const target = rows[2]!;
    // The database itself refuses changes to the log…
    await expect(
      t.ctx.db
        .updateTable('audit_log')
        .set({ action: 'member.view' })
        .where('seq', '=', target.seq)
        .execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.deleteFrom('audit_log').where('seq', '=', target.seq).execute()).rejects.toThrow(
      /append-only/,
    );
    // …and someone who removes that guard is still caught by the hash chain.
    if (t.dialect === 'postgres') await sql`drop trigger audit_log_no_update on audit_log`.execute(t.ctx.db);
    else {
      await sql`drop trigger audit_log_no_update`.execute(t.ctx.db);
      await sql`drop trigger audit_log_no_delete`.execute(t.ctx.db);
    }
    await t.ctx.db
      .updateTable('audit_log')
      .set({ action: 'member.view' })
      .where('seq', '=', target.seq)
      .execute();
    const altered = await verifyAuditChain(t.ctx.db);
    expect(altered.ok).toBe(false);
    expect(altered.firstBadSeq).toBe(Number(target.seq));
    await t.ctx.db
      .updateTable('audit_log')
      .set({ action: target.action })
      .where('seq', '=', target.seq)
      .execute();
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
    await t.ctx.db.deleteFrom('audit_log').where('seq', '=', rows[1]!.seq).execute();
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(false);
  });
});
