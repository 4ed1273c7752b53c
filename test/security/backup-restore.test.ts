import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialect, type TestApp } from '../support/test-app.ts';
import { makeAccount, makeMember, makeTree } from '../support/factories.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { closeContext, createContext } from '../../src/app/boot.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { findOrg } from '../../src/features/orgs/queries.ts';
import { mutate } from '../../src/platform/context.ts';
import { createMember } from '../../src/features/members/service.ts';
import type { MemberInput } from '../../src/features/members/input.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';
import { backupDatabase } from '../../src/cli/backup.ts';
import { restoreDatabase } from '../../src/cli/restore.ts';

/** Restore drill: back up a live database, restore it elsewhere, compare every table's rows by count and checksum. */
let t: TestApp;
let work: string;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  t = await createTestApp();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'sotay-backup-'));
  const tree = await makeTree(t.ctx);
  for (let i = 0; i < 30; i++) await makeMember(t.ctx, i % 2 ? tree.branchA1 : tree.branchB1);
  const m = await makeMember(t.ctx, tree.branchA2, { fullName: 'Lê Thị Hồng Nhung' });
  await makeAccount(t.ctx, {
    login: 'drill',
    memberId: m,
    roles: [{ role: 'secretary', org: tree.branchA2 }],
  });
});
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  await t?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

async function tables(ctx: AppContext): Promise<string[]> {
  if (ctx.dialect === 'postgres') {
    const r = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(ctx.db);
    return r.rows.map((x) => x.name);
  }
  const r = await sql<{ name: string }>`select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' order by 1`.execute(ctx.db);
  return r.rows.map((x) => x.name);
}

/** Per table: row count and a checksum of the sorted rows, independent of physical order. */
async function fingerprint(ctx: AppContext): Promise<Record<string, { rows: number; sha256: string }>> {
  const out: Record<string, { rows: number; sha256: string }> = {};
  for (const name of await tables(ctx)) {
    const r = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(ctx.db);
    const lines = r.rows
      .map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)))
      .sort();
    out[name] = { rows: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return out;
}

const LOAD_MEMBER = {
  fullName: '',
  gender: 'Nam',
  birthDate: '1970-05-01',
  phone: null,
  cardNumber: null,
  admittedOn: '1995-01-01',
  fullMemberOn: '1996-01-01',
  kind: 'full',
  status: 'active',
  position: null,
} as unknown as MemberInput;

/** An empty place to restore into: a new data directory, or a new PostgreSQL database. */
async function emptyTarget(): Promise<Config> {
  const dataDir = fs.mkdtempSync(path.join(work, 'restore-'));
  if (testDialect() !== 'postgres') return loadConfig({ SOTAY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const admin = process.env.SOTAY_TEST_PG!;
  const name = `sotay_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  cleanups.push(async () => {
    const d = new pg.Client({ connectionString: admin });
    await d.connect();
    await d.query(`drop database if exists ${name} with (force)`);
    await d.end();
  });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return loadConfig({ SOTAY_DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: url.toString() });
}

async function restoredContext(file: string): Promise<AppContext> {
  const config = await emptyTarget();
  await restoreDatabase(config, file);
  const ctx = await createContext(config);
  cleanups.push(() => closeContext(ctx));
  return ctx;
}

describe('backup and restore drill', () => {
  it('restores every table with the same row counts and checksums', async () => {
    const before = await fingerprint(t.ctx);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['members', 'orgs', 'accounts', 'audit_log']));
    expect(before.members!.rows).toBeGreaterThan(30);
    const r = await backupDatabase(t.ctx.config, path.join(work, 'drill.bak'));
    expect(r.bytes).toBeGreaterThan(0);
    const restored = await restoredContext(r.file);
    expect(await fingerprint(restored)).toEqual(before);
    const chain = await verifyAuditChain(restored.db);
    expect(chain.ok).toBe(true);
  });

  it('takes a consistent backup while the server keeps writing', async () => {
    const tree = await t.ctx.db.selectFrom('orgs').selectAll().where('type_code', '=', 'branch').execute();
    const org = (await findOrg(t.ctx.db, tree[0]!.id))!;
    let writing = true;
    let written = 0;
    const load = (async () => {
      while (writing) {
        await mutate(t.ctx, { accountId: null, ip: null, requestId: 'load' }, (uow) =>
          createMember(uow, org, { ...LOAD_MEMBER, fullName: `Đảng viên tải ${written}` }),
        );
        written++;
        // better-sqlite3 answers synchronously: let timers and the backup's steps run between writes.
        await new Promise((res) => setImmediate(res));
      }
    })();
    await new Promise((res) => setTimeout(res, 100));
    const r = await backupDatabase(t.ctx.config, path.join(work, 'online.bak'));
    writing = false;
    await load;
    expect(written).toBeGreaterThan(0);
    const restored = await restoredContext(r.file);
    // The copy is one snapshot: the audit chain is whole and every member has its audit record.
    const chain = await verifyAuditChain(restored.db);
    expect(chain.ok).toBe(true);
    const members = await restored.db
      .selectFrom('members')
      .select('id')
      .where('full_name', 'like', 'Đảng viên tải%')
      .execute();
    expect(members.length).toBeGreaterThan(0);
    const audited = await restored.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('entity_type', '=', 'member')
      .execute();
    const withAudit = new Set(audited.map((a) => a.entity_id));
    expect(members.filter((m) => !withAudit.has(m.id))).toEqual([]);
  });

  it.runIf(testDialect() === 'sqlite')('works from the command line', async () => {
    const dataDir = fs.mkdtempSync(path.join(work, 'cli-'));
    await backupDatabase(t.ctx.config, path.join(dataDir, 'sotay.sqlite'));
    const env: NodeJS.ProcessEnv = { ...process.env, SOTAY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    const out = path.join(dataDir, 'cli.bak');
    const cli = path.resolve('bin/sotay.js');
    const b = spawnSync(process.execPath, [cli, 'backup', '--out', out], { env, encoding: 'utf8' });
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toContain('Đã sao lưu');
    const r = spawnSync(process.execPath, [cli, 'restore', out], { env, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Đã khôi phục');
    const bad = spawnSync(process.execPath, [cli, 'restore', cli], { env, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });
});
