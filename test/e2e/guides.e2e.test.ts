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

describe('user guide', () => {
  it('lists guides by role, finds one by search and opens it with its steps and the listen player', async () => {
    const { page } = browser;
    await login(page, 'dangvien');
    await page.getByRole('link', { name: /Hướng dẫn sử dụng/ }).click();
    await waitForHeading(page, 'Hướng dẫn sử dụng');
    await page.getByRole('heading', { level: 2, name: 'Đảng viên' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Bí thư, chi ủy chi bộ' }).waitFor();
    await expectAccessible(page, 'guide-list');
    await screenshot(page, 'guides-list');
    await page.getByLabel('Tìm hướng dẫn').fill('doi mat khau');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('heading', { name: 'Kết quả tìm “doi mat khau”' }).waitFor();
    await page
      .getByRole('link', { name: /Đổi mật khẩu/ })
      .first()
      .click();
    await waitForHeading(page, 'Đổi mật khẩu');
    expect(await page.locator('.gd-steps > li').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-speech-slot] .speech-player').count()).toBe(1);
    await expectAccessible(page, 'guide-page');
    await screenshot(page, 'guide-page');
    expect(await overflowsHorizontally(page)).toBe(false);
  });

  it('is linked from the screen it explains', async () => {
    const { page } = browser;
    await page.goto('/notebook');
    await waitForHeading(page, 'Sổ tay cá nhân');
    await page.getByRole('link', { name: 'Xem hướng dẫn' }).click();
    await waitForHeading(page, 'Viết ghi chép trong sổ tay cá nhân');
  });
});
