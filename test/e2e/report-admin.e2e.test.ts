import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  logout,
  overflowsHorizontally,
  screenshot,
  useJourney,
  waitForHeading,
} from './harness.ts';

const journey = useJourney();

// The month in Vietnam (UTC+7), as the list of reports to send labels it.
const nowVn = new Date(Date.now() + 7 * 3600_000);
const monthLabel = `Tháng ${nowVn.getUTCMonth() + 1}/${nowVn.getUTCFullYear()}`;
const TEMPLATE = 'Báo cáo tháng về Huy hiệu Đảng';

describe('reporting set-up at phone size', () => {
  it('a commune committee adds an indicator, puts it in a new template version and assigns it to its branches', async () => {
    const { page } = journey.browser;
    await login(page, 'dangu');
    await page
      .locator('section', { has: page.getByRole('heading', { name: /Thụy Bình/ }) })
      .getByRole('link', { name: /^Báo cáo số liệu/ })
      .click();
    await waitForHeading(page, 'Báo cáo số liệu');
    await page.getByRole('link', { name: /^Quản lý chỉ tiêu, mẫu, phân công/ }).click();
    await waitForHeading(page, 'Quản lý báo cáo số liệu');
    await expectAccessible(page, 'report admin home');
    await screenshot(page, 'report-admin-home');

    // 1. A new indicator; its code is made from the name.
    await page.getByRole('link', { name: 'Thêm chỉ tiêu' }).click();
    await waitForHeading(page, 'Thêm chỉ tiêu');
    await page.getByLabel('Tên chỉ tiêu').fill('Đảng viên được tặng Huy hiệu Đảng');
    expect(await page.getByLabel(/^Mã/).inputValue()).toBe('DANG_VIEN_DUOC_TANG_HUY_HIEU_DANG');
    await page.getByLabel(/^Mã/).fill('DV_HUY_HIEU_MOI');
    await page.getByLabel(/^Đơn vị tính/).fill('người');
    await page.getByLabel(/^Lớn nhất/).fill('-1');
    await page.getByLabel(/^Nhỏ nhất/).fill('5');
    await page.getByRole('button', { name: 'Thêm phân tổ' }).click();
    await page.getByLabel('Tên phân tổ 1').fill('Giới tính');
    await page.getByLabel('Các nhóm, mỗi dòng một nhóm').fill('Nam\nNữ');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    // The server refuses a maximum below the minimum, in Vietnamese, and nothing is saved.
    await page
      .getByRole('alert')
      .filter({ hasText: /lớn nhất|nhỏ nhất/i })
      .waitFor();
    await expectAccessible(page, 'indicator form with error');
    await screenshot(page, 'report-admin-indicator-error');
    await page.getByLabel(/^Nhỏ nhất/).fill('0');
    await page.getByLabel(/^Lớn nhất/).fill('');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await waitForHeading(page, 'Quản lý báo cáo số liệu');
    await page.getByRole('link', { name: /Đảng viên được tặng Huy hiệu Đảng/ }).waitFor();

    // 2. A monthly template holding it (version 1), then a second version with a free-text part.
    await page.getByRole('link', { name: 'Tạo mẫu báo cáo' }).click();
    await waitForHeading(page, 'Tạo mẫu báo cáo');
    await page.getByLabel('Tên mẫu báo cáo').fill(TEMPLATE);
    await page.getByLabel(/^Mã/).fill('BC_HUY_HIEU');
    await page.getByLabel('Tiêu đề phần').fill('Khen thưởng');
    await page.getByRole('button', { name: 'Thêm chỉ tiêu vào phần này' }).click();
    await page.getByLabel('Chỉ tiêu 1').selectOption({ label: 'Đảng viên được tặng Huy hiệu Đảng' });
    await screenshot(page, 'report-admin-template-new');
    await page.getByRole('button', { name: 'Lưu mẫu báo cáo' }).click();
    await waitForHeading(page, 'Sửa mẫu báo cáo');
    await page.getByText('Mã BC_HUY_HIEU · phiên bản 1 · Hằng tháng').waitFor();
    await page.getByRole('button', { name: 'Thêm phần tự viết' }).click();
    await page.getByLabel('Phần tự viết 2: tiêu đề').fill('Kiến nghị');
    await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await page.getByText('Đã lưu phiên bản 2.').waitFor();
    await page.getByText('Mã BC_HUY_HIEU · phiên bản 2 · Hằng tháng').waitFor();
    // Both versions are listed; the first still holds only the indicator.
    await page.getByText(/^Phiên bản 2, ngày .* — đang dùng$/).waitFor();
    await page.getByText(/^Phiên bản 1, ngày/).click();
    const v1 = page.locator('details[open] .admin-version');
    await v1.getByText('Đảng viên được tặng Huy hiệu Đảng — bắt buộc').waitFor();
    expect(await v1.getByText('Kiến nghị').count()).toBe(0);
    await expectAccessible(page, 'template editor');
    await screenshot(page, 'report-admin-template-versions');
    expect(await overflowsHorizontally(page)).toBe(false);

    // 3. Assigned to every branch of the commune.
    await page.getByRole('link', { name: 'Quản lý báo cáo số liệu' }).click();
    await waitForHeading(page, 'Quản lý báo cáo số liệu');
    await page.getByRole('link', { name: 'Giao báo cáo' }).click();
    await waitForHeading(page, 'Giao báo cáo');
    await page.getByLabel('Mẫu báo cáo').selectOption({ label: TEMPLATE });
    await page.getByText('Kỳ báo cáo: Hằng tháng (theo mẫu, phiên bản 2).').waitFor();
    await page.getByRole('button', { name: 'Giao báo cáo' }).click();
    await page.getByText('Cần chọn ít nhất một loại tổ chức hoặc một tổ chức.').waitFor();
    // Chosen one by one: the commune's own branches are offered.
    await page.getByLabel('Chọn từng tổ chức').check();
    await page.getByLabel('Chi bộ thôn Nguyệt Lâm 3').waitFor();
    await screenshot(page, 'report-admin-assign-list');
    await page.getByLabel('Theo loại tổ chức').check();
    await page.getByLabel('Chi bộ', { exact: true }).check();
    await page.getByLabel(/^Hạn gửi/).fill('7');
    await expectAccessible(page, 'assignment form');
    await screenshot(page, 'report-admin-assign');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Giao báo cáo' }).click();
    await waitForHeading(page, 'Quản lý báo cáo số liệu');
    const row = page.locator('.admin-row', { hasText: TEMPLATE });
    await row.getByText(/Chi bộ · Hằng tháng · hạn 7 ngày sau kỳ, khóa sau 10 ngày/).waitFor();
    await screenshot(page, 'report-admin-assigned');
    expect(await overflowsHorizontally(page)).toBe(false);

    // 4. A branch of the commune now has this month's report to send, with the indicator by sex.
    await logout(page);
    await login(page, 'bithu');
    await page
      .getByRole('link', { name: /^Báo cáo số liệu/ })
      .first()
      .click();
    await waitForHeading(page, 'Báo cáo số liệu');
    await page.getByRole('button', { name: new RegExp(`^${monthLabel} — ${TEMPLATE}`) }).click();
    await waitForHeading(page, new RegExp(`^${TEMPLATE} — ${monthLabel}`));
    await page.getByText('Kiến nghị').first().waitFor();
    await page.getByLabel(/Nữ/).first().waitFor();
  });
});
