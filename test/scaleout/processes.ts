import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** A fresh PostgreSQL database on the server SOTAY_TEST_PG points at, dropped by `drop()`. */
export async function freshPgDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.SOTAY_TEST_PG;
  if (!admin)
    throw new Error('SOTAY_TEST_PG must point at PostgreSQL (postgres://postgres@127.0.0.1:5432/test)');
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
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

export interface ServerProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything the process logged, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `sotay serve` as its own OS process on a port the system chooses, and resolves once it listens
 * (read from its log line).
 */
export async function startServer(name: string, env: Record<string, string>): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `sotay-${name}-`));
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/sotay.js'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SOTAY_DATA_DIR: dataDir,
      SOTAY_WEB_DIR: path.join(dataDir, 'no-web'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${log}`)), 180_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${log}`));
    });
  });
  return {
    name,
    url,
    child,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A JSON request with the client header every change needs. */
export async function call(
  base: string,
  method: string,
  url: string,
  opts: { cookie?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown; cookie: string | null }> {
  const res = await fetch(base + url, {
    method,
    headers: {
      'x-sotay-client': 'scaleout-test',
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  const setCookie = res.headers.get('set-cookie');
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    cookie: setCookie ? setCookie.split(';')[0]! : null,
  };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** A server-sent events connection; `next(pred)` resolves with the first event matching `pred`. */
export async function openSse(base: string, url: string, cookie: string) {
  const abort = new AbortController();
  const res = await fetch(base + url, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (res.status !== 200) throw new Error(`SSE ${url}: ${res.status} ${await res.text()}`);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: SseEvent[] = [];
  const pull = async (): Promise<SseEvent> => {
    for (;;) {
      if (queue.length) return queue.shift()!;
      const sep = buffer.indexOf('\n\n');
      if (sep >= 0) {
        const block = buffer.slice(0, sep);
        buffer = buffer.slice(sep + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (data.length) queue.push({ event, data: JSON.parse(data.join('\n')) as unknown });
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('SSE stream ended');
      buffer += value;
    }
  };
  return {
    async next(pred: (e: SseEvent) => boolean): Promise<SseEvent> {
      for (;;) {
        const e = await pull();
        if (pred(e)) return e;
      }
    },
    close: () => abort.abort(),
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > 30_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
