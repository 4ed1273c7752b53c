// Browser journeys against the real server: a fresh data directory with the demo data, the built web app,
// Debian's Chromium at phone size (360×740), screenshots in tmp/screens and axe-core checks.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, request, type APIRequestContext, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export type { Page };

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEMO_PASSWORD = process.env.SOTAY_DEMO_PASSWORD ?? 'sotay-demo';
export const VIEWPORT = { width: 360, height: 740 };
const SCREENS_DIR = join(ROOT, 'tmp', 'screens');
// The test command builds the server and sets SOTAY_E2E_COMPILED, so journeys run what production runs; a single
// journey started by hand runs the sources.
const CLI = process.env.SOTAY_E2E_COMPILED
  ? join(ROOT, 'build', 'cli', 'main.js')
  : join(ROOT, 'bin', 'sotay.js');

export interface Server {
  baseUrl: string;
  dataDir: string;
  /** Runs a `sotay` sub-command against this server's data directory and returns its standard output. */
  cli(args: string[]): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The journeys test the built app the server really serves; build it when a checkout has none yet. */
export function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'dist', 'web', 'index.html'))) return;
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('web build failed');
}

function runCli(env: NodeJS.ProcessEnv, args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`sotay ${args.join(' ')} exited with ${r.status}:\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not become healthy at ${url}:\n${log()}`);
}

/**
 * Seeds the demo data into a fresh directory and starts `sotay serve` on a free port. `env` adds or overrides
 * settings for this server (e.g. `SOTAY_TWO_FACTOR: 'privileged'`; journeys run with two-factor off otherwise).
 */
export async function startServer(options: { env?: NodeJS.ProcessEnv } = {}): Promise<Server> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: the server cannot be started yet`);
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'sotay-e2e-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SOTAY_DATA_DIR: dataDir,
    PORT: String(port),
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    SOTAY_TWO_FACTOR: process.env.SOTAY_TWO_FACTOR ?? 'off',
    ...options.env,
  };
  delete env.DATABASE_URL;
  runCli(env, ['seed-demo']);
  let output = '';
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${baseUrl}/api/health`, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseUrl,
    dataDir,
    cli: (args) => runCli(env, args),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile, at the size of a cheap Android phone. */
export async function openBrowser(baseUrl: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'sotay-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: VIEWPORT,
    baseURL: baseUrl,
    locale: 'vi-VN',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The level-1 heading of the current screen, once it shows `name`. */
export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Signs in through the form; resolves when the next screen (home or the forced password change) is shown. */
export async function login(page: Page, loginName: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await waitForHeading(page, 'Đăng nhập');
  await page.getByLabel('Số điện thoại hoặc số thẻ đảng viên').fill(loginName);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: /^(Xin chào|Đổi mật khẩu)/ }).waitFor();
}

/** Signs out on this device through the settings screen. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await waitForHeading(page, 'Cài đặt');
  await page.getByRole('button', { name: 'Đăng xuất khỏi máy này' }).click();
  await waitForHeading(page, 'Đăng nhập');
}

/** A full-page PNG in tmp/screens/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const axeSource = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page and throws on serious or critical violations, then checks touch target sizes. The script is evaluated through
 * the DevTools protocol rather than a <script> tag, so the app's Content-Security-Policy stays in force.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = bad.map(
      (v) =>
        `- [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
    );
    throw new Error(
      `axe found ${bad.length} serious/critical violation(s) on ${label}:\n${lines.join('\n')}`,
    );
  }
}

/** An API session (cookie jar of its own) for preparing data the way another user would. */
export async function apiSession(
  baseUrl: string,
  loginName: string,
  password = DEMO_PASSWORD,
): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl, extraHTTPHeaders: { 'X-Sotay-Client': 'web' } });
  const res = await api.post('/api/v1/auth/login', { data: { login: loginName, password } });
  if (!res.ok()) throw new Error(`API login as ${loginName} failed: ${res.status()} ${await res.text()}`);
  return api;
}

/** Whether the page scrolls sideways (text or layout wider than the phone screen). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/**
 * The usual journey set-up: a demo server and one phone-sized browser for the whole file, closed after it.
 * Call at the top level of a test file; read `journey.server` / `journey.browser` inside the tests.
 */
export function useJourney(options: { env?: NodeJS.ProcessEnv } = {}): { server: Server; browser: Browser } {
  const journey = {} as { server: Server; browser: Browser };
  beforeAll(async () => {
    journey.server = await startServer(options);
    journey.browser = await openBrowser(journey.server.baseUrl);
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.stop();
  });
  return journey;
}
