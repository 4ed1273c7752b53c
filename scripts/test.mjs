#!/usr/bin/env node
// The one test command: format, lint, type-check, unit + API tests (SQLite always, PostgreSQL when
// SOTAY_TEST_PG or DATABASE_URL is set), web build, browser journeys. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);
mkdirSync('tmp', { recursive: true });

function run(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    return false;
  }
  return true;
}

// No high or critical advisory in production dependencies, nor in the whole tree. Without the advisory
// service (offline machine, registry mirror) the step says so instead of passing silently.
function npmAudit(extra) {
  const title = `npm audit ${extra.join(' ') || '(all dependencies)'}`;
  console.log(`\n▶ ${title}`);
  const r = spawnSync('npm', ['audit', '--json', ...extra], { encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    report = null;
  }
  const v = report?.metadata?.vulnerabilities;
  if (!v) {
    console.warn(
      `⚠ ${title}: advisory service unavailable, not checked (${(r.stderr || '').trim().split('\n').pop()})`,
    );
    return process.env.SOTAY_REQUIRE_AUDIT !== '1';
  }
  const bad = (v.high ?? 0) + (v.critical ?? 0);
  console.log(
    `${title}: ${v.critical ?? 0} critical, ${v.high ?? 0} high, ${v.moderate ?? 0} moderate, ${v.low ?? 0} low`,
  );
  if (bad > 0) console.error(`✖ ${title} failed`);
  return bad === 0;
}

let passed = 0;
let failed = 0;
let ok = true;
function vitest(title, project, file, env = {}) {
  const out = `tmp/vitest-${file}.json`;
  const good = run(
    title,
    'npx',
    ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    env,
  );
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  ok = good && ok;
}

if (want('format')) ok = run('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']) && ok;
if (want('lint')) ok = run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']) && ok;
if (want('types')) ok = run('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) && ok;
if (want('deps')) {
  ok = run('licences (AGPL-3.0 compatible)', 'node', ['scripts/licences.mjs']) && ok;
  ok = npmAudit(['--omit=dev']) && npmAudit([]) && ok;
}
if (want('unit')) vitest('unit tests', 'unit', 'unit');
if (want('api')) {
  vitest('API tests (SQLite)', 'api', 'api-sqlite', { SOTAY_TEST_DB: 'sqlite' });
  const pg = process.env.SOTAY_TEST_PG || process.env.DATABASE_URL;
  if (pg) vitest('API tests (PostgreSQL)', 'api', 'api-pg', { SOTAY_TEST_DB: 'postgres', SOTAY_TEST_PG: pg });
  else console.log('PostgreSQL API tests skipped: set SOTAY_TEST_PG=postgres://… to run them');
}
if (want('scaleout')) {
  // Scale-out: real server processes sharing PostgreSQL, with Redis and NATS between them (test/scaleout).
  const pg = process.env.SOTAY_TEST_PG || process.env.DATABASE_URL;
  const out = 'tmp/vitest-scaleout.json';
  if (pg) {
    const args = ['vitest', 'run', '--config', 'test/scaleout/vitest.config.ts', '--reporter=default'];
    const env = { SOTAY_TEST_DB: 'postgres', SOTAY_TEST_PG: pg };
    ok = run('scale-out tests', 'npx', [...args, '--reporter=json', `--outputFile=${out}`], env) && ok;
    if (existsSync(out)) {
      const r = JSON.parse(readFileSync(out, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
    }
  } else console.log('scale-out tests skipped: set SOTAY_TEST_PG=postgres://… to run them');
}
if (want('e2e')) {
  ok =
    run('web build', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']) && ok;
  // Journeys drive the compiled server, as `npm start` runs it.
  ok = run('server build', process.execPath, ['scripts/build-server.mjs']) && ok;
  vitest('browser journeys', 'e2e', 'e2e', { SOTAY_E2E_COMPILED: '1' });
}

console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
