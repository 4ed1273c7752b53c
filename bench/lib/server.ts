import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/sotay.js');
/** The compiled server, as `npm start` runs it in production (built by `npm run build:server`). */
const COMPILED = path.join(ROOT, 'build/cli/main.js');

export interface Dataset {
  name: string;
  members: number;
  dataDir: string;
  databaseUrl: string | null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The generated dataset for a profile, made once and reused (tmp/bench/<name>): `sotay generate` in its own
 * process, as an operator would run it. A marker file records what was generated.
 */
export async function ensureDataset(
  name: string,
  members: number,
  db: 'sqlite' | 'postgres',
  opts: { regenerate: boolean; pgAdminUrl: string | null },
): Promise<Dataset> {
  const dataDir = path.join(ROOT, 'tmp/bench', `${name}-${db}`);
  const marker = path.join(dataDir, 'dataset.json');
  let databaseUrl: string | null = null;
  if (db === 'postgres') {
    if (!opts.pgAdminUrl)
      throw new Error('--db postgres needs SOTAY_BENCH_PG=postgres://… (a server to create the database on)');
    const dbName = `sotay_bench_${name.replace(/\W/g, '_')}`;
    const url = new URL(opts.pgAdminUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
    if (opts.regenerate || !fs.existsSync(marker)) {
      const client = new pg.Client({ connectionString: opts.pgAdminUrl });
      await client.connect();
      await client.query(`drop database if exists ${dbName} with (force)`);
      await client.query(`create database ${dbName}`);
      await client.end();
    }
  }
  if (!opts.regenerate && fs.existsSync(marker)) {
    const info = JSON.parse(fs.readFileSync(marker, 'utf8')) as { members: number };
    if (info.members === members) return { name, members, dataDir, databaseUrl };
  }
  if (db === 'sqlite') fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  console.log(`▶ generating dataset ${name} (${members.toLocaleString('en')} members, ${db})`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [BIN, 'generate', '--members', String(members)], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, SOTAY_DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'warn' },
  });
  if (r.status !== 0) throw new Error(`sotay generate failed (${r.status})`);
  fs.writeFileSync(
    marker,
    JSON.stringify({
      name,
      members,
      db,
      generatedAt: new Date().toISOString(),
      seconds: (Date.now() - started) / 1000,
    }),
  );
  return { name, members, dataDir, databaseUrl };
}

export interface RunningServer {
  url: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * `sotay serve` in a child process on the dataset, as in production: compiled JavaScript, built first, and logs
 * at warn so logging is not measured.
 */
export async function startServer(
  dataset: Dataset,
  opts: { nodeArgs?: string[] } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-server.mjs')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('build of the server failed');
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), COMPILED, 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SOTAY_DATA_DIR: dataset.dataDir,
      DATABASE_URL: dataset.databaseUrl ?? '',
      NODE_ENV: 'production',
      // The benchmark signs in as an administrator with a password only.
      SOTAY_TWO_FACTOR: 'off',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 120_000) throw new Error('server did not start within 2 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Resident memory of a process in MB (Linux). */
export function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/**
 * CPU time (user + system) a process has used so far, in microseconds (Linux): divided by the requests served,
 * it gives the server's cost per request, which does not depend on how busy the rest of the machine is.
 */
export function cpuMicros(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Math.round((ticks * 1_000_000) / CLOCK_TICKS);
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = 100;
