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
 * A new screen is one line here; `{org}` stands for the secretary's branch, `{news}` and `{document}` for the
 * newest news item and document the account can read.
 */
const SCREENS: Array<{ name: string; path: string; roles?: Role[] }> = [
  { name: 'home', path: '/' },
  { name: 'profile', path: '/profile' },
  { name: 'settings', path: '/settings' },
  { name: 'notification-settings', path: '/settings/notifications' },
  { name: 'notifications', path: '/notifications' },
  { name: 'meetings', path: '/meetings' },
  { name: 'news', path: '/news' },
  { name: 'news-article', path: '/news/{news}' },
  { name: 'documents', path: '/documents' },
  { name: 'document', path: '/documents/{document}' },
  { name: 'tasks', path: '/tasks' },
  { name: 'calendar', path: '/calendar' },
  { name: 'exchange', path: '/exchange' },
  { name: 'consultations', path: '/consultations' },
  { name: 'assistant', path: '/assistant' },
  { name: 'study', path: '/study' },
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

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
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
    let browser: Browser | undefined;
    let page: Page;
    const ids: Record<string, string> = {};

    // One browser at a time: the machine running the journeys may be small.
    afterAll(() => browser?.close());

    beforeAll(async () => {
      browser = await openBrowser(server.baseUrl);
      page = browser.page;
      await login(page, ACCOUNTS[role]);
      Object.assign(
        ids,
        await page.evaluate(async () => {
          const get = async <T>(url: string) =>
            (await (await fetch(url, { credentials: 'same-origin' })).json()) as T;
          const me = await get<{ roles: Array<{ role: string; orgId: string }> }>('/api/v1/me');
          const news = await get<{ items?: Array<{ id: string }> }>('/api/v1/news?limit=1');
          const docs = await get<{ items?: Array<{ id: string }> }>('/api/v1/documents?limit=1');
          return {
            org: me.roles.find((r) => r.role === 'secretary')?.orgId ?? '',
            news: news.items?.[0]?.id ?? '',
            document: docs.items?.[0]?.id ?? '',
          };
        }),
      );
    });

    for (const screen of SCREENS.filter((s) => !s.roles || s.roles.includes(role))) {
      for (const mode of MODES) {
        const slug = `${role}-${screen.name}-${mode.scale * 100}${mode.contrast ? '-hc' : ''}`;
        it(`${screen.name} at ${mode.label}: no serious or critical axe violations, no sideways scrolling`, async () => {
          const path = screen.path.replace(/\{(\w+)\}/g, (_, name: string) => {
            expect(ids[name], `the demo data has a ${name} for ${role}`).toBeTruthy();
            return encodeURIComponent(ids[name]!);
          });
          await visit(page, path, mode);
          await screenshot(page, `a11y-${slug}`);
          await expectAccessible(page, `${screen.name} as ${role} at ${mode.label}`);
          expect(await overflowsHorizontally(page), `${screen.name} scrolls sideways`).toBe(false);
        });
      }
    }
  });
}
