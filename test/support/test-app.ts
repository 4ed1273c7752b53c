import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/platform/config.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { closeContext, createApp, createContext, migrate } from '../../src/app/boot.ts';

export type TestDialect = 'sqlite' | 'postgres';

/** The database the API suite runs on: SOTAY_TEST_DB=postgres with SOTAY_TEST_PG=postgres://… selects PostgreSQL. */
export function testDialect(): TestDialect {
  return process.env.SOTAY_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestApp {
  ctx: AppContext;
  app: FastifyInstance;
  dialect: TestDialect;
  close(): Promise<void>;
}

async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.SOTAY_TEST_PG;
  if (!admin) throw new Error('SOTAY_TEST_PG must point at a PostgreSQL server for SOTAY_TEST_DB=postgres');
  const name = `sotay_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh, migrated database and an app on it, for one test file. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dialect = testDialect();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sotay-test-'));
  let drop = async () => {};
  let databaseUrl = '';
  if (dialect === 'postgres') {
    const created = await createPgDatabase();
    databaseUrl = created.url;
    drop = created.drop;
  }
  const config = loadConfig({
    SOTAY_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    SOTAY_WEB_DIR: path.join(dataDir, 'no-web'),
    // Two-factor sign-in has its own tests; elsewhere a password login is the whole sign-in.
    SOTAY_TWO_FACTOR: 'off',
    ...env,
  });
  const ctx = await createContext(config);
  await migrate(ctx);
  const app = await createApp(ctx);
  await app.ready();
  return {
    ctx,
    app,
    dialect,
    close: async () => {
      await app.close();
      await closeContext(ctx);
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Client {
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** An HTTP client with a session cookie, sending the client header the CSRF check requires. */
export function clientFor(app: FastifyInstance, cookie = ''): Client {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: {
        cookie,
        'x-sotay-client': 'test',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    cookie,
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    put: (url, body) => send('PUT', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    delete: (url) => send('DELETE', url),
  };
}

export async function login(app: FastifyInstance, loginName: string, password: string): Promise<Client> {
  const res = await clientFor(app).post('/api/v1/auth/login', { login: loginName, password });
  if (res.statusCode !== 200) throw new Error(`login ${loginName} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0]! : String(setCookie);
  return clientFor(app, raw.split(';')[0]!);
}
