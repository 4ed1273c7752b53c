import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  logout,
  openBrowser,
  overflowsHorizontally,
  screenshot,
  startServer,
  waitForHeading,
  type Browser,
  type Page,
  type Server,
} from './harness.ts';

let server: Server;

/** Performs a settings change and waits until the account has stored it. */
async function saved(page: Page, change: () => Promise<void>): Promise<void> {
  const put = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'PUT' && r.ok(),
  );
  await change();
  await put;
}
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser(server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('signing in', () => {
  it('refuses a wrong password with the server’s Vietnamese message, then signs a member in', async () => {
    const { page } = browser;
    await page.goto('/');
    await waitForHeading(page, 'Đăng nhập');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expectAccessible(page, 'login');
    await screenshot(page, 'login');

    await page.getByLabel('Số điện thoại hoặc số thẻ đảng viên').fill('dangvien');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const alert = page.getByRole('alert').filter({ hasText: /\S/ });
    await alert.waitFor();
    const message = (await alert.textContent()) ?? '';
    expect(message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    expect(await page.getByLabel('Mật khẩu', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'login-error');

    await page.getByLabel('Mật khẩu', { exact: true }).fill('sotay-demo');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await waitForHeading(page, /^Xin chào, /);
  });

  it('shows a member the four daily sections and no committee work', async () => {
    const { page } = browser;
    for (const name of ['Sinh hoạt chi bộ', 'Tin tức', 'Văn bản', 'Nhiệm vụ']) {
      // Other tiles may start with the same words ("Văn bản đến, đi"): the section's own tile comes first.
      await page
        .getByRole('link', { name: new RegExp(`^${name}`) })
        .first()
        .waitFor();
    }
    expect(await page.getByRole('link', { name: /^Tổ chức đảng/ }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /^Nhập danh sách/ }).count()).toBe(0);
    await expectAccessible(page, 'home (member)');
    await screenshot(page, 'home-member');

    await page
      .getByRole('link', { name: /^Tin tức/ })
      .first()
      .click();
    await waitForHeading(page, 'Tin tức');
    expect(page.url()).toMatch(/\/news$/);
    await screenshot(page, 'news-placeholder');

    await page.getByRole('link', { name: 'Cá nhân' }).click();
    await waitForHeading(page, 'Thông tin cá nhân');
    await page.getByText('Phạm Thị Hoa').waitFor();
    await expectAccessible(page, 'profile');
    await screenshot(page, 'profile');
  });

  it('can be used by keyboard: the skip link comes first and focus follows navigation', async () => {
    const { page } = browser;
    await page.goto('/');
    await waitForHeading(page, /^Xin chào, /);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      outline: getComputedStyle(document.activeElement as Element).outlineStyle,
    }));
    expect(first.text).toBe('Bỏ qua, đến nội dung chính');
    expect(first.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Sinh hoạt chi bộ/);
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Sinh hoạt chi bộ');
    // After in-app navigation the new screen's heading has focus, so screen readers announce it.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('keeps the session across a reload and signs out on this device', async () => {
    const { page } = browser;
    await page.goto('/profile');
    await waitForHeading(page, 'Thông tin cá nhân');
    await page.reload();
    await waitForHeading(page, 'Thông tin cá nhân');
    await logout(page);
    await page.goto('/profile');
    await waitForHeading(page, 'Đăng nhập');
  });

  it('shows a branch secretary the organisation work of the branch', async () => {
    const { page } = browser;
    await login(page, 'bithu');
    await page.getByRole('heading', { level: 2, name: /^Công tác tổ chức — / }).waitFor();
    await page.getByRole('link', { name: /^Tổ chức đảng/ }).waitFor();
    await page.getByRole('link', { name: /^Đảng viên/ }).waitFor();
    await page.getByRole('link', { name: /^Nhập danh sách/ }).waitFor();
    await expectAccessible(page, 'home (secretary)');
    await screenshot(page, 'home-secretary');
    await logout(page);
  });
});

describe('display settings', () => {
  it('applies 200% text and high contrast at once, keeps them after a reload and on the account', async () => {
    const { page } = browser;
    await login(page, 'dangvien');
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await waitForHeading(page, 'Cài đặt');
    await expectAccessible(page, 'settings');
    await screenshot(page, 'settings');

    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe('18px');
    await saved(page, () => page.getByRole('radio', { name: '200%' }).check());
    expect(await rootSize()).toBe('36px');
    await page.getByRole('status').filter({ hasText: 'Đã lưu cài đặt.' }).waitFor();
    await saved(page, () => page.getByRole('checkbox', { name: /Độ tương phản cao/ }).check());
    expect(await page.getAttribute('html', 'data-contrast')).toBe('high');
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'settings (200%, high contrast)');
    await screenshot(page, 'settings-200-contrast');

    await page.reload();
    await waitForHeading(page, 'Cài đặt');
    expect(await rootSize()).toBe('36px');

    await page.getByRole('link', { name: 'Sổ tay Đảng viên' }).click();
    await waitForHeading(page, /^Xin chào, /);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'home (200%, high contrast)');
    await screenshot(page, 'home-200-contrast');

    // A new device: local storage is empty, the account remembers.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await waitForHeading(page, /^Xin chào, /);
    expect(await rootSize()).toBe('36px');
    expect(await page.getAttribute('html', 'data-contrast')).toBe('high');

    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await saved(page, () => page.getByRole('radio', { name: '100%' }).check());
    await saved(page, () => page.getByRole('checkbox', { name: /Độ tương phản cao/ }).uncheck());
    expect(await rootSize()).toBe('18px');
  });

  it('switches the interface to English and back', async () => {
    const { page } = browser;
    await saved(page, () => page.getByRole('radio', { name: 'English' }).check());
    await waitForHeading(page, 'Settings');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'settings-english');
    await saved(page, () => page.getByRole('radio', { name: 'Tiếng Việt' }).check());
    await waitForHeading(page, 'Cài đặt');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await logout(page);
  });
});

describe('large text chosen before signing in', () => {
  it('is kept at sign-in and saved to an account that had the defaults', async () => {
    const { page } = browser;
    await page.goto('/');
    await waitForHeading(page, 'Đăng nhập');
    await page.getByRole('link', { name: 'Cỡ chữ, độ tương phản và ngôn ngữ' }).click();
    await waitForHeading(page, 'Cài đặt');
    await page.getByRole('radio', { name: '150%' }).check();
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe('27px');
    await page.getByRole('link', { name: 'Quay lại đăng nhập' }).click();
    await waitForHeading(page, 'Đăng nhập');
    expect(await rootSize()).toBe('27px');

    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/me/preferences') && r.request().method() === 'PUT' && r.ok(),
    );
    await login(page, 'dangu');
    await saved;
    expect(await rootSize()).toBe('27px');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await waitForHeading(page, /^Xin chào, /);
    expect(await rootSize()).toBe('27px');
    await logout(page);
  });
});

describe('signing out everywhere', () => {
  it('ends the sessions on other devices too', async () => {
    const other = await openBrowser(server.baseUrl);
    try {
      await login(browser.page, 'dangvienxa');
      await login(other.page, 'dangvienxa');
      await other.page.goto('/profile');
      await waitForHeading(other.page, 'Thông tin cá nhân');

      const { page } = browser;
      await page.getByRole('link', { name: 'Cài đặt' }).click();
      await waitForHeading(page, 'Cài đặt');
      await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
      await waitForHeading(page, 'Đăng nhập');

      await other.page.reload();
      await waitForHeading(other.page, 'Đăng nhập');
    } finally {
      await other.close();
    }
  });
});
