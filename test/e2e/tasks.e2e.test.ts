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
import { PNG_1PX, makePdf } from '../../src/platform/files/test-fixtures.ts';

const journey = useJourney();

describe('tasks and supervision at phone size', () => {
  it('a member reports progress on an overdue task', async () => {
    const { page } = journey.browser;
    await login(page, 'dangvien');
    await page.goto(`${journey.server.baseUrl}/tasks`);
    await waitForHeading(page, 'Nhiệm vụ của tôi');
    await page.getByText('Quá hạn').first().waitFor();
    await screenshot(page, 'tasks-mine');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('link', { name: /Rà soát, cập nhật hồ sơ đảng viên/ }).click();
    await waitForHeading(page, 'Rà soát, cập nhật hồ sơ đảng viên');
    await page.getByLabel('Tiến độ (%)', { exact: true }).first().waitFor();
    await page.locator('#tk-progress').fill('80');
    await page.getByLabel('Ghi chú kết quả').fill('Đã cập nhật 24/30 hồ sơ, còn 6 hồ sơ chờ bổ sung ảnh.');
    // A photo of the work and the list as a PDF go with the report.
    await page.locator('#tk-files').setInputFiles([
      { name: 'ảnh hồ sơ.png', mimeType: 'image/png', buffer: Buffer.from(PNG_1PX) },
      {
        name: 'danh-sach.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(await makePdf(['Danh sách hồ sơ đã rà soát'])),
      },
    ]);
    await page.getByText('Đã chọn 2 tệp: ảnh hồ sơ.png, danh-sach.pdf').waitFor();
    await expectAccessible(page, 'task-detail');
    await page.getByRole('button', { name: 'Lưu tiến độ' }).click();
    await page.getByText('Đã lưu tiến độ và 2 tệp đính kèm.').waitFor();
    await page.getByText('Đã cập nhật 24/30 hồ sơ').waitFor();
    const pdfLink = page.getByRole('link', { name: /^Tải về danh-sach\.pdf/ });
    await pdfLink.waitFor();
    await page.getByRole('link', { name: /^Tải về ảnh hồ sơ\.png/ }).waitFor();
    const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, 'task-updated');
    expect(await overflowsHorizontally(page)).toBe(false);

    // A file the server does not take is refused with a clear message; the report itself stays.
    await page.locator('input[id^="tk-add-"]').setInputFiles({
      name: 'ghi-chu.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    });
    await page.getByRole('button', { name: 'Thêm tệp vào báo cáo này' }).click();
    await page.getByText(/Tệp “ghi-chu\.exe” chưa tải lên được: Không nhận loại tệp “\.exe”/).waitFor();
    await screenshot(page, 'task-file-refused');
    await logout(page);
  });

  it('the commune committee drills down to a lagging branch', async () => {
    const { page } = journey.browser;
    await login(page, 'dangu');
    await page
      .getByRole('link', { name: /Giám sát sinh hoạt/ })
      .first()
      .click();
    await waitForHeading(page, /^Giám sát: /);
    await page.getByLabel('Chỉ hiện tổ chức chậm').check();
    await expectAccessible(page, 'supervision');
    await screenshot(page, 'supervision-commune');
    await page.getByRole('link', { name: 'Chi bộ thôn Nguyệt Lâm 3' }).click();
    await waitForHeading(page, 'Giám sát: Chi bộ thôn Nguyệt Lâm 3');
    // The demo's two overdue tasks are due 3 and 2 days ago; the view counts tasks by their deadline's month and
    // opens on this month, so from the 4th of a month both count (on the 1st–3rd one or none do).
    const month = new Date().toISOString().slice(0, 7);
    const overdue = [-3, -2].filter(
      (d) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 7) === month,
    ).length;
    await page.getByText(new RegExp(`(^|\\D)${overdue} nhiệm vụ quá hạn`)).waitFor();
    await screenshot(page, 'supervision-branch');
    expect(await overflowsHorizontally(page)).toBe(false);
  });
});
