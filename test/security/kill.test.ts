import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { testDialect } from '../support/test-app.ts';
import { makeAccount, makeTree, PASSWORD } from '../support/factories.ts';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { closeContext, createContext, migrate } from '../../src/app/boot.ts';
import { verifyAuditChain } from '../../src/platform/audit/audit.ts';

/**
 * Durability: a real server process takes a write load, is killed with SIGKILL, and after a restart every write
 * it acknowledged is there and the database is consistent. Bounded: 1.5 s of load.
 */
const LOAD_MS = 1500;
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Names hold letters only: 0 → a, 27 → bb. */
const word = (n: number) =>
  n
    .toString(26)
    .split('')
    .map((c) => String.fromCharCode(97 + parseInt(c, 26)))
    .join('');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function environment(): Promise<Record<string, string>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sotay-kill-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const env: Record<string, string> = {
    SOTAY_DATA_DIR: dataDir,
    SOTAY_WEB_DIR: path.join(dataDir, 'no-web'),
    SOTAY_TWO_FACTOR: 'off',
    LOG_LEVEL: 'warn',
  };
  if (testDialect() === 'postgres') {
    const admin = process.env.SOTAY_TEST_PG!;
    const name = `sotay_kill_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
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
    env.DATABASE_URL = url.toString();
  }
  return env;
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start');
}

describe('durability under SIGKILL', () => {
  it('keeps every acknowledged write and a consistent database', async () => {
    const env = await environment();
    const config: Config = loadConfig(env);
    // Organisations and an administrator, written before the server starts.
    const setup = await createContext(config);
    await migrate(setup);
    const tree = await makeTree(setup);
    await makeAccount(setup, { login: 'kill-admin', roles: [{ role: 'admin', org: tree.province }] });
    await closeContext(setup);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [path.resolve('bin/sotay.js'), 'serve'], {
      env: { ...process.env, ...env, PORT: String(port), DATABASE_URL: env.DATABASE_URL ?? '' },
      stdio: 'ignore',
    });
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    await waitForHealth(base, child);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sotay-client': 'kill-test' },
      body: JSON.stringify({ login: 'kill-admin', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;

    const acknowledged: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await fetch(`${base}/api/v1/orgs/${tree.branchA1.id}/members`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-sotay-client': 'kill-test', cookie },
            body: JSON.stringify({
              fullName: `Đảng viên ${word(w)} ${word(i)}`,
              cardNumber: String(80_000_000 + w * 1_000_000 + i),
              kind: 'full',
              status: 'active',
            }),
          });
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          else if (!stop) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        } catch (err) {
          if (!stop) throw err;
        }
      }
    };
    const workers = [0, 1, 2, 3].map((w) =>
      worker(w).catch((err: unknown) => (stop ? undefined : Promise.reject(err))),
    );
    await new Promise((r) => setTimeout(r, LOAD_MS));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    stop = true;
    await exited;
    await Promise.all(workers);
    expect(acknowledged.length).toBeGreaterThan(5);

    // Restart on the same database.
    const after = await createContext(config);
    cleanups.push(() => closeContext(after));
    await migrate(after);
    const found = new Set(
      (await after.db.selectFrom('members').select('id').where('id', 'in', acknowledged).execute()).map(
        (r) => r.id,
      ),
    );
    expect(acknowledged.filter((id) => !found.has(id))).toEqual([]);
    if (after.dialect === 'sqlite') {
      expect(after.database.sqlite!.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(after.database.sqlite!.pragma('foreign_key_check')).toEqual([]);
    } else {
      // PostgreSQL recovers from its WAL by itself; check that what it kept is consistent.
      const orphans = await sql<{ n: number }>`select count(*)::int as n from members m
        left join orgs o on o.id = m.org_id where o.id is null`.execute(after.db);
      expect(orphans.rows[0]!.n).toBe(0);
    }
    // Every member write committed with its audit record, and the chain is whole.
    expect((await verifyAuditChain(after.db)).ok).toBe(true);
    const unaudited = await sql<{
      n: number;
    }>`select count(*) as n from members m where m.full_name like 'Đảng viên %'
      and not exists (select 1 from audit_log a where a.entity_type = 'member' and a.entity_id = m.id)`.execute(
      after.db,
    );
    expect(Number(unaudited.rows[0]!.n)).toBe(0);
  }, 180_000);
});
