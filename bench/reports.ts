/**
 * Reporting by numbers at province scale: how long after a branch submits its monthly report the province
 * total shows it, and how fast the province view (every district × 12 months, ~30 indicators) answers.
 *
 * Run: `npx tsx bench/reports.ts [--members 110000] [--submissions 60] [--views 100]`. Generates a dataset
 * with `sotay generate`'s generator (orgs, members) plus the reports plugin (11 months of approved reports
 * from every branch, totals stored), in a temporary data directory (SQLite; PostgreSQL with
 * DATABASE_URL=postgres://…), then calls the real HTTP routes in-process (fastify inject, no network).
 * Results: bench/results/reports.json (`--out FILE` writes elsewhere).
 *
 * Country scale: `npx tsx bench/reports.ts --pg postgres://…/db [--months 3] [--submissions 20] [--completeness 3]`
 * measures a dataset already generated there (`sotay generate --members 5600000 --plugins none`) in place. When it
 * holds no reports yet, the reports are written set-based in SQL first (`reportsDatasetSql`: every branch, the
 * `--months` months before the current one, all stored totals); the view measured is then the national root's
 * (root + every province). `--offset k` picks other branches to submit on a later run over the same database.
 * Results: bench/results/reports-national.json.
 *
 * Every measured request is timed twice: wall clock, and the CPU time this process spent on it
 * (`process.cpuUsage`, user + system). The server runs in this process and SQLite in its thread, so on a shared
 * machine the CPU time shows the work itself while the wall time also holds the waits for a core.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { closeContext, createApp, createContext, migrate } from '../src/app/boot.ts';
import { loadConfig } from '../src/platform/config.ts';
import { generateDataset } from '../src/demo/generate.ts';
import { reportsDataset, reportsDatasetSql, HISTORY_MONTHS } from '../src/features/reports/dataset.ts';
import { nextPeriod, periodOf } from '../src/features/reports/domain/index.ts';
import { snapshotBuilds } from '../src/features/reports/expected-cache.ts';
import { forgetKeptViews } from '../src/features/reports/totals-cache.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MEMBERS = arg('members', 110_000);
const SUBMISSIONS = arg('submissions', 60);
const VIEWS = arg('views', 100);
const COMPLETENESS = arg('completeness', 20);
// Which of every 40 branches submit (another on a second run over the same database: those already sent).
const OFFSET = arg('offset', 0);
const PG = (() => {
  const i = args.indexOf('--pg');
  return i >= 0 ? args[i + 1] : undefined;
})();
const MONTHS = arg('months', HISTORY_MONTHS);

const OUT = (() => {
  const i = args.indexOf('--out');
  return i >= 0 ? args[i + 1] : undefined;
})();

/** Runs `fn`, returning its wall and CPU milliseconds. */
const timed = async <T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> => {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu0);
  return { value, wall, cpu: (used.user + used.system) / 1000 };
};

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) * 10) / 10;
};

