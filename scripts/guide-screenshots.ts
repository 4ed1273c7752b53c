/**
 * Screenshots of the real app for the user guide: seeds the demo province, serves the built app, drives Debian's
 * Chromium at 360×740 through each guide's `shot:` lines (signed in as the named demo account) and writes
 * guides/screenshots/<slug>-<step>.png. A screen that does not exist yet (placeholder or "not found") is skipped
 * with a message, never faked; its old picture is removed so no guide shows a stale screen.
 *
 * Run: npm run guides:screenshots [-- <slug> …]
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { allGuides, SCREENSHOTS_DIR } from '../src/features/guides/catalog.ts';
import type { GuideShot } from '../src/features/guides/parse.ts';
import { login, openBrowser, startServer, type Page } from '../test/e2e/harness.ts';

// What the app shows where a screen is not built yet, or does not exist.
const MISSING = ['Mục này chưa có nội dung', 'Không tìm thấy trang', 'Không có chức năng này'];

const only = new Set(process.argv.slice(2));
const guides = allGuides().filter((g) => only.size === 0 || only.has(g.slug));
const jobs: Array<{ slug: string; shot: GuideShot }> = guides.flatMap((g) =>
  g.shots.map((shot) => ({ slug: g.slug, shot })),
);
mkdirSync(SCREENSHOTS_DIR, { recursive: true });
for (const f of readdirSync(SCREENSHOTS_DIR)) {
  if (f.endsWith('.png') && guides.some((g) => f.startsWith(`${g.slug}-`))) rmSync(join(SCREENSHOTS_DIR, f));
}

/**
 * `{org}` in a shot's path stands for the organisation the signed-in account works on: its first committee grant,
 * else its own branch (screens such as /orgs/:id/reports belong to an organisation).
 */
async function orgOf(page: Page): Promise<string | null> {
  const res = await page.request.get('/api/v1/me');
  if (!res.ok()) return null;
  const me = (await res.json()) as { roles?: Array<{ role: string; orgId: string }> };
  const roles = me.roles ?? [];
  return (roles.find((r) => r.role !== 'member') ?? roles[0])?.orgId ?? null;
}

async function capture(page: Page, slug: string, shot: GuideShot): Promise<'ok' | string> {
  let path = shot.path;
  if (path.includes('{org}')) {
    const org = await orgOf(page);
    if (!org) return 'the account has no organisation for {org}';
    path = path.replaceAll('{org}', encodeURIComponent(org));
  }
  await page.goto(path);
  const h1 = page.getByRole('heading', { level: 1 });
  try {
    await h1.first().waitFor({ timeout: 15_000 });
  } catch {
    return 'no screen heading';
  }
  await page.waitForLoadState('networkidle').catch(() => {});
  const text = await page.locator('main').innerText();
  const missing = MISSING.find((m) => text.includes(m));
  if (missing) return `screen not built yet ("${missing}")`;
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${slug}-${shot.step}.png`) });
  return 'ok';
}

const server = await startServer();
let made = 0;
const skipped: string[] = [];
try {
  const logins = [...new Set(jobs.map((j) => j.shot.login ?? '-'))].sort();
  for (const who of logins) {
    const browser = await openBrowser(server.baseUrl);
    try {
      if (who !== '-') await login(browser.page, who);
      for (const { slug, shot } of jobs.filter((j) => (j.shot.login ?? '-') === who)) {
        const outcome = await capture(browser.page, slug, shot);
        if (outcome === 'ok') made++;
        else skipped.push(`${slug} step ${shot.step} (${shot.path} as ${who}): ${outcome}`);
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.stop();
}
console.log(`${made} screenshots written to guides/screenshots/`);
if (skipped.length) {
  console.log(`${skipped.length} skipped until their screens exist:`);
  for (const s of skipped) console.log(`  - ${s}`);
}
