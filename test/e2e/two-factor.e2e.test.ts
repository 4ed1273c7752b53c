import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PASSWORD,
  expectAccessible,
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
let browser: Browser;

beforeAll(async () => {
  // Committee members above the branch must use two-factor sign-in in this mode (the demo province's tinhuy).
  server = await startServer({ env: { SOTAY_TWO_FACTOR: 'privileged' } });
  browser = await openBrowser(server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The authenticator app: a code for a given 30-second step from now, so two sign-ins never reuse one. */
function codeFor(secret: string, stepsAhead: number): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
  return totp.generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}

async function largeText(page: Page): Promise<void> {
  await page.evaluate(() => {
    const key = 'sotay.preferences';
    const prefs = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
    localStorage.setItem(key, JSON.stringify({ ...prefs, textScale: 2 }));
  });
}

/** Every button and link in the main region is at least 44 px tall (touch target). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main a.button, main a.link-block, main input')]
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < 44)
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

async function signInWithPassword(page: Page, login: string): Promise<void> {
  await page.goto('/');
  await waitForHeading(page, 'Đăng nhập');
  await page.getByLabel('Số điện thoại hoặc số thẻ đảng viên').fill(login);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('two-factor sign-in', () => {
  let secret = '';
  let recoveryCodes: string[] = [];

  it('makes a province committee member set up an authenticator app on first sign-in', async () => {
    const { page } = browser;
    await page.goto('/');
    await largeText(page);
    await signInWithPassword(page, 'tinhuy');
    await waitForHeading(page, 'Bật xác thực hai bước');
    const qr = page.getByRole('img', { name: 'Mã QR để thêm Sổ tay vào ứng dụng xác thực' });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    secret = (await page.locator('[data-secret]').getAttribute('data-secret')) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    // The grouped secret shown to type by hand is the same secret.
    expect(((await page.locator('[data-secret]').textContent()) ?? '').replace(/\s/g, '')).toBe(secret);
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await smallTargets(page)).toEqual([]);
    await expectAccessible(page, 'two-factor enrol');
    await screenshot(page, 'two-factor-enrol');

    // Nothing but the second step is open meanwhile.
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me).toBe(401);

    await page.getByLabel('Mã 6 chữ số').fill('000000');
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page.getByRole('alert').filter({ hasText: 'Mã xác thực không đúng' }).waitFor();

    await page.getByLabel('Mã 6 chữ số').fill(codeFor(secret, 0));
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mã dự phòng của bạn' }).waitFor();
    recoveryCodes = (await page.locator('.two-factor-codes code').allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await page.getByText('chỉ hiện một lần').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await smallTargets(page)).toEqual([]);
    await expectAccessible(page, 'two-factor recovery codes');
    await screenshot(page, 'two-factor-recovery-codes');

    await page.getByRole('button', { name: 'Tôi đã lưu các mã, vào Sổ tay' }).click();
    await waitForHeading(page, /^Xin chào, /);
    await logout(page);
  });

  it('asks for the code from the app on the next sign-in', async () => {
    const { page } = browser;
    await signInWithPassword(page, 'tinhuy');
    await waitForHeading(page, 'Nhập mã xác thực');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(await smallTargets(page)).toEqual([]);
    await expectAccessible(page, 'two-factor verify');
    await screenshot(page, 'two-factor-verify');
    // The code used to confirm the setup cannot be used again.
    await page.getByLabel('Mã 6 chữ số').fill(codeFor(secret, 0));
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await page.getByLabel('Mã 6 chữ số').fill(codeFor(secret, 1));
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await waitForHeading(page, /^Xin chào, /);
    await logout(page);
  });

  it('accepts a recovery code once, and the profile shows how many are left', async () => {
    const { page } = browser;
    await signInWithPassword(page, 'tinhuy');
    await waitForHeading(page, 'Nhập mã xác thực');
    await page.getByRole('button', { name: 'Không có điện thoại? Dùng mã dự phòng' }).click();
    await page.getByLabel('Mã dự phòng').fill(recoveryCodes[0]!);
    await screenshot(page, 'two-factor-recovery');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await waitForHeading(page, /^Xin chào, /);

    await page.getByRole('link', { name: 'Cá nhân', exact: true }).click();
    await page.getByRole('link', { name: 'Xác thực hai bước' }).click();
    await waitForHeading(page, 'Xác thực hai bước');
    await page.getByText('Còn 9 mã dự phòng chưa dùng.').waitFor();
    // Required by the role: it cannot be turned off here.
    await page.getByText('không thể tắt').first().waitFor();
    expect(await page.getByRole('button', { name: 'Tắt xác thực hai bước' }).count()).toBe(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'two-factor settings');
    await screenshot(page, 'two-factor-settings');
    await logout(page);

    // The same recovery code does not open a second session.
    await signInWithPassword(page, 'tinhuy');
    await waitForHeading(page, 'Nhập mã xác thực');
    await page.getByRole('button', { name: 'Không có điện thoại? Dùng mã dự phòng' }).click();
    await page.getByLabel('Mã dự phòng').fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await page.getByRole('button', { name: 'Hủy đăng nhập' }).click();
    await waitForHeading(page, 'Đăng nhập');
  });

  it('lets a branch member turn two-factor on and off from the profile with the password', async () => {
    const { page } = browser;
    await signInWithPassword(page, 'dangvien');
    await waitForHeading(page, /^Xin chào, /);
    await page.goto('/settings/two-factor');
    await waitForHeading(page, 'Xác thực hai bước');
    await page.getByRole('button', { name: 'Bật xác thực hai bước' }).click();
    const own = (await page.locator('[data-secret]').getAttribute('data-secret')) ?? '';
    await page.getByLabel('Mã 6 chữ số').fill(codeFor(own, 0));
    await page.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mã dự phòng của bạn' }).waitFor();
    await page.getByRole('button', { name: 'Tôi đã lưu các mã' }).click();
    await page.getByText('Xác thực hai bước đang bật.').waitFor();

    await page.getByLabel('Mật khẩu hiện tại').last().fill('not-the-password');
    await page.getByRole('button', { name: 'Tắt xác thực hai bước' }).click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await page.getByLabel('Mật khẩu hiện tại').last().fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Tắt xác thực hai bước' }).click();
    await page.getByText('Đã tắt xác thực hai bước.').waitFor();
    await page.getByRole('button', { name: 'Bật xác thực hai bước' }).waitFor();
    await logout(page);
  });
});