const dataDir = mkdtempSync(join(tmpdir(), 'sotay-bench-reports-'));
// Signing in the generated administrator with a second factor is not what is measured here.
const config = loadConfig({
  ...process.env,
  SOTAY_DATA_DIR: dataDir,
  LOG_LEVEL: 'silent',
  SOTAY_TWO_FACTOR: 'off',
  ...(PG ? { DATABASE_URL: PG } : {}),
});
const ctx = await createContext(config);
await migrate(ctx);
const t0 = performance.now();
let last = 0;
const onProgress = (done: number, total: number) => {
  if (performance.now() - last > 5000) {
    last = performance.now();
    process.stderr.write(`  generating ${done}/${total}\n`);
  }
};
const count = async (table: 'orgs' | 'members' | 'reports' | 'report_values') =>
  Number(
    (
      await ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
let generated: Record<string, number>;
if (!PG) {
  generated = await generateDataset(ctx, { members: MEMBERS, plugins: [reportsDataset], onProgress });
} else {
  // An existing dataset: its reports are written once, set-based, and reused by later runs.
  if ((await count('reports')) === 0) {
    const provinces = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('type_code', '=', 'province_committee')
      .orderBy('path')
      .execute();
    const info = { seed: 42, now: new Date().toISOString(), provinces, orgs: 0, branches: 0, members: 0 };
    await reportsDatasetSql(MONTHS).generate(ctx, info, (done, total) =>
      process.stderr.write(
        `  reports of province ${done}/${total}, ${Math.round(performance.now() - t0)} ms\n`,
      ),
    );
  }
  generated = {
    orgs: await count('orgs'),
    members: await count('members'),
    reports: await count('reports'),
    values: await count('report_values'),
  };
}
const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
process.stderr.write(`generated ${JSON.stringify(generated)} in ${generateSeconds}s\n`);

const app = await createApp(ctx);
await app.ready();
const loginRes = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  headers: { 'x-sotay-client': 'bench', 'content-type': 'application/json' },
  payload: JSON.stringify({ login: 'quantri', password: config.demoPassword }),
});
const cookie = String(loginRes.headers['set-cookie']).split(';')[0]!;
const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
  const res = await app.inject({
    method,
    url,
    headers: {
      cookie,
      'x-sotay-client': 'bench',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
};

// The view measured: the province of the province dataset, the national root of a country dataset.
const province = PG
  ? await ctx.db.selectFrom('orgs').select(['id']).where('parent_id', 'is', null).executeTakeFirstOrThrow()
  : await ctx.db
      .selectFrom('orgs')
      .select(['id'])
      .where('type_code', '=', 'province_committee')
      .executeTakeFirstOrThrow();
const districts = await ctx.db.selectFrom('orgs').select('id').where('parent_id', '=', province.id).execute();
const current = periodOf(new Date(), 'monthly');
const first = nextPeriod(current, -HISTORY_MONTHS);
const branches = await ctx.db
  .selectFrom('orgs')
  .select(['id'])
  .where('type_code', '=', 'branch')
  .orderBy('path')
  .limit(SUBMISSIONS * 40)
  .execute();
const chosen = branches.filter((_, i) => i % 40 === OFFSET).slice(0, SUBMISSIONS);

const provinceFee = async (): Promise<number> => {
  const view = await call(
    'GET',
    `/api/v1/orgs/${province.id}/report-totals?from=${current}&by=self&indicators=DANG_PHI_THU`,
  );
  const cell = view.cells.find(
    (c: { orgId: string; combo: string }) => c.orgId === province.id && c.combo === '',
  );
  return cell?.value ?? 0;
};

// 1. A branch submits; the province total is read right after the answer.
const submitMs: number[] = [];
const visibleMs: number[] = [];
const visibleCpuMs: number[] = [];
for (const [i, b] of chosen.entries()) {
  const report = await call('POST', '/api/v1/reports', {
    orgId: b.id,
    templateCode: 'BC_CHI_BO_THANG',
    period: current,
  });
  const n = Number(report.values.DV_TONG ?? 0);
  const fee = 100_000 + i;
  const before = await provinceFee();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  await call('POST', `/api/v1/reports/${report.id}/submit`, {
    values: {
      SH_THUONG_KY: 1,
      DV_PHAI_DU: n,
      DV_DU_HOP: n,
      CO_BIEN_BAN: 'Có',
      DANG_PHI_THU: fee,
      DANG_PHI_NOP: 30_000,
      DV_DONG_DU: n,
    },
  });
  const submitted = performance.now();
  const after = await provinceFee();
  const seen = performance.now();
  if (Math.abs(after - before - fee) > 1e-6)
    throw new Error(`province total moved by ${after - before}, expected ${fee}`);
  const used = process.cpuUsage(cpu0);
  submitMs.push(submitted - start);
  visibleMs.push(seen - start);
  visibleCpuMs.push((used.user + used.system) / 1000);
}

// 2. The province view: every district × 12 months, all indicators (and formulas). A view is kept in memory
// until a total of the province or the catalogue changes (src/features/reports/totals-cache.ts), so it is
// measured twice: as computed (the first view after a change: kept views forgotten before each request) and as
// reused (the views between two changes).
const viewUrl = `/api/v1/orgs/${province.id}/report-totals?from=${first}&to=${current}`;
const coldMs: number[] = [];
const coldCpuMs: number[] = [];
const viewMs: number[] = [];
const viewCpuMs: number[] = [];
let cells = 0;
for (let i = 0; i < VIEWS; i++) {
  forgetKeptViews(ctx.db);
  const r = await timed(() => call('GET', viewUrl));
  coldMs.push(r.wall);
  coldCpuMs.push(r.cpu);
  cells = r.value.cells.length;
}
for (let i = 0; i < VIEWS; i++) {
  const r = await timed(() => call('GET', viewUrl));
  viewMs.push(r.wall);
  viewCpuMs.push(r.cpu);
}

// 3. Completeness and timeliness of the whole province for last month.
// The first request after a change builds the expected-reports snapshot; the others reuse it.
const completenessMs: number[] = [];
const completenessCpuMs: number[] = [];
let expectedCount = 0;
for (let i = 0; i < COMPLETENESS; i++) {
  const r = await timed(() =>
    call('GET', `/api/v1/orgs/${province.id}/report-completeness?period=${nextPeriod(current, -1)}`),
  );
  completenessMs.push(r.wall);
  completenessCpuMs.push(r.cpu);
  expectedCount = r.value.expected;
}

const totalsRows = await ctx.db
  .selectFrom('report_totals')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
const result = {
  name: 'reports',
  db: ctx.dialect,
  machine: {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memory_gb: Math.round(totalmem() / 2 ** 30),
    load_average: loadavg().map((l) => Math.round(l * 10) / 10),
  },
  dataset: {
    ...generated,
    districts: districts.length,
    months: (PG ? MONTHS : HISTORY_MONTHS) + 1,
    ...(PG ? { view_org: 'national root', children: districts.length } : {}),
    indicators: 31,
    totals_rows: Number(totalsRows.n),
    generate_s: generateSeconds,
  },
  submission_to_province_total: {
    submissions: submitMs.length,
    submit_p50_ms: pct(submitMs, 50),
    submit_p95_ms: pct(submitMs, 95),
    visible_p50_ms: pct(visibleMs, 50),
    visible_p95_ms: pct(visibleMs, 95),
    visible_max_ms: pct(visibleMs, 100),
    visible_cpu_p50_ms: pct(visibleCpuMs, 50),
    visible_cpu_p95_ms: pct(visibleCpuMs, 95),
    target_ms: 1000,
  },
  province_view: {
    requests: viewMs.length,
    cells,
    computed_p50_ms: pct(coldMs, 50),
    computed_p95_ms: pct(coldMs, 95),
    computed_cpu_p50_ms: pct(coldCpuMs, 50),
    computed_cpu_p95_ms: pct(coldCpuMs, 95),
    reused_p50_ms: pct(viewMs, 50),
    reused_p95_ms: pct(viewMs, 95),
    reused_cpu_p50_ms: pct(viewCpuMs, 50),
    reused_cpu_p95_ms: pct(viewCpuMs, 95),
    target_p95_ms: 100,
  },
  province_completeness: {
    requests: completenessMs.length,
    expected: expectedCount,
    snapshots_built: snapshotBuilds(ctx.db),
    first_ms: Math.round((completenessMs[0] ?? 0) * 10) / 10,
    first_cpu_ms: Math.round((completenessCpuMs[0] ?? 0) * 10) / 10,
    p50_ms: pct(completenessMs, 50),
    p95_ms: pct(completenessMs, 95),
    cpu_p50_ms: pct(completenessCpuMs, 50),
    cpu_p95_ms: pct(completenessCpuMs, 95),
  },
  at: new Date().toISOString(),
};
console.log(JSON.stringify(result, null, 2));
const out = new URL('./results/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
writeFileSync(
  OUT ??
    join(
      out,
      PG ? 'reports-national.json' : ctx.dialect === 'postgres' ? 'reports-postgres.json' : 'reports.json',
    ),
  JSON.stringify(result, null, 2) + '\n',
);
await app.close();
await closeContext(ctx);
if (args.includes('--keep')) process.stderr.write(`data kept in ${dataDir}\n`);
else rmSync(dataDir, { recursive: true, force: true });
