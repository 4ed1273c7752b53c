import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberRow, Me, Page as MemberPage } from '../../web/src/api/types.ts';
import {
  apiSession,
  expectAccessible,
  login,
  logout,
  openBrowser,
  screenshot,
  startServer,
  waitForHeading,
  type Browser,
  type Server,
} from './harness.ts';

let server: Server;
let browser: Browser;
let loginName: string;
let oneTimePassword: string;
let memberName: string;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser(server.baseUrl);

  // A member of the demo branch who has no account yet gets one with a one-time password, as an office would.
  const secretary = await apiSession(server.baseUrl, 'bithu');
  const me = (await (await secretary.get('/api/v1/me')).json()) as Me;
  const branch = me.roles.find((r) => r.role === 'secretary');
  if (!branch) throw new Error('the demo secretary has no branch');
  const res = await secretary.get(`/api/v1/orgs/${branch.orgId}/members?limit=200`);
  const { items } = (await res.json()) as MemberPage<MemberRow>;
  const taken = new Set(['36000001', '36000002', '36000003']);
  const member = items.find((m) => m.cardNumber && !taken.has(m.cardNumber));
  if (!member?.cardNumber) throw new Error('no member without an account in the demo branch');
  await secretary.dispose();

  memberName = member.fullName;
  loginName = `moi${Date.now().toString(36)}`;
  const out = server.cli([
    'create-account',
    '--login',
    loginName,
    '--member-card',
    member.cardNumber,
    '--role',
    'member',
    '--org',
    branch.orgId,
    '--json',
  ]);
  oneTimePassword = (JSON.parse(out.trim().split('\n').pop() as string) as { oneTimePassword: string })
    .oneTimePassword;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('first sign-in with a one-time password', () => {
  it('forces a new password before anything else', async () => {
    const { page } = browser;
    await login(page, loginName, oneTimePassword);
    await waitForHeading(page, 'Đổi mật khẩu');
    await page.getByText('Đây là lần đăng nhập đầu tiên').waitFor();
    await expectAccessible(page, 'forced password change');
    await screenshot(page, 'first-login');

    // Other screens stay closed until the password is changed.
    await page.goto('/profile');
    await waitForHeading(page, 'Đổi mật khẩu');
    expect(await page.getByRole('link', { name: 'Cá nhân' }).count()).toBe(0);
    await page.goto('/');
    await waitForHeading(page, 'Đổi mật khẩu');
  });

  it('refuses two different new passwords', async () => {
    const { page } = browser;
    await page.getByLabel('Mật khẩu hiện tại').fill(oneTimePassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('hoa sen nở giữa đầm 1975');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('hoa sen nở giữa đầm 1976');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hai lần nhập mật khẩu mới không khớp.' }).waitFor();
    await screenshot(page, 'first-login-mismatch');
  });

  it('shows the server’s reasons for a weak password', async () => {
    const { page } = browser;
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('abc');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('abc');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await page.getByRole('alert').filter({ hasText: 'Mật khẩu cần ít nhất 8 ký tự.' }).waitFor();
    await waitForHeading(page, 'Đổi mật khẩu');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('hoa sen nở giữa đầm 1975');
  });

  it('changes the password, opens the home screen, and the new password works next time', async () => {
    const { page } = browser;
    await page.getByLabel('Nhập lại mật khẩu mới').fill('hoa sen nở giữa đầm 1975');
    await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await waitForHeading(page, `Xin chào, ${memberName}`);

    await logout(page);
    await login(page, loginName, 'hoa sen nở giữa đầm 1975');
    await waitForHeading(page, `Xin chào, ${memberName}`);
    await logout(page);
  });

  it('no longer accepts the one-time password', async () => {
    const { page } = browser;
    await page.getByLabel('Số điện thoại hoặc số thẻ đảng viên').fill(loginName);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(oneTimePassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await waitForHeading(page, 'Đăng nhập');
  });
});
