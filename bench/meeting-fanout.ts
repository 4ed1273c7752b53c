/**
 * Live meeting fan-out: how long a step change takes to reach 80 members' phones following the meeting over
 * server-sent events, and how much memory one server process needs to hold 10,000 idle live connections.
 *
 * Run: `npx tsx bench/meeting-fanout.ts [--idle 10000] [--clients 80] [--changes 30]`. The server runs as a
 * child process (`sotay serve` on a seeded demo data dir, SQLite, in-process event bus); the clients are plain
 * HTTP connections from this process. Results: bench/results/meeting-fanout.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CLIENTS = arg('clients', 80);
const CHANGES = arg('changes', 30);
const IDLE = arg('idle', 10_000);
const ROOT = new URL('../', import.meta.url).pathname;
const CLI = join(ROOT, 'bin/sotay.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};
const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
};

// Answers of the API as read by this script: only the fields it uses are touched, each checked by the run.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
let port = 0;

function request(
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
): Promise<{ status: number; json: Json; cookie?: string }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          cookie,
          'x-sotay-client': 'bench',
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let data = '';
        res.on('data', (c) => (data += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: data ? JSON.parse(data) : null,
            cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** One phone following the meeting: resolves once the first (full) state has arrived. */
function follow(
  meetingId: string,
  cookie: string,
  onState: (version: number, at: number) => void,
): Promise<http.ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: `/api/v1/meetings/${meetingId}/live`,
      headers: { cookie },
      agent: false,
    });
    req.on('response', (res) => {
      let buffer = '';
      let first = true;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const id = /^id: (\d+)$/m.exec(block);
          if (id) {
            onState(Number(id[1]), at);
            if (first) {
              first = false;
              resolve(req);
            }
          }
          cut = buffer.indexOf('\n\n');
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'sotay-fanout-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SOTAY_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SOTAY_TWO_FACTOR: 'off',
    NODE_ENV: 'production',
  };
  delete env.DATABASE_URL;
  delete env.EVENTS_URL;
  const seeded = spawnSync(process.execPath, [CLI, 'seed-demo', '--reset'], { env, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(seeded.stderr);
  port = await freePort();
  const server = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      const ok = await request('GET', '/api/health', '').then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      if (i > 900) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const login = async (name: string) =>
      (
        await request('POST', '/api/v1/auth/login', '', {
          login: name,
          password: process.env.SOTAY_DEMO_PASSWORD ?? 'sotay-demo',
        })
      ).cookie!;
    const sec = await login('bithu');
    const member = await login('dangvien');
    const me = (await request('GET', '/api/v1/me', sec)).json;
    const list = (await request('GET', `/api/v1/orgs/${me.member.orgId}/meetings?scope=upcoming`, sec)).json;
    const meetingId: string = list.items[0].id;
    let state = (
      await request('POST', `/api/v1/meetings/${meetingId}/start`, sec, {
        expectedVersion: list.items[0].version,
      })
    ).json;
    const serverPid = server.pid!;
    const rssStart = rssMb(serverPid);

    // Phase 1: 80 phones, step changes one after another; latency = POST sent → event received by the client.
    const arrivals = new Map<number, number[]>();
    const clients: http.ClientRequest[] = [];
    for (let i = 0; i < CLIENTS; i++)
      clients.push(
        await follow(meetingId, member, (version, at) => {
          const list2 = arrivals.get(version) ?? [];
          list2.push(at);
          arrivals.set(version, list2);
        }),
      );
    const perChange: number[] = [];
    const perClient: number[] = [];
    const postMs: number[] = [];
    for (let c = 0; c < CHANGES; c++) {
      const open = state.steps.find((s: { state: string }) => s.state === 'open');
      const next = state.steps.find((s: { state: string }) => s.state === 'pending');
      const pending = state.steps.filter((s: { state: string }) => s.state === 'pending').length;
      // Keep the last step for the change made with every idle connection open.
      if (!open && pending <= 1) break;
      const body = open
        ? { action: 'close', stepId: open.id, expectedVersion: state.version }
        : { action: next.optional ? 'skip' : 'open', stepId: next.id, expectedVersion: state.version };
      const sent = performance.now();
      state = (await request('POST', `/api/v1/meetings/${meetingId}/steps`, sec, body)).json;
      postMs.push(performance.now() - sent);
      const version: number = state.version;
      for (let i = 0; i < 400 && (arrivals.get(version)?.length ?? 0) < CLIENTS; i++)
        await new Promise((r) => setTimeout(r, 5));
      const got = arrivals.get(version) ?? [];
      if (got.length < CLIENTS)
        throw new Error(`only ${got.length}/${CLIENTS} clients got version ${version}`);
      perChange.push(Math.max(...got) - sent);
      for (const at of got) perClient.push(at - sent);
    }
    for (const c of clients) c.destroy();

    // Phase 2: idle connections held open by one process.
    await new Promise((r) => setTimeout(r, 500));
    const rssBeforeIdle = rssMb(serverPid);
    const idle: http.ClientRequest[] = [];
    const opened = performance.now();
    for (let i = 0; i < IDLE; i += 250) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(250, IDLE - i) }, () => follow(meetingId, member, () => undefined)),
      );
      idle.push(...batch);
    }
    const openSeconds = (performance.now() - opened) / 1000;
    await new Promise((r) => setTimeout(r, 2000));
    const rssIdle = rssMb(serverPid);
    // One step change with every idle phone connected: time until the server has written it to all of them.
    const versionsSeen = new Map<number, number>();
    const tracker = await follow(meetingId, member, (v, at) => versionsSeen.set(v, at));
    const sent = performance.now();
    const open = state.steps.find((s: { state: string }) => s.state === 'open');
    const next = state.steps.find((s: { state: string }) => s.state === 'pending');
    state = (
      await request(
        'POST',
        `/api/v1/meetings/${meetingId}/steps`,
        sec,
        open
          ? { action: 'close', stepId: open.id, expectedVersion: state.version }
          : { action: 'open', stepId: next.id, expectedVersion: state.version },
      )
    ).json;
    for (let i = 0; i < 2000 && !versionsSeen.has(state.version); i++)
      await new Promise((r) => setTimeout(r, 5));
    const lastOfIdleMs = (versionsSeen.get(state.version) ?? NaN) - sent;
    tracker.destroy();
    for (const c of idle) c.destroy();

    const result = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model,
        memGb: Math.round(totalmem() / 1e9),
        node: process.version,
      },
      setup: 'sotay serve child process, SQLite demo data, in-process event bus; clients over loopback',
      fanout: {
        clients: CLIENTS,
        changes: perChange.length,
        allClientsMs: { p50: pct(perChange, 50), p95: pct(perChange, 95), max: pct(perChange, 100) },
        perClientMs: { p50: pct(perClient, 50), p99: pct(perClient, 99) },
        stepRequestMs: { p50: pct(postMs, 50), max: pct(postMs, 100) },
        target: 'step change reaches 80 clients in ≤ 200 ms',
        met: pct(perChange, 100) <= 200,
      },
      idle: {
        connections: IDLE,
        openSeconds: Math.round(openSeconds * 10) / 10,
        rssBeforeMb: rssBeforeIdle,
        rssWithIdleMb: rssIdle,
        kbPerConnection: Math.round((((rssIdle - rssBeforeIdle) * 1024) / IDLE) * 10) / 10,
        stepChangeToLastClientMs: Math.round(lastOfIdleMs),
      },
      rssAtStartMb: rssStart,
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/meeting-fanout.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(JSON.stringify(result, null, 2));
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    agent.destroy();
  }
}

await main();
