/**
 * The benchmark suite: `npm run bench` (quick profile), `npm run bench -- --full` (province dataset).
 * Starts the real server in a child process on a generated dataset, loads it with autocannon from this process,
 * measures the ceiling (hello-world route of the same server, same run) first, then every `bench/*.bench.ts`.
 * Writes bench/results/<name>.json and regenerates the table in BENCHMARKS.md.
 *
 * Options: --full, --only a,b (names), --db sqlite|postgres (SOTAY_BENCH_PG=postgres://… for postgres),
 * --duration <s>, --connections <n>, --regenerate (make the dataset again).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import autocannon, { type Request as LoadReq, type Result as LoadResult } from 'autocannon';
import { ROOT, cpuMicros, ensureDataset, rssMb, startServer } from './lib/server.ts';
import type {
  ApiResponse,
  BenchContext,
  BenchDefinition,
  BenchResult,
  LoadRequest,
  LoadSpec,
} from './lib/types.ts';
import { writeBenchmarksTable } from './table.ts';

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    only: { type: 'string' },
    db: { type: 'string', default: 'sqlite' },
    duration: { type: 'string' },
    connections: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
  },
});

const PROFILES = {
  quick: { dataset: 'quick-20k', members: 20_000, duration: 6, connections: 10, sessions: 200 },
  full: { dataset: 'province-110k', members: 110_000, duration: 20, connections: 50, sessions: 500 },
} as const;
const profileName = values.full ? 'full' : 'quick';
const profile = PROFILES[profileName];
const db = values.db === 'postgres' ? 'postgres' : 'sqlite';
const duration = Number(values.duration ?? profile.duration);
const connections = Number(values.connections ?? profile.connections);
const only = values.only ? new Set(values.only.split(',')) : null;
const password = process.env.SOTAY_DEMO_PASSWORD ?? 'sotay-demo';
const resultsDir = path.join(ROOT, 'bench/results');

const machine = {
  cpus: os.availableParallelism(),
  cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
  ram_gb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
};

async function loadBenches(): Promise<BenchDefinition[]> {
  const files = fs.readdirSync(path.join(ROOT, 'bench')).filter((f) => f.endsWith('.bench.ts'));
  const defs: BenchDefinition[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(ROOT, 'bench', f)).href)) as {
      default?: BenchDefinition;
    };
    if (!mod.default?.name || typeof mod.default.prepare !== 'function')
      throw new Error(`bench/${f} must export default a BenchDefinition`);
    defs.push(mod.default);
  }
  return defs.sort((a, b) => (a.order ?? 50) - (b.order ?? 50) || a.name.localeCompare(b.name));
}

function apiFor(baseUrl: string) {
  return async (
    method: string,
    p: string,
    opts: { cookie?: string; body?: unknown } = {},
  ): Promise<ApiResponse> => {
    const res = await fetch(baseUrl + p, {
      method,
      headers: {
        'x-sotay-client': 'bench',
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    const setCookie = res.headers.get('set-cookie');
    return { status: res.status, body, cookie: setCookie ? setCookie.split(';')[0]! : null };
  };
}

async function signIn(api: BenchContext['api'], login: string): Promise<string> {
  const res = await api('POST', '/api/v1/auth/login', { body: { login, password } });
  if (res.status !== 200 || !res.cookie)
    throw new Error(`sign-in ${login}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.cookie;
}

async function load(
  baseUrl: string,
  spec: LoadSpec,
  ctx: BenchContext,
  pid: number,
): Promise<{ result: LoadResult; rss: number; conns: number; cpuUs: number }> {
  const cookies = spec.as === 'admin' ? [ctx.adminCookie] : spec.as === 'anonymous' ? [] : ctx.memberCookies;
  let n = 0;
  const pick = (i: number): LoadRequest =>
    typeof spec.requests === 'function' ? spec.requests(i) : spec.requests[i % spec.requests.length]!;
  const conns = spec.connections ?? connections;
  const requests: LoadReq[] = [
    {
      setupRequest: (req) => {
        const i = n++;
        const r = pick(i);
        const headers: Record<string, string> = { 'x-sotay-client': 'bench' };
        if (cookies.length) headers.cookie = cookies[i % cookies.length]!;
        if (r.body !== undefined) headers['content-type'] = 'application/json';
        return {
          ...req,
          method: r.method ?? 'GET',
          path: r.path,
          headers,
          body: r.body !== undefined ? JSON.stringify(r.body) : undefined,
        };
      },
    },
  ];
  // Warm-up: JIT, caches, connection pools.
  await autocannon({ url: baseUrl, connections: conns, duration: 1, requests });
  let peak = rssMb(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 250);
  try {
    const cpuBefore = cpuMicros(pid);
    const result = await autocannon({ url: baseUrl, connections: conns, duration, requests, timeout: 30 });
    return { result, rss: Math.max(peak, rssMb(pid)), conns, cpuUs: cpuMicros(pid) - cpuBefore };
  } finally {
    clearInterval(sampler);
  }
}

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

async function main(): Promise<void> {
  const benches = await loadBenches();
  const dataset = await ensureDataset(profile.dataset, profile.members, db, {
    regenerate: values.regenerate,
    pgAdminUrl: process.env.SOTAY_BENCH_PG ?? process.env.SOTAY_TEST_PG ?? null,
  });
  const server = await startServer(dataset);
  console.log(
    `▶ server ${server.url} (pid ${server.pid}) on ${dataset.name} (${db}), profile ${profileName}`,
  );
  const api = apiFor(server.url);
  try {
    const step = Math.max(1, Math.floor(dataset.members / profile.sessions));
    const memberCookies: string[] = [];
    for (let i = 0; i < profile.sessions && 1 + i * step <= dataset.members; i++) {
      memberCookies.push(await signIn(api, `dv${1 + i * step}`));
    }
    const ctx: BenchContext = {
      profile: profileName,
      dataset: dataset.name,
      db,
      baseUrl: server.url,
      password,
      members: dataset.members,
      memberCookies,
      adminCookie: await signIn(api, 'quantri'),
      api,
      dataDir: dataset.dataDir,
      databaseUrl: dataset.databaseUrl,
    };
    fs.mkdirSync(resultsDir, { recursive: true });
    let ceiling = 0;
    for (const bench of benches) {
      const isCeiling = (bench.order ?? 50) === 0;
      if (only && !only.has(bench.name) && !isCeiling) continue;
      const spec = await bench.prepare(ctx);
      if (!spec) {
        console.log(`– ${bench.name}: skipped (not available)`);
        continue;
      }
      const { result, rss, conns, cpuUs } = await load(server.url, spec, ctx, server.pid);
      const rps = round(result.requests.average, 0);
      if (isCeiling) ceiling = rps;
      const out: BenchResult = {
        name: bench.name,
        dataset: dataset.name,
        db,
        rps,
        p50_ms: round(result.latency.p50),
        p99_ms: round(result.latency.p99),
        ceiling_rps: ceiling,
        rss_mb: rss,
        cpu_us_per_req: result.requests.total ? round(cpuUs / result.requests.total, 0) : 0,
        load_avg: round(os.loadavg()[0] ?? 0, 1),
        profile: profileName,
        connections: conns,
        duration_s: duration,
        requests: result.requests.total,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        ratio: ceiling ? round(rps / ceiling, 3) : 0,
        ...(bench.target ? { target: bench.target } : {}),
        ...(spec.note ? { note: spec.note } : {}),
        date: new Date().toISOString(),
        machine,
      };
      if (bench.target) {
        const t = bench.target;
        out.target_met =
          (t.ratio === undefined || out.ratio >= t.ratio) &&
          (t.p99_ms === undefined || out.p99_ms <= t.p99_ms) &&
          (t.rss_mb === undefined || out.rss_mb <= t.rss_mb);
      }
      // SQLite (embedded mode, where the targets are set) keeps <name>.json; other databases get a suffix.
      const file = db === 'sqlite' ? `${bench.name}.json` : `${bench.name}-${db}.json`;
      fs.writeFileSync(path.join(resultsDir, file), JSON.stringify(out, null, 2) + '\n');
      const bad = out.non2xx + out.errors;
      console.log(
        `✓ ${bench.name.padEnd(16)} ${String(rps).padStart(7)} req/s  p50 ${out.p50_ms} ms  p99 ${out.p99_ms} ms  ` +
          `${Math.round(out.ratio * 100)}% of ceiling  rss ${rss} MB  cpu ${out.cpu_us_per_req} µs/req  ` +
          `load ${out.load_avg}${bad ? `  (${bad} failed responses)` : ''}`,
      );
      if (bad > out.requests * 0.01)
        throw new Error(
          `${bench.name}: ${bad} of ${out.requests} responses failed; the numbers would be meaningless`,
        );
    }
  } finally {
    await server.stop();
  }
  writeBenchmarksTable();
  console.log('BENCHMARKS.md updated');
}

await main();
