import { describe, expect, it } from 'vitest';
import {
  apiSession,
  expectAccessible,
  login,
  logout,
  overflowsHorizontally,
  screenshot,
  useJourney,
  waitForHeading,
} from './harness.ts';

const journey = useJourney();
const OLD = 'Bản tin Đảng ủy xã tháng 11/2026: học tập Nghị quyết 02 và lịch sinh hoạt chi bộ';
const NEW = 'Bản tin Đảng ủy xã tháng 11/2026 (bổ sung lịch họp)';

describe('editing a published news item at phone size', () => {
  it('a commune committee member rewrites the pinned bulletin from its page', async () => {
    const { page } = journey.browser;
    await login(page, 'dangu');
    await page.goto('/news');
    await page.getByRole('link', { name: new RegExp(OLD.replace(/[()/]/g, '.')) }).click();
    await waitForHeading(page, OLD);
    await screenshot(page, 'news-article-editor');
    await page.getByRole('link', { name: 'Sửa tin' }).click();
    await waitForHeading(page, 'Sửa tin');
    // The form holds the item as published: its title, its formatted text, its pin.
    await expect(page.getByLabel('Tiêu đề').inputValue()).resolves.toBe(OLD);
    await page.locator('#ne-body h2', { hasText: 'Lịch sinh hoạt' }).waitFor();
    expect(await page.getByLabel('Ghim lên đầu bảng tin').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Bỏ ghim' }).waitFor();

    await page.getByLabel('Tiêu đề').fill(NEW);
    const body = page.locator('#ne-body');
    await body.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Bổ sung: họp chi ủy mở rộng lúc 19 giờ 30 thứ Sáu.');
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'news edit');
    await screenshot(page, 'news-edit');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();

    await waitForHeading(page, NEW);
    await page.getByText('Bổ sung: họp chi ủy mở rộng lúc 19 giờ 30 thứ Sáu.').waitFor();
    await page.locator('.article-body h2', { hasText: 'Việc cần làm' }).waitFor();
    await logout(page);
  });

  it('members read the new text; they are offered no editing', async () => {
    const { page } = journey.browser;
    await login(page, 'dangvien');
    await page.goto('/news');
    const first = page.locator('.news-item').first();
    await expect(first.textContent()).resolves.toContain(NEW);
    await first.getByRole('link').first().click();
    await waitForHeading(page, NEW);
    await page.getByText('Bổ sung: họp chi ủy mở rộng lúc 19 giờ 30 thứ Sáu.').waitFor();
    expect(await page.getByRole('link', { name: 'Sửa tin' }).count()).toBe(0);
    await page.goto(`${new URL(page.url()).pathname}/edit`);
    await page.getByText('Đồng chí không có quyền sửa tin này.').waitFor();
    await logout(page);
  });

  it('a scheduled item, absent from the feed, is found in the editor list and edited there', async () => {
    const { page } = journey.browser;
    const { server } = journey;
    const dangu = await apiSession(server.baseUrl, 'dangu');
    const me = (await (await dangu.get('/api/v1/me')).json()) as { roles: Array<{ orgId: string }> };
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const created = await dangu.post('/api/v1/news', {
      data: {
        orgId: me.roles[0]!.orgId,
        section: 'bulletin',
        title: 'Thông báo lịch tiếp dân tháng 12',
        bodyHtml: '<p>Đảng ủy xã tiếp dân vào sáng thứ Hai hằng tuần.</p>',
        publishAt: later,
      },
    });
    expect(created.status()).toBe(201);
    await dangu.dispose();

    await login(page, 'dangu');
    await page.goto('/news');
    await page.getByRole('link', { name: 'Tin đã đăng, hẹn giờ, đã gỡ' }).click();
    await waitForHeading(page, 'Tin của tổ chức mình');
    const row = page.locator('.news-item', { hasText: 'Thông báo lịch tiếp dân tháng 12' });
    await expect(row.textContent()).resolves.toContain('Hẹn giờ');
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'news manage');
    await screenshot(page, 'news-manage');
    await row.getByRole('link').click();
    await waitForHeading(page, 'Thông báo lịch tiếp dân tháng 12');
    await page.getByRole('link', { name: 'Sửa tin' }).click();
    await waitForHeading(page, 'Sửa tin');
    await page.getByLabel('Tiêu đề').fill('Thông báo lịch tiếp dân tháng 12 (đổi sang thứ Ba)');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await waitForHeading(page, 'Thông báo lịch tiếp dân tháng 12 (đổi sang thứ Ba)');
    // Still scheduled: the time was kept.
    await page.getByText(/^Hẹn giờ:/).waitFor();
  });
});
