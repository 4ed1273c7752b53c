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

describe('personal data at phone size', () => {
  it('a member downloads their data; the province administrator sets the retention periods', async () => {
    const { page } = journey.browser;
    await login(page, 'dangvien');
    await page.getByRole('navigation').getByRole('link', { name: 'Cá nhân' }).click();
    await waitForHeading(page, 'Thông tin cá nhân');
    // An ordinary member is not offered the retention settings.
    expect(await page.getByRole('link', { name: 'Thời hạn lưu trữ dữ liệu' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Tải về dữ liệu cá nhân của tôi' }).click();
    await waitForHeading(page, 'Dữ liệu cá nhân của tôi');
    await expectAccessible(page, 'personal data');
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'privacy-my-data');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Tải về bản PDF dễ đọc' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^du-lieu-ca-nhan-\d{4}-\d{2}-\d{2}\.pdf$/);
    const json = await page.request.get('/api/v1/me/personal-data');
    const data = (await json.json()) as { sections: Array<{ feature: string }> };
    expect(data.sections.map((s) => s.feature)).toContain('notebook');
    await logout(page);

    await login(page, 'admin');
    await page.getByRole('navigation').getByRole('link', { name: 'Cá nhân' }).click();
    await page.getByRole('link', { name: 'Thời hạn lưu trữ dữ liệu' }).click();
    await waitForHeading(page, 'Thời hạn lưu trữ dữ liệu');
    const sessions = page.getByLabel('Lịch sử đăng nhập (ngày)');
    expect(await sessions.inputValue()).toBe('365');
    await sessions.fill('5');
    await page.getByRole('button', { name: 'Lưu thời hạn' }).click();
    await page.getByText('Lịch sử đăng nhập (ngày): hãy nhập số ngày từ 90 đến 3.650.').waitFor();
    expect(await sessions.getAttribute('aria-invalid')).toBe('true');
    await sessions.fill('400');
    await page.getByRole('button', { name: 'Lưu thời hạn' }).click();
    await page.getByText('Đã lưu thời hạn lưu trữ.').waitFor();
    await expectAccessible(page, 'retention');
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'privacy-retention');
    await page.reload();
    await waitForHeading(page, 'Thời hạn lưu trữ dữ liệu');
    await page.getByLabel('Lịch sử đăng nhập (ngày)').waitFor();
    expect(await page.getByLabel('Lịch sử đăng nhập (ngày)').inputValue()).toBe('400');
    await logout(page);
  });

  it('the administrator reaches the erasure of a member from the member list; a secretary is not offered it', async () => {
    const { page } = journey.browser;
    await login(page, 'admin');
    const me = (await (await page.request.get('/api/v1/me')).json()) as { roles: Array<{ orgId: string }> };
    await page.goto(`/orgs/${me.roles[0]!.orgId}/members?q=Phạm Thị Hoa`);
    await page.getByRole('link', { name: 'Xóa dữ liệu cá nhân của Phạm Thị Hoa' }).click();
    await waitForHeading(page, 'Xóa dữ liệu cá nhân');
    await expectAccessible(page, 'erase member');
    expect(await overflowsHorizontally(page)).toBe(false);
    await logout(page);

    await login(page, 'bithu');
    const secretary = (await (await page.request.get('/api/v1/me')).json()) as {
      roles: Array<{ orgId: string; role: string }>;
    };
    const branch = secretary.roles.find((r) => r.role === 'secretary')!;
    await page.goto(`/orgs/${branch.orgId}/members?q=Phạm Thị Hoa`);
    await page.locator('.member .list-title', { hasText: 'Phạm Thị Hoa' }).waitFor();
    expect(await page.getByRole('link', { name: /Xóa dữ liệu cá nhân/ }).count()).toBe(0);
  });
});
