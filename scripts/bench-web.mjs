#!/usr/bin/env node
// Front-end budget: the gzipped JavaScript the member home page loads (scripts/web-budget.mjs, budget 80 KB)
// and a Lighthouse mobile run (Debian Chromium) of the member home page, signed in as the demo member.
// Builds the web app first when dist/web is missing (or with --build). Prints both, writes
// bench/results/web.json and the "Web" table in BENCHMARKS.md.
// Targets (issue 13): performance ≥ 90, accessibility ≥ 95.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const DATA = path.join(ROOT, 'tmp/bench-web');
const PASSWORD = process.env.SOTAY_DEMO_PASSWORD ?? 'sotay-demo';

function sh(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

if (process.argv.includes('--build') || !fs.existsSync(path.join(ROOT, 'dist/web/index.html'))) {
  console.log('▶ building the web app');
  const b = sh('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  if (b.code !== 0) {
    console.error(b.out);
    process.exit(1);
  }
}

// 1. JavaScript budget.
const budget = sh(process.execPath, ['scripts/web-budget.mjs']);
process.stdout.write(budget.out);
const total = /([\d.]+) KB\s+total gzipped JavaScript/.exec(budget.out);
const jsKb = total ? Number(total[1]) : null;

// 2. Lighthouse on the member home page of the demo province.
async function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

console.log('▶ demo data');
const seeded = sh(process.execPath, ['bin/sotay.js', 'seed-demo', '--reset'], {
  SOTAY_DATA_DIR: DATA,
  LOG_LEVEL: 'warn',
});
if (seeded.code !== 0) {
  console.error(seeded.out);
  process.exit(1);
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// The compiled server, as `npm start` runs it.
const built = sh(process.execPath, ['scripts/build-server.mjs']);
if (built.code !== 0) {
  console.error(built.out);
  process.exit(1);
}
const server = spawn(process.execPath, ['build/cli/main.js', 'serve'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SOTAY_DATA_DIR: DATA },
});
const stopServer = () =>
  new Promise((r) => (server.exitCode !== null ? r() : (server.once('exit', r), server.kill('SIGTERM'))));

let scores = null;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // starting
    }
    if (i > 600) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sotay-client': 'bench-web' },
    body: JSON.stringify({ login: 'dangvien', password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];

  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    // Default config = mobile: Moto G-class screen, 4× CPU slowdown, slow 4G (simulated throttling).
    const run = await lighthouse(`${base}/`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: { Cookie: cookie },
    });
    const lhr = run.lhr;
    // The whole report, for reading the diagnostics (layout shifts, long tasks) behind the scores.
    fs.writeFileSync(path.join(ROOT, 'tmp/lighthouse.json'), JSON.stringify(lhr));
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id]?.displayValue ?? '';
    scores = {
      performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      failedA11y: Object.values(lhr.audits)
        .filter((a) => lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id) && a.score === 0)
        .map((a) => a.id),
      // Every script the signed-in home page actually fetched (entry, preloads and lazy screen chunks),
      // gzipped from dist/web: what a phone downloads with compression on.
      scripts: (lhr.audits['network-requests']?.details?.items ?? [])
        .filter((r) => r.resourceType === 'Script' && r.url.startsWith(base))
        .map((r) => {
          const file = path.join(ROOT, 'dist/web', new URL(r.url).pathname);
          const kb = fs.existsSync(file) ? gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024 : 0;
          return { url: new URL(r.url).pathname, gzip_kb: Math.round(kb * 10) / 10 };
        }),
      meStatus: (lhr.audits['network-requests']?.details?.items ?? []).find(
        (r) => r.url === `${base}/api/v1/me`,
      )?.statusCode,
      finalUrl: lhr.finalDisplayedUrl,
      lighthouse: lhr.lighthouseVersion,
    };
  } finally {
    await chrome.kill();
  }
} finally {
  await stopServer();
}

console.log(
  `Lighthouse (mobile) ${scores.finalUrl}: performance ${scores.performance} (target ≥ 90), accessibility ${scores.accessibility} (target ≥ 95)`,
);
const loadedKb = Math.round(scores.scripts.reduce((n, s) => n + s.gzip_kb, 0) * 10) / 10;
console.log(
  `JavaScript the signed-in member home page loaded: ${loadedKb} KB gzipped in ${scores.scripts.length} files ` +
    `(${scores.scripts.map((s) => s.url).join(', ')})`,
);
if (scores.meStatus !== 200) {
  console.error(
    `the page was not signed in (GET /api/v1/me answered ${scores.meStatus}); scores are not of the home page`,
  );
  process.exit(1);
}
console.log(`  FCP ${scores.fcp}, LCP ${scores.lcp}, TBT ${scores.tbt}, CLS ${scores.cls}`);
if (scores.failedA11y.length) console.log(`  failed accessibility audits: ${scores.failedA11y.join(', ')}`);

const result = {
  name: 'web',
  js_gzip_kb: jsKb,
  js_loaded_gzip_kb: loadedKb,
  js_budget_kb: 80,
  ...scores,
  date: new Date().toISOString(),
  machine: {
    cpus: os.availableParallelism(),
    cpu: os.cpus()[0]?.model.trim(),
    ram_gb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
  },
};
fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/results/web.json'), JSON.stringify(result, null, 2) + '\n');

// The "Web" table in BENCHMARKS.md, between its markers.
const START = '<!-- bench:web:start (generated by scripts/bench-web.mjs) -->';
const END = '<!-- bench:web:end -->';
const ok = (v) => (v ? 'met' : '**missed**');
const table = [
  START,
  '',
  `Command: \`npm run bench:web\`. ${result.date.slice(0, 16).replace('T', ' ')} UTC, ${result.machine.cpus} CPUs, ` +
    `Chromium ${CHROMIUM}, Lighthouse ${scores.lighthouse} mobile preset (simulated slow 4G, 4× CPU slowdown), ` +
    'member home page of the demo province signed in as `dangvien`, server on the same machine.',
  '',
  '| measure | target | result |',
  '| --- | --- | --- |',
  `| JavaScript named by index.html, gzipped (scripts/web-budget.mjs) | ≤ 80 KB | ${jsKb} KB (${ok(jsKb !== null && jsKb <= 80)}) |`,
  `| JavaScript the signed-in member home page loaded (${scores.scripts.length} files incl. lazy screens), gzipped | ≤ 80 KB | ${loadedKb} KB (${ok(loadedKb <= 80)}) |`,
  `| Lighthouse performance | ≥ 90 | ${scores.performance} (${ok(scores.performance >= 90)}) |`,
  `| Lighthouse accessibility | ≥ 95 | ${scores.accessibility} (${ok(scores.accessibility >= 95)}) |`,
  `| FCP / LCP / TBT / CLS | — | ${scores.fcp} / ${scores.lcp} / ${scores.tbt} / ${scores.cls} |`,
  '',
  END,
].join('\n');
const file = path.join(ROOT, 'BENCHMARKS.md');
let doc = fs.readFileSync(file, 'utf8');
const a = doc.indexOf(START);
const b = doc.indexOf(END);
if (a >= 0 && b > a) doc = doc.slice(0, a) + table + doc.slice(b + END.length);
else {
  const anchor = '<!-- bench:table:end -->';
  const i = doc.indexOf(anchor);
  doc =
    i >= 0
      ? `${doc.slice(0, i + anchor.length)}\n\n### Web (npm run bench:web)\n\n${table}${doc.slice(i + anchor.length)}`
      : `${doc}\n## Web\n\n${table}\n`;
}
fs.writeFileSync(file, doc);
process.exit(0);
