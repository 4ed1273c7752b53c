import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  openBrowser,
  overflowsHorizontally,
  screenshot,
  startServer,
  type Browser,
  type Page,
  type Server,
} from './harness.ts';

type Role = 'member' | 'secretary';

/**
 * Every main screen, visited by an ordinary member and by a branch secretary at normal and at 200 % text.
 * A new screen is one line here; `{org}` stands for the secretary's branch.
 */
const SCREENS: Array<{ name: string; path: string; roles?: Role[] }> = [
  { name: 'home', path: '/' },
  { name: 'profile', path: '/profile' },
  { name: 'settings', path: '/settings' },
  { name: 'notification-settings', path: '/settings/notifications' },
  { name: 'notifications', path: '/notifications' },
  { name: 'meetings', path: '/meetings' },
  { name: 'news', path: '/news' },
  { name: 'documents', path: '/documents' },
  { name: 'tasks', path: '/tasks' },
  { name: 'listen', path: '/listen' },
  { name: 'search', path: '/search?q=nghi+quyet' },
  { name: 'notebook', path: '/notebook' },
  { name: 'guides', path: '/guides' },
  { name: 'guide', path: '/guides/bieu-quyet' },
  { name: 'petitions', path: '/petitions' },
  { name: 'petition-new', path: '/petitions/new' },
  { name: 'org', path: '/orgs/{org}', roles: ['secretary'] },
  { name: 'org-members', path: '/orgs/{org}/members', roles: ['secretary'] },
  { name: 'member-import', path: '/orgs/{org}/import', roles: ['secretary'] },
  { name: 'petition-inbox', path: '/orgs/{org}/petitions', roles: ['secretary'] },
  { name: 'reports', path: '/orgs/{org}/reports', roles: ['secretary'] },
];

const ACCOUNTS: Record<Role, string> = { member: 'dangvien', secretary: 'bithu' };
/** Normal text, 200 % text, and 200 % text in the high-contrast theme. */
const MODES = [
  { label: '100 %', scale: 1, contrast: false },
  { label: '200 %', scale: 2, contrast: false },
  { label: '200 % high contrast', scale: 2, contrast: true },
] as const;
type Mode = (typeof MODES)[number];

let server: Server;
const browsers: Browser[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.stop();
});

/** Opens a screen as a fresh page load with the chosen text size, and waits until it has settled. */
async function visit(page: Page, path: string, mode: Mode): Promise<void> {
  await page.goto(path);
  await page.evaluate(
    ({ scale, contrast }) => {
      const key = 'sotay.preferences';
      const prefs = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
      localStorage.setItem(key, JSON.stringify({ ...prefs, textScale: scale, highContrast: contrast }));
      document.documentElement.style.setProperty('--text-scale', String(scale));
      document.documentElement.dataset.contrast = contrast ? 'high' : 'normal';
    },
    { scale: mode.scale, contrast: mode.contrast },
  );
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Screens that load data show a busy indicator first; check what the member finally sees.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), undefined, {
    timeout: 10_000,
  });
}

for (const role of ['member', 'secretary'] as const) {
  describe(`accessibility of every main screen as ${role}`, () => {
    let page: Page;
    let org = '';

    beforeAll(async () => {
      const browser = await openBrowser(server.baseUrl);
      browsers.push(browser);
      page = browser.page;
      await login(page, ACCOUNTS[role]);
      const me = await page.evaluate(async () => {
        const res = await fetch('/api/v1/me', { credentials: 'same-origin' });
        return (await res.json()) as { roles: Array<{ role: string; orgId: string }> };
      });
      org = me.roles.find((r) => r.role === 'secretary')?.orgId ?? '';
    });

    for (const screen of SCREENS.filter((s) => !s.roles || s.roles.includes(role))) {
      for (const mode of MODES) {
        const slug = `${role}-${screen.name}-${mode.scale * 100}${mode.contrast ? '-hc' : ''}`;
        it(`${screen.name} at ${mode.label}: no serious or critical axe violations, no sideways scrolling`, async () => {
          expect(!screen.path.includes('{org}') || org !== '', 'secretary has a branch').toBe(true);
          await visit(page, screen.path.replace('{org}', encodeURIComponent(org)), mode);
          await screenshot(page, `a11y-${slug}`);
          await expectAccessible(page, `${screen.name} as ${role} at ${mode.label}`);
          expect(await overflowsHorizontally(page), `${screen.name} scrolls sideways`).toBe(false);
        });
      }
    }
  });
}
