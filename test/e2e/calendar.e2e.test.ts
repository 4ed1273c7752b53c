import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  overflowsHorizontally,
  screenshot,
  waitForHeading,
  useJourney,
} from './harness.ts';

const journey = useJourney();

describe('personal calendar at phone size', () => {
  it('a member reads the agenda, opens a task from it and puts the calendar on the phone', async () => {
    const { page, context } = journey.browser;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: journey.server.baseUrl,
    });
    await login(page, 'dangvien');
    await screenshot(page, 'calendar-home-tile');
    await page.getByRole('link', { name: /^Lịch của tôi/ }).click();
    await waitForHeading(page, 'Lịch của tôi');

    // The demo member has task deadlines already past: they come first, under their own heading.
    await page.getByRole('heading', { level: 2, name: 'Đã quá hạn' }).waitFor();
    await page.getByRole('button', { name: 'Tất cả' }).click();
    expect(await page.getByRole('button', { name: 'Tất cả' }).getAttribute('aria-pressed')).toBe('true');
    await expectAccessible(page, 'calendar');
    await screenshot(page, 'calendar-agenda');
    expect(await overflowsHorizontally(page)).toBe(false);

    // Each entry opens its own screen.
    const overdue = page.locator('section', {
      has: page.getByRole('heading', { level: 2, name: 'Đã quá hạn' }),
    });
    const first = overdue.getByRole('link').first();
    const title = (await first.locator('.list-title').textContent())!.trim();
    expect(await first.getAttribute('href')).toMatch(/^\/tasks\//);
    await first.click();
    await waitForHeading(page, title);
    await page.goBack();
    await waitForHeading(page, 'Lịch của tôi');
    // The chosen period is kept.
    expect(await page.getByRole('button', { name: 'Tất cả' }).getAttribute('aria-pressed')).toBe('true');

    // The private link: made, shown, copied; a phone calendar can read it without signing in.
    await page.getByRole('button', { name: 'Tạo đường dẫn lịch' }).click();
    const field = page.getByLabel('Đường dẫn lịch riêng');
    await field.waitFor();
    const firstUrl = await field.inputValue();
    expect(firstUrl).toMatch(/\/calendar\/feed\/[A-Za-z0-9_-]{20,}$/);
    await page.getByRole('button', { name: 'Sao chép đường dẫn' }).click();
    await page.getByText('Đã sao chép. Bây giờ hãy dán vào ứng dụng Lịch.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstUrl);
    expect(
      await page.getByRole('link', { name: 'Mở bằng ứng dụng Lịch (iPhone)' }).getAttribute('href'),
    ).toBe(firstUrl.replace(/^https?:/, 'webcal:'));
    const feed = await page.request.get(firstUrl, { headers: { cookie: '' } });
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect(await feed.text()).toContain('SUMMARY:Hạn nhiệm vụ: ');

    await page.getByText('Cách thêm vào điện thoại Android (Google Lịch)').click();
    await page.getByText('Dán đường dẫn vào ô “URL của lịch”').waitFor();
    await page.getByText('Cách thêm vào iPhone (ứng dụng Lịch)').click();
    await page.getByText('Chọn “Thêm lịch đã đăng ký”').waitFor();
    await expectAccessible(page, 'calendar-feed');
    await screenshot(page, 'calendar-feed');
    expect(await overflowsHorizontally(page)).toBe(false);

    // Reset: asked once more, then the old link stops and the new one works.
    await page.getByRole('button', { name: 'Tạo đường dẫn mới' }).click();
    await page.getByText('Đường dẫn cũ sẽ ngừng hoạt động ngay.').waitFor();
    await screenshot(page, 'calendar-reset');
    await page.getByRole('button', { name: 'Đồng ý, tạo đường dẫn mới' }).click();
    await expect.poll(() => field.inputValue()).not.toBe(firstUrl);
    const secondUrl = await field.inputValue();
    expect((await page.request.get(firstUrl)).status()).toBe(404);
    expect((await page.request.get(secondUrl)).status()).toBe(200);

    // Coming back later, the link is not shown again (only its hash is kept), but its date is.
    await page.reload();
    await waitForHeading(page, 'Lịch của tôi');
    await page.getByText(/Đồng chí đã tạo đường dẫn ngày \d{2}\/\d{2}\/\d{4}/).waitFor();
    expect(await page.getByLabel('Đường dẫn lịch riêng').count()).toBe(0);
  });
});
