import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  logout,
  overflowsHorizontally,
  screenshot,
  waitForHeading,
  useJourney,
} from './harness.ts';

const journey = useJourney();

const savedCopies = (prefix: string) =>
  journey.browser.page.evaluate(async (p) => {
    const keys = await (await caches.open('sotay-content')).keys();
    return keys.map((k) => new URL(k.url).pathname).filter((u) => u.startsWith(p));
  }, prefix);

describe('news', () => {
  it('shows the feed with section tabs, pinned bulletin first and unread marks', async () => {
    const { page } = journey.browser;
    await login(page, 'dangvien');
    await page.goto('/news');
    await waitForHeading(page, 'Tin tức');
    const first = page.locator('.news-item').first();
    await expect(first.textContent()).resolves.toContain('Bản tin Đảng ủy xã tháng 11/2026');
    await expect(first.textContent()).resolves.toContain('Tin ghim');
    expect(await page.locator('.news-item.is-unread').count()).toBeGreaterThan(3);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'news feed');
    await screenshot(page, 'news-feed');

    await page
      .getByRole('navigation', { name: 'Chuyên mục' })
      .getByRole('link', { name: 'Quốc tế', exact: true })
      .click();
    await page.waitForURL(/section=international/);
    await page.locator('.news-item').first().waitFor();
    const titles = await page.locator('.news-item .list-title').allTextContents();
    expect(titles.some((x) => x.includes('Cách mạng công nghiệp lần thứ tư'))).toBe(true);
    expect(titles.some((x) => x.includes('Nguyệt Lâm 3'))).toBe(false);
  });

  it('reads an article, marks it read and keeps the latest news for reading offline', async () => {
    const { page, context } = journey.browser;
    await page.goto('/news');
    await page.locator('.news-item').first().waitFor();
    // The newest articles are kept on the device once the feed has been seen online.
    await page.waitForFunction(
      async () =>
        (await (await caches.open('sotay-content')).keys()).filter((k) =>
          /\/offline-copy\/news\/[^/]+$/.test(new URL(k.url).pathname),
        ).length >= 8,
    );
    const title = 'Khẩn trương đưa Nghị quyết 02 về chuyển đổi số vào cuộc sống';
    await page.getByRole('link', { name: new RegExp(title) }).click();
    await waitForHeading(page, title);
    expect(await page.locator('[data-speech-slot]').count()).toBe(1);
    await expectAccessible(page, 'news article');
    await screenshot(page, 'news-article');
    await page.getByRole('link', { name: 'Về danh sách tin' }).click();
    await page.locator('.news-item').first().waitFor();
    await page.waitForFunction(
      (t) =>
        [...document.querySelectorAll('.news-item')].some(
          (li) => li.textContent?.includes(t) && !li.classList.contains('is-unread'),
        ),
      title,
    );

    // Offline pages come from the service worker: wait until it is installed and controls this page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // A page loaded before the worker activated is not controlled by it; the next load is.
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 30_000,
    });
    await context.setOffline(true);
    try {
      await page.goto('/news');
      await waitForHeading(page, 'Tin tức');
      await page.getByText(/Không có mạng: đang hiển thị bản đã lưu/).waitFor();
      const other = 'Thái Bình: tỉnh đầu tiên đưa Sổ tay đảng viên điện tử vào sinh hoạt đảng';
      await page.getByRole('link', { name: new RegExp(other) }).click();
      await waitForHeading(page, other);
      await page
        .getByText('Chi bộ tổ dân phố số 6, thị trấn Quỳnh Côi có 81 đảng viên', { exact: false })
        .waitFor();
      await expectAccessible(page, 'news article offline');
      await screenshot(page, 'news-article-offline');
    } finally {
      await context.setOffline(false);
    }
  });

  it('forgets the saved news when signing out', async () => {
    const { page } = journey.browser;
    await page.goto('/');
    await waitForHeading(page, /^Xin chào, /);
    expect((await savedCopies('/offline-copy/')).length).toBeGreaterThan(0);
    await logout(page);
    expect(await savedCopies('/offline-copy/')).toEqual([]);
  });
});

describe('news editor', () => {
  it('a commune committee member writes a bulletin with the rich-text editor', async () => {
    const { page } = journey.browser;
    await login(page, 'dangu');
    await page.goto('/news');
    await page.getByRole('link', { name: 'Viết tin mới' }).click();
    await waitForHeading(page, 'Viết tin');
    await page.getByLabel('Tiêu đề', { exact: true }).fill('Lịch tiếp dân của Đảng ủy xã tháng 12');
    const editor = page.getByRole('textbox', { name: 'Nội dung' });
    await editor.click();
    await page.getByRole('button', { name: 'Tiêu đề lớn' }).click();
    await page.keyboard.type('Lịch tiếp dân');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Danh sách', exact: true }).click();
    await page.keyboard.type('Thứ Hai: đồng chí Bí thư');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Thứ Năm: đồng chí Phó Bí thư');
    await screenshot(page, 'news-editor');
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'news editor');
    await screenshot(page, 'news-editor');
    await page.getByRole('button', { name: 'Đăng tin' }).click();
    await waitForHeading(page, 'Lịch tiếp dân của Đảng ủy xã tháng 12');
    expect(await page.locator('.article-body h2').textContent()).toBe('Lịch tiếp dân');
    expect(await page.locator('.article-body li').count()).toBe(2);
    await page.getByRole('button', { name: 'Gỡ tin' }).waitFor();
    await screenshot(page, 'news-article-editor');
  });
});
