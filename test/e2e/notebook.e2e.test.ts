import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
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

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser(server.baseUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('personal notebook at phone size', () => {
  it('writes a note with rich text and tags, then finds it by search without diacritics', async () => {
    const { page } = browser;
    await login(page, 'dangvien');
    await page.getByRole('link', { name: /Sổ tay cá nhân/ }).click();
    await waitForHeading(page, 'Sổ tay cá nhân');
    await expectAccessible(page, 'notebook-list');
    await page.getByRole('link', { name: 'Viết ghi chép mới' }).click();
    await waitForHeading(page, 'Viết ghi chép mới');
    await page.getByLabel('Tiêu đề').fill('Chuẩn bị phát biểu họp chi bộ');
    const body = page.getByRole('textbox', { name: 'Nội dung' });
    await body.click();
    await page.keyboard.type('Đề xuất sửa đường liên thôn trước Tết. ');
    await page.getByRole('button', { name: 'Đậm' }).click();
    await page.keyboard.type('Kinh phí xã hội hoá');
    await page.getByLabel('Thẻ (cách nhau bằng dấu phẩy)').fill('họp chi bộ, giao thông');
    await expectAccessible(page, 'note-editor');
    await screenshot(page, 'notebook-editor');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu ghi chép.' }).waitFor();
    await waitForHeading(page, 'Sửa ghi chép');
    expect(await body.innerHTML()).toContain('<strong>Kinh phí xã hội hoá</strong>');

    await page
      .getByRole('navigation', { name: 'Đường dẫn' })
      .getByRole('link', { name: 'Sổ tay cá nhân' })
      .click();
    await waitForHeading(page, 'Sổ tay cá nhân');
    await page.getByLabel('Tìm trong sổ tay').fill('de xuat sua duong');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByText('1 ghi chép khớp với “de xuat sua duong”').waitFor();
    await page
      .getByRole('link', { name: /Chuẩn bị phát biểu họp chi bộ/ })
      .first()
      .waitFor();
    await screenshot(page, 'notebook-search');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('link', { name: 'Xem tất cả' }).click();
    await page.getByRole('link', { name: /^#giao thông \(\d+\)$/ }).click();
    await page
      .getByRole('link', { name: /Chuẩn bị phát biểu họp chi bộ/ })
      .first()
      .waitFor();
  });
});

describe('notifications', () => {
  it('shows the inbox and the settings; the home tile carries the unread badge', async () => {
    const { page } = browser;
    await page.goto('/');
    await waitForHeading(page, /^Xin chào, /);
    await screenshot(page, 'home-personal-tiles');
    await page
      .getByRole('link', { name: /Thông báo/ })
      .first()
      .click();
    await waitForHeading(page, 'Thông báo');
    await expectAccessible(page, 'inbox');
    await screenshot(page, 'notifications-inbox');
    await page.getByRole('link', { name: 'Cài đặt thông báo' }).first().click();
    await waitForHeading(page, 'Cài đặt thông báo');
    await page.getByLabel('Nhận một bản tóm tắt mỗi ngày thay cho từng tin').check();
    await page.getByLabel('Giờ nhận tóm tắt').selectOption('20');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt thông báo.' }).waitFor();
    await expectAccessible(page, 'notification-settings');
    await screenshot(page, 'notifications-settings');
    expect(await overflowsHorizontally(page)).toBe(false);
  });
});
