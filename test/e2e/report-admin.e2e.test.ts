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

  it('the committee adds a validation rule, checked as it is typed, and moves an indicator down', async () => {
    const { page } = journey.browser;
    await logout(page);
    await login(page, 'dangu');
    await page
      .locator('section', { has: page.getByRole('heading', { name: /Thụy Bình/ }) })
      .getByRole('link', { name: /^Báo cáo số liệu/ })
      .click();
    await waitForHeading(page, 'Báo cáo số liệu');
    await page.getByRole('link', { name: /^Quản lý chỉ tiêu, mẫu, phân công/ }).click();
    await waitForHeading(page, 'Quản lý báo cáo số liệu');
    await page.getByRole('link', { name: new RegExp(TEMPLATE) }).click();
    await waitForHeading(page, 'Sửa mẫu báo cáo');
    await page.getByText('Mẫu này chưa có quy tắc kiểm tra.').waitFor();

    // 1. A rule: an unknown code and a broken expression are named beside the field while typing.
    await page.getByRole('button', { name: 'Thêm quy tắc kiểm tra' }).click();
    await page.getByLabel('Thông báo khi số liệu không đạt').fill('Số được tặng Huy hiệu không quá 50 người');
    const expression = page.getByLabel('Biểu thức kiểm tra');
    await expression.fill('DV_HUY_HIEU_MO <= 50');
    await page.getByText('Không có chỉ tiêu mã “DV_HUY_HIEU_MO” trong danh mục.').waitFor();
    expect(await expression.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'report-admin-rule-unknown-code');
    await expression.fill('DV_HUY_HIEU_MOI <=');
    await page.getByText('Biểu thức kết thúc đột ngột.').waitFor();
    // Saving with a wrong rule is stopped before it reaches the server.
    await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await page.getByRole('alert').filter({ hasText: 'Có quy tắc kiểm tra chưa đúng' }).waitFor();
    await expression.fill('DV_HUY_HIEU_MOI <= 50');
    await page.getByText('Biểu thức hợp lệ.').waitFor();
    await page.getByLabel('Mức độ').selectOption({ label: 'Cảnh báo: phải giải thích' });
    await expectAccessible(page, 'template rules');
    await screenshot(page, 'report-admin-rule');
    expect(await overflowsHorizontally(page)).toBe(false);

    // 2. The indicator (item 1 of part 1) moves below the free-text part, with a large button.
    expect(await page.getByLabel('Phần tự viết 2: tiêu đề').inputValue()).toBe('Kiến nghị');
    await page.getByRole('button', { name: 'Chuyển mục 1 của phần 1 xuống dưới' }).click();
    expect(await page.getByLabel('Phần tự viết 1: tiêu đề').inputValue()).toBe('Kiến nghị');
    expect(await page.getByLabel('Chỉ tiêu 2').inputValue()).toBe('DV_HUY_HIEU_MOI');
    // Focus follows the moved item (now last: its "up" button).
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Chuyển mục 2 của phần 1 lên trên',
    );
    await page.getByRole('status').filter({ hasText: 'tới vị trí 2' }).waitFor();
    await page.getByRole('button', { name: 'Chuyển mục 2 của phần 1 lên trên' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'report-admin-reorder');
    expect(await overflowsHorizontally(page)).toBe(false);

    // 3. One save: version 3 with the rule and the new order; version 2 keeps the old order.
    await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
    await page.getByText('Đã lưu phiên bản 3.').waitFor();
    await page.getByText('Mã BC_HUY_HIEU · phiên bản 3 · Hằng tháng').waitFor();
    expect(await page.getByLabel('Biểu thức kiểm tra').inputValue()).toBe('DV_HUY_HIEU_MOI <= 50');
    expect(await page.getByLabel('Mức độ').inputValue()).toBe('warning');
    await page.getByText(/^Phiên bản 3, ngày .* — đang dùng$/).click();
    const v3 = page.locator('details[open] .admin-version li');
    await v3.first().waitFor();
    expect(await v3.allInnerTexts()).toEqual([
      'Kiến nghị (phần tự viết)',
      'Đảng viên được tặng Huy hiệu Đảng — bắt buộc',
    ]);
    await page.getByText(/^Phiên bản 3, ngày/).click();
    await page.getByText(/^Phiên bản 2, ngày/).click();
    const v2 = page.locator('details[open] .admin-version li');
    await v2.first().waitFor();
    expect(await v2.allInnerTexts()).toEqual([
      'Đảng viên được tặng Huy hiệu Đảng — bắt buộc',
      'Kiến nghị (phần tự viết)',
    ]);
    await screenshot(page, 'report-admin-rule-saved');
  });
});
