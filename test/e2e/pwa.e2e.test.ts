import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expectAccessible, ROOT, screenshot, waitForHeading, useJourney } from './harness.ts';

/** The parts of a service worker's global scope these checks use (the project's types are not a worker's). */
interface WorkerScope extends EventTarget {
  registration: { getNotifications(): Promise<Notification[]> };
  NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
}

const journey = useJourney();

describe('installable, offline-ready app', () => {
  it('keeps the members’ first load within 80 KB of gzipped JavaScript', () => {
    const r = spawnSync(process.execPath, ['scripts/web-budget.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('has a manifest with the Vietnamese name, theme colour and reachable icons', async () => {
    const { page } = journey.browser;
    await page.goto('/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBeTruthy();
    const res = await page.request.get(href as string);
    expect(res.ok()).toBe(true);
    const manifest = (await res.json()) as {
      name: string;
      lang: string;
      theme_color: string;
      display: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest.name).toBe('Sổ tay Đảng viên');
    expect(manifest.lang).toBe('vi');
    expect(manifest.theme_color).toBe('#b71c1c');
    expect(manifest.display).toBe('standalone');
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const img = await page.request.get(icon.src);
      expect(img.ok(), icon.src).toBe(true);
      expect(img.headers()['content-type'], icon.src).toMatch(/^image\//);
    }
  });

  it('opens offline from the service worker’s cache, says the server cannot be reached, and reconnects', async () => {
    const { page, context } = journey.browser;
    await page.goto('/');
    await waitForHeading(page, 'Đăng nhập');
    const state = await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active;
      if (!worker || worker.state === 'activated') return worker?.state;
      return new Promise<string>((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(worker.state)),
      );
    });
    expect(state).toBe('activated');
    await page.reload();
    await waitForHeading(page, 'Đăng nhập');
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

    await context.setOffline(true);
    try {
      await page.goto('/orgs/some-branch/members');
      await waitForHeading(page, 'Chưa kết nối được');
      await page.getByRole('alert').filter({ hasText: 'Không kết nối được máy chủ' }).waitFor();
      await expectAccessible(page, 'offline');
      await screenshot(page, 'offline');
    } finally {
      await context.setOffline(false);
    }
    // Back online, the app asks the server again by itself.
    await waitForHeading(page, 'Đăng nhập');
  });

  it('shows a Web Push message with the server’s title and body and opens its address when tapped', async () => {
    const { page, context } = journey.browser;
    await context.grantPermissions(['notifications'], { origin: journey.server.baseUrl });
    await page.goto('/');
    await waitForHeading(page, 'Đăng nhập');
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Delivered through the browser's push path (DevTools protocol), as a push service would.
    const cdp = await context.newCDPSession(page);
    const registration = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
        const reg = e.registrations.find((r) => !r.isDeleted);
        if (reg) resolve(reg.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    const registrationId = await registration;
    const payload = { title: 'Họp chi bộ tháng 12', body: 'Tài liệu đã sẵn sàng.', url: '/notifications' };
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: journey.server.baseUrl,
      registrationId,
      data: JSON.stringify(payload),
    });
    // Read through the page's registration (the notifications the worker showed): an evaluation inside the
    // worker may hold its push event back in this Chromium. Up to 20 s on a loaded machine.
    let shown: Array<{ title: string; body: string; data: unknown }> = [];
    for (let i = 0; i < 200 && shown.length === 0; i++) {
      shown = await page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          data: n.data as unknown,
        })),
      );
      if (shown.length === 0) await page.waitForTimeout(100);
    }
    expect(shown).toEqual([
      { title: payload.title, body: payload.body, data: { url: `${journey.server.baseUrl}/notifications` } },
    ]);
    // A tap: the open window of the app moves to the message's address. The click is dispatched in the worker,
    // which may need a moment to list the notification the page already sees.
    const worker = context.serviceWorkers()[0]!;
    let tapped = false;
    for (let i = 0; i < 100 && !tapped; i++) {
      tapped = await worker.evaluate(async () => {
        const scope = self as unknown as WorkerScope;
        const [notification] = await scope.registration.getNotifications();
        if (!notification) return false;
        scope.dispatchEvent(new scope.NotificationEvent('notificationclick', { notification }));
        return true;
      });
      if (!tapped) await page.waitForTimeout(100);
    }
    await page.waitForURL('**/notifications');
    await cdp.detach();
  });

  it('never stores sign-in or account answers in the caches', async () => {
    const { page } = journey.browser;
    await page.goto('/');
    await waitForHeading(page, 'Đăng nhập');
    await page.getByLabel('Số điện thoại hoặc số thẻ đảng viên').fill('dangvien');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('sotay-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await waitForHeading(page, /^Xin chào, /);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
      }
      return urls;
    });
    expect(cached.length).toBeGreaterThan(0);
    expect(cached.filter((u) => u.startsWith('/api/'))).toEqual([]);
    expect(cached).toContain('/index.html');
  });
});
