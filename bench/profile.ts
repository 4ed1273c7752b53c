/**
 * CPU profile of the compiled server under one bench's load: `npx tsx bench/profile.ts --bench news-feed`
 * (options --full, --duration <s>, --connections <n>). Starts `sotay serve` with `node --cpu-prof` on the
 * bench's dataset, signs in like `npm run bench`, loads the route with autocannon, stops the server and prints
 * where the server's CPU went: by function (self time) and by package or source folder. The raw profile is in
 * tmp/profiles/ (open it in Chrome DevTools).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { ROOT, cpuMicros, ensureDataset, startServer } from './lib/server.ts';
import type { BenchContext, BenchDefinition, LoadRequest } from './lib/types.ts';

const { values } = parseArgs({
  options: {
    bench: { type: 'string', default: 'member-home' },
    full: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    sessions: { type: 'string', default: '200' },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

const password = process.env.SOTAY_DEMO_PASSWORD ?? 'sotay-demo';
const members = values.full ? 110_000 : 20_000;
const dataset = await ensureDataset(values.full ? 'province-110k' : 'quick-20k', members, 'sqlite', {
  regenerate: false,
  pgAdminUrl: null,
});
const profileDir = path.join(ROOT, 'tmp/profiles');
fs.mkdirSync(profileDir, { recursive: true });
const started = Date.now();
const server = await startServer(dataset, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });

async function api(method: string, p: string, opts: { cookie?: string; body?: unknown } = {}) {
  const res = await fetch(server.url + p, {
    method,
    headers: {
      'x-sotay-client': 'bench',
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

let requests = 0;
let cpuUs = 0;
try {
  const file = fs.readdirSync(path.join(ROOT, 'bench')).find((f) => f === `${values.bench}.bench.ts`);
  if (!file) throw new Error(`no bench/${values.bench}.bench.ts`);
  const def = (
    (await import(pathToFileURL(path.join(ROOT, 'bench', file)).href)) as { default: BenchDefinition }
  ).default;
  const sessions = Number(values.sessions);
  const step = Math.max(1, Math.floor(members / sessions));
  const memberCookies: string[] = [];
  for (let i = 0; i < sessions; i++) {
    const res = await api('POST', '/api/v1/auth/login', { body: { login: `dv${1 + i * step}`, password } });
    if (!res.cookie) throw new Error(`sign-in failed: ${res.status}`);
    memberCookies.push(res.cookie);
  }
  const admin = await api('POST', '/api/v1/auth/login', { body: { login: 'quantri', password } });
  const ctx: BenchContext = {
    profile: values.full ? 'full' : 'quick',
    dataset: dataset.name,
    db: 'sqlite',
    baseUrl: server.url,
    password,
    members,
    memberCookies,
    adminCookie: admin.cookie!,
    api,
    dataDir: dataset.dataDir,
    databaseUrl: null,
  };
  const spec = await def.prepare(ctx);
  if (!spec) throw new Error(`${values.bench} is not available on this dataset`);
  const cookies = spec.as === 'admin' ? [ctx.adminCookie] : spec.as === 'anonymous' ? [] : memberCookies;
  let n = 0;
  const pick = (i: number): LoadRequest =>
    typeof spec.requests === 'function' ? spec.requests(i) : spec.requests[i % spec.requests.length]!;
  const before = cpuMicros(server.pid);
  const result = await autocannon({
    url: server.url,
    connections: Number(values.connections),
    duration: Number(values.duration),
    requests: [
      {
        setupRequest: (req) => {
          const i = n++;
          const r = pick(i);
          const headers: Record<string, string> = { 'x-sotay-client': 'bench' };
          if (cookies.length) headers.cookie = cookies[i % cookies.length]!;
          return { ...req, method: r.method ?? 'GET', path: r.path, headers };
        },
      },
    ],
  });
  cpuUs = cpuMicros(server.pid) - before;
  requests = result.requests.total;
  console.log(
    `${values.bench}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ` +
      `server CPU ${Math.round(cpuUs / requests)} µs/request (${requests} requests), non-2xx ${result.non2xx}`,
  );
} finally {
  await server.stop();
}

const newest = fs
  .readdirSync(profileDir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => ({ f, t: fs.statSync(path.join(profileDir, f)).mtimeMs }))
  .filter((x) => x.t >= started)
  .sort((a, b) => b.t - a.t)[0];
if (!newest) throw new Error('the server wrote no profile');
const profile = JSON.parse(fs.readFileSync(path.join(profileDir, newest.f), 'utf8')) as {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
};
const total = profile.samples.length;
const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
for (const node of profile.nodes) {
  if (!node.hitCount) continue;
  const { functionName, url, lineNumber } = node.callFrame;
  const short = url.replace(pathToFileURL(ROOT).href + '/', '').replace(/^node:/, 'node:');
  const key = `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + node.hitCount);
  const place =
    /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(short)?.[1] ??
    (short.startsWith('build/') ? short.split('/').slice(0, 4).join('/') : short || functionName);
  byPlace.set(place, (byPlace.get(place) ?? 0) + node.hitCount);
}
const top = (m: Map<string, number>, k: number) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
console.log(`\nprofile ${newest.f}: ${total} samples\n\nself time by function:\n${top(byFunction, 40)}`);
console.log(`\nself time by package or folder:\n${top(byPlace, 25)}`);
