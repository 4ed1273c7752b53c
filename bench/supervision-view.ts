/**
 * Supervision view on the province dataset (~110k members, ~5k branches): the province committee's monthly view
 * (its own level row and each district's), with the 12-month trend, and the yearly view, measured in process on
 * SQLite.
 *
 * Run: `npx tsx bench/supervision-view.ts [--runs 200]` after `npm run bench -- --full` (or
 * `sotay generate --members 110000` with SOTAY_DATA_DIR=tmp/bench/province-110k-sqlite) made
 * `tmp/bench/province-110k-sqlite`. The dataset is copied; its branch roll-up is filled with 12 months of rows for
 * every branch (varied counts, as `refreshMeetingMonth` would write them) through `upsertMonth`, which moves the
 * level rows of every ancestor in the same transaction, so the view reads what it reads in production. Writes
 * `bench/results/supervision-view.json`.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/platform/config.ts';
import { closeContext, createContext, migrate } from '../src/app/boot.ts';
import { supervisionView, trendOf } from '../src/features/supervision/queries.ts';
import { trailingMonths } from '../src/features/supervision/period.ts';
import { upsertMonth, ZERO_COUNTS } from '../src/features/supervision/rollup.ts';
import { rebuildLevels } from '../src/features/supervision/levels.ts';
import { findOrg } from '../src/features/orgs/queries.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('runs')) || 200;
// `--pg postgres://…/db`: a dataset already generated there (e.g. the country: `sotay generate --members 5600000`),
// measured in place; its roll-up table is refilled. Otherwise a copy of the SQLite province dataset.
const pgUrl = arg('pg') ?? null;
// `--reuse` (with --pg): the roll-up rows of an earlier run are measured as they are, without refilling.
const reuse = process.argv.includes('--reuse');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sotay-sup-bench-'));
if (!pgUrl) {
  const source = path.resolve('tmp/bench/province-110k-sqlite/sotay.sqlite');
  fs.copyFileSync(source, path.join(dir, 'sotay.sqlite'));
}
const ctx = await createContext(
  loadConfig({ SOTAY_DATA_DIR: dir, LOG_LEVEL: 'silent', DATABASE_URL: pgUrl ?? '' }),
);
await migrate(ctx);

const branches = await ctx.db
  .selectFrom('orgs')
  .select(['id', 'path'])
  .where('type_code', 'in', ['branch', 'grassroots_branch'])
  .execute();
const months = trailingMonths('2026-11', 12);
let seed = 7;
const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
const t0 = performance.now();
const figures = () => {
  const expected = 10 + rnd(30);
  const held = rnd(10) < 9 ? 1 : 0;
  return {
    meetings_held: held,
    regular_held: held,
    materials_early: held && rnd(3) ? 1 : 0,
    attendance_present: held ? expected - rnd(6) : 0,
    attendance_expected: held ? expected : 0,
    opened_before: held ? rnd(expected) : 0,
    comments: held ? rnd(20) : 0,
    duration_minutes: held ? 60 + rnd(90) : 0,
    quality_sum: held ? 50 + rnd(50) : 0,
    quality_count: held,
    members: expected,
    tasks_total: rnd(5),
    tasks_on_time: rnd(3),
    tasks_overdue: rnd(2),
    active_members: rnd(expected),
  };
};
let levelsMs: number | null = null;
if (pgUrl && reuse) {
  // Measured as left by an earlier run.
} else if (pgUrl) {
  // Millions of rows: written as the roll-up would hold them, many per statement; the level rows are then
  // summed from them by the migration's backfill (a month at a time).
  await ctx.db.deleteFrom('supervision_monthly').execute();
  const now = new Date().toISOString();
  let batch: Array<Record<string, unknown>> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await ctx.db
      .insertInto('supervision_monthly')
      .values(batch as never)
      .execute();
    batch = [];
  };
  for (const b of branches)
    for (const month of months) {
      batch.push({ ...ZERO_COUNTS, ...figures(), org_id: b.id, org_path: b.path, month, updated_at: now });
      if (batch.length >= 2_000) await flush();
    }
  await flush();
  const l0 = performance.now();
  await ctx.db.transaction().execute((trx) => rebuildLevels(trx, 1_000));
  levelsMs = Math.round(performance.now() - l0);
  // Fresh statistics, as autovacuum would gather them after a bulk load.
  await sql`analyze supervision_totals`.execute(ctx.db);
  await sql`analyze supervision_monthly`.execute(ctx.db);
} else {
  await ctx.db.transaction().execute(async (trx) => {
    for (const b of branches)
      for (const month of months) await upsertMonth(trx, { orgId: b.id, orgPath: b.path, month }, figures());
  });
}
const fillMs = performance.now() - t0;
const root = (
  await ctx.db.selectFrom('orgs').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()
).id;
let org = (await findOrg(ctx.db, root))!;
// The country dataset has a national root over the provinces; the province dataset is one province.
const level = org.type === 'central_committee' ? 'national' : 'province';

async function measure(label: string, ms: string[], withTrend: boolean) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await supervisionView(ctx.db, org, ms);
    if (withTrend) await trendOf(ctx.db, org, months);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]! * 10) / 10;
  return { label, runs, p50_ms: q(0.5), p95_ms: q(0.95), max_ms: q(1) };
}

const monthly = await measure(`${level}, one month (table only)`, ['2026-11'], false);
const monthlyTrend = await measure(`${level}, one month + 12-month trend`, ['2026-11'], true);
const yearly = await measure(`${level}, year 2026 (table only)`, months.slice(-11), false);
const extra = [];
if (level === 'national') {
  // One province of the country (its districts), the view its committee opens.
  const province = (await findOrg(
    ctx.db,
    (
      await ctx.db
        .selectFrom('orgs')
        .select('id')
        .where('parent_id', '=', org.id)
        .orderBy('path')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id,
  ))!;
  const saved = org;
  org = province;
  extra.push(await measure('a province of the country, one month + 12-month trend', ['2026-11'], true));
  org = saved;
}
// The write side: one branch-month changed (as a task change or a meeting refresh does) with the level rows of
// the branch and every ancestor, one transaction each, on random branches.
const writeTimes: number[] = [];
for (let i = 0; i < runs * 3; i++) {
  const b = branches[rnd(branches.length)]!;
  const s0 = performance.now();
  await ctx.db
    .transaction()
    .execute((trx) => upsertMonth(trx, { orgId: b.id, orgPath: b.path, month: '2026-11' }, figures()));
  writeTimes.push(performance.now() - s0);
}
writeTimes.sort((a, b) => a - b);
const wq = (p: number) =>
  Math.round(writeTimes[Math.min(writeTimes.length - 1, Math.floor(p * writeTimes.length))]! * 10) / 10;
extra.push({
  label: 'write: one branch-month change with its level rows (one transaction)',
  runs: writeTimes.length,
  p50_ms: wq(0.5),
  p95_ms: wq(0.95),
  max_ms: wq(1),
});
const result = {
  name: 'supervision-view',
  dataset: pgUrl
    ? `${
        (
          await ctx.db
            .selectFrom('members')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n
      } members`
    : 'province-110k',
  db: pgUrl ? 'postgres' : 'sqlite',
  branches: branches.length,
  reused: reuse,
  rollupRows: branches.length * months.length,
  levelRows: Number(
    (
      await ctx.db
        .selectFrom('supervision_totals')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('month', 'in', months)
        .executeTakeFirstOrThrow()
    ).n,
  ),
  fill_ms: reuse ? null : Math.round(fillMs),
  ...(levelsMs !== null ? { levels_backfill_ms: levelsMs } : {}),
  loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  at: new Date().toISOString(),
  cpus: os.cpus().length,
  results: [monthly, monthlyTrend, yearly, ...extra],
};
fs.mkdirSync('bench/results', { recursive: true });
fs.writeFileSync(
  `bench/results/supervision-view${pgUrl ? '-postgres' : ''}${reuse ? '-reuse' : ''}.json`,
  `${JSON.stringify(result, null, 2)}\n`,
);
console.log(JSON.stringify(result, null, 2));
await closeContext(ctx);
fs.rmSync(dir, { recursive: true, force: true });
