import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  expectAccessible,
  login,
  logout,
  openBrowser,
  overflowsHorizontally,
  screenshot,
  startServer,
  waitForHeading,
  type Browser,
  type Server,
} from './harness.ts';

let server: Server;
let browser: Browser;
const GUIDE = 'Hướng dẫn sử dụng Sổ tay đảng viên điện tử trong sinh hoạt chi bộ';
const RESOLUTION = 'Nghị quyết về chuyển đổi số tỉnh Thái Bình đến năm 2025, định hướng đến năm 2030';

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser(server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('documents library', () => {
  it('filters the library and bookmarks a document for later', async () => {
    const { page } = browser;
    await login(page, 'dangvien');
    await page.goto('/documents');
    await waitForHeading(page, 'Văn bản');
    await page.getByText('Lọc văn bản').click();
    await page.getByLabel('Loại văn bản').selectOption('huong_dan');
    await page.waitForURL(/kind=huong_dan/);
    await page
      .getByRole('link', { name: new RegExp(GUIDE) })
      .first()
      .waitFor();
    expect(await page.getByRole('link', { name: new RegExp(RESOLUTION) }).count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'documents library');
    await screenshot(page, 'documents-library');

    await page
      .getByRole('link', { name: new RegExp(GUIDE) })
      .first()
      .click();
    await waitForHeading(page, GUIDE);
    await page.getByRole('button', { name: 'Đánh dấu để đọc sau' }).click();
    await page.getByRole('button', { name: 'Bỏ đánh dấu' }).waitFor();
    expect(await page.locator('[data-speech-slot]').count()).toBe(1);
    await expectAccessible(page, 'document page');
    await screenshot(page, 'document-page');

    await page.goto('/documents?bookmarked=1');
    await page
      .getByRole('link', { name: new RegExp(GUIDE) })
      .first()
      .waitFor();
    // Bookmarked earlier (demo data) and bookmarked now: both listed.
    await page
      .getByRole('link', { name: new RegExp(RESOLUTION) })
      .first()
      .waitFor();
    const api = await apiSession(server.baseUrl, 'dangvien');
    const marks = (await (await api.get('/api/v1/documents?bookmarked=true')).json()) as {
      items: Array<{ title: string }>;
    };
    expect(marks.items.map((d) => d.title).sort()).toEqual([GUIDE, RESOLUTION].sort());
    await api.dispose();
  });

  it('opens a cited paragraph by its link and keeps bookmarked documents readable offline', async () => {
    const { page, context } = browser;
    const api = await apiSession(server.baseUrl, 'dangvien');
    const list = (await (await api.get('/api/v1/documents?kind=nghi_quyet')).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    const resolution = list.items.find((d) => d.title === RESOLUTION)!;
    const doc = (await (await api.get(`/api/v1/documents/${resolution.id}`)).json()) as {
      paragraphs: Array<{ id: string; text: string }>;
    };
    await api.dispose();
    const cited = doc.paragraphs.find((p) => p.text.startsWith('2. Chuyển đổi số trong công tác đảng'))!;

    // The bookmarks tab has saved the resolution on the device, without it ever being opened here.
    await page.goto('/documents?bookmarked=1');
    await page
      .getByRole('link', { name: new RegExp(RESOLUTION) })
      .first()
      .waitFor();
    await page.waitForFunction(
      async (id) => !!(await (await caches.open('sotay-content')).match(`/offline-copy/documents/${id}`)),
      resolution.id,
    );

    await context.setOffline(true);
    try {
      await page.goto(`/documents/${resolution.id}#p-${cited.id}`);
      await waitForHeading(page, RESOLUTION);
      await page.getByText(/Không có mạng: đang hiển thị bản đã lưu/).waitFor();
      const target = page.locator(`#p-${cited.id}`);
      await expect(target.textContent()).resolves.toBe(cited.text);
      await page.waitForFunction((sel) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        return r.top >= 0 && r.top < window.innerHeight;
      }, `#p-${cited.id}`);
      await screenshot(page, 'document-offline-cited');
      await page.goto('/documents');
      await waitForHeading(page, 'Văn bản');
      await page.getByRole('heading', { name: 'Văn bản đã lưu trên máy' }).waitFor();
      await expectAccessible(page, 'documents offline');
    } finally {
      await context.setOffline(false);
    }
  });
});

describe('document exchange', () => {
  it('a member acknowledges a document from the commune; the sender sees it per recipient', async () => {
    const { page } = browser;
    await page.goto('/exchange');
    await waitForHeading(page, 'Văn bản đi/đến');
    const title = 'Công văn về việc học tập Nghị quyết 02-NQ/TU trong sinh hoạt chi bộ tháng 11';
    await page.getByRole('link', { name: new RegExp(title) }).click();
    await waitForHeading(page, title);
    await page.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
    await page.getByText(/^Đã xác nhận lúc/).waitFor();
    await expectAccessible(page, 'exchange message');
    await screenshot(page, 'exchange-message');

    await logout(page);
    await login(page, 'dangu');
    await page.goto('/exchange?box=out');
    await page.getByText('3/3 đã mở · 2/3 đã xác nhận').waitFor();
    await page.getByRole('link', { name: new RegExp(title) }).click();
    await waitForHeading(page, title);
    await page.getByRole('button', { name: 'Nhắc 1 nơi chưa xác nhận' }).click();
    await page.getByText('Đã nhắc 1 người nhận.').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'exchange sender');
    await screenshot(page, 'exchange-sender');

    await page.goto('/exchange');
    await page.getByRole('link', { name: 'Gửi văn bản đi' }).click();
    await page.getByLabel('Tiêu đề').fill('Giấy mời dự hội nghị học tập chuyên đề');
    await page.getByRole('checkbox', { name: /^Tất cả đảng viên của/ }).check();
    // A deadline must not be past: a week from today.
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Hạn xác nhận (nếu cần)').fill(deadline);
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await waitForHeading(page, 'Giấy mời dự hội nghị học tập chuyên đề');
    await page.getByRole('heading', { name: 'Người nhận' }).waitFor();
    expect(await page.locator('.ex-recipients > li').count()).toBeGreaterThan(3);
  });
});
