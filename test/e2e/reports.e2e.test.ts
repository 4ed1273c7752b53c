import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  logout,
  openBrowser,
  screenshot,
  startServer,
  waitForHeading,
  type Browser,
  type Page,
  type Server,
} from './harness.ts';

let server: Server;
let branch: Browser;
let district: Browser;
let reportUrl = '';
let districtId = '';

// The month in Vietnam (UTC+7), as the period picker labels it.
const nowVn = new Date(Date.now() + 7 * 3600_000);
const monthLabel = `Tháng ${nowVn.getUTCMonth() + 1}/${nowVn.getUTCFullYear()}`;

beforeAll(async () => {
  server = await startServer();
  branch = await openBrowser(server.baseUrl);
});

afterAll(async () => {
  await branch?.close();
  await district?.close();
  await server?.stop();
});

async function field(page: Page, name: string) {
  return page.getByLabel(new RegExp(`^${name}`));
}

/** The party fees collected in the district this month, as the provincial committee's totals screen shows it. */
async function districtFees(page: Page): Promise<string> {
  await page.goto(`/orgs/${districtId}/reports/totals`);
  await waitForHeading(page, 'Số liệu tổng hợp');
  await page.getByLabel('Kỳ báo cáo').selectOption({ label: monthLabel });
  await page.getByLabel('Chỉ tiêu').selectOption({ label: 'Đảng phí thu trong tháng' });
  const cell = page.locator(`td[data-org="${districtId}"]`);
  await cell.waitFor();
  return (await cell.textContent())?.trim() ?? '';
}

describe('reporting by numbers at phone size', () => {
  it('a branch fills in this month’s report, is told what is wrong beside the field, and sends it', async () => {
    const { page } = branch;
    await login(page, 'bithu');
    await page.getByRole('link', { name: /^Báo cáo số liệu/ }).click();
    await waitForHeading(page, 'Báo cáo số liệu');
    await expectAccessible(page, 'reports home');
    await screenshot(page, 'reports-home');
    await page.getByRole('button', { name: new RegExp(`^${monthLabel} — Báo cáo tháng của chi bộ`) }).click();
    await waitForHeading(page, new RegExp(`^Báo cáo tháng của chi bộ — ${monthLabel}`));
    reportUrl = new URL(page.url()).pathname;

    // The member count comes from the member list.
    const total = await (await field(page, 'Tổng số đảng viên')).inputValue();
    expect(Number(total)).toBeGreaterThan(0);
    const n = Number(total);
    await (await field(page, 'Số buổi sinh hoạt thường kỳ')).fill('1');
    await (await field(page, 'Số đảng viên phải dự sinh hoạt')).fill(String(n));
    await (await field(page, 'Số đảng viên dự sinh hoạt')).fill(String(n + 2));
    await (await field(page, 'Có biên bản sinh hoạt đầy đủ')).selectOption('Có');
    await (await field(page, 'Đảng phí thu trong tháng')).fill('250.000');
    await (await field(page, 'Đảng phí nộp cấp trên')).fill('75.000');
    await (await field(page, 'Đảng viên đóng đảng phí đầy đủ')).fill(String(n));
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    const beside = page.locator('#f-DV_DU_HOP-msg');
    await beside.waitFor();
    expect(await beside.textContent()).toContain('Số dự sinh hoạt không vượt quá số phải dự');
    expect(await (await field(page, 'Số đảng viên dự sinh hoạt')).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'report entry with errors');
    await screenshot(page, 'report-entry-error');

    await (await field(page, 'Số đảng viên dự sinh hoạt')).fill(String(n));
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo lên cấp ủy.' }).waitFor();
    await page.getByText('Đã gửi, chờ duyệt').first().waitFor();
    await screenshot(page, 'report-sent');
  });

  it('the province committee sees the district total the moment it is sent', async () => {
    district = await openBrowser(server.baseUrl);
    const { page } = district;
    await login(page, 'tinhuy');
    const detail = await page.request.get(`/api${reportUrl.replace('/reports/', '/v1/reports/')}`);
    const orgId = (await detail.json()).orgId as string;
    const org = await (await page.request.get(`/api/v1/orgs/${orgId}`)).json();
    districtId = org.ancestors[1].id;
    expect(await districtFees(page)).toBe('250.000');
    await expectAccessible(page, 'report totals');
    await screenshot(page, 'report-totals');
  });

  it('the commune returns it with a comment; the district total drops until the branch corrects it', async () => {
    const { page } = branch;
    await logout(page);
    await login(page, 'dangu');
    await page
      .getByRole('link', { name: /^Báo cáo số liệu/ })
      .first()
      .click();
    await waitForHeading(page, 'Báo cáo số liệu');
    await page.getByRole('link', { name: /^Duyệt báo cáo cấp dưới/ }).click();
    await waitForHeading(page, 'Duyệt báo cáo cấp dưới');
    await page.getByLabel('Kỳ báo cáo').selectOption({ label: monthLabel });
    await page.getByRole('link', { name: /^Chi bộ thôn Nguyệt Lâm 3/ }).click();
    await waitForHeading(page, /^Báo cáo tháng của chi bộ/);
    await page.getByLabel('Ý kiến của cấp ủy').fill('Đảng phí thu chưa khớp sổ thu: đề nghị kiểm tra lại.');
    await page.getByRole('button', { name: 'Trả lại để sửa' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã trả lại báo cáo.' }).waitFor();
    await screenshot(page, 'report-returned');

    expect(await districtFees(district.page)).toBe('—');

    await logout(page);
    await login(page, 'bithu');
    await page.goto(reportUrl);
    await page.getByText('Cấp ủy trả lại: Đảng phí thu chưa khớp sổ thu').waitFor();
    await (await field(page, 'Đảng phí thu trong tháng')).fill('260.000');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã gửi báo cáo lên cấp ủy.' }).waitFor();

    expect(await districtFees(district.page)).toBe('260.000');
  });
});

describe('narrative reports at phone size', () => {
  it('a branch writes a report and sends it; the commune accepts it', async () => {
    const { page } = branch;
    await page.goto('/');
    await page.getByRole('link', { name: /^Báo cáo số liệu/ }).click();
    await page.getByRole('link', { name: /^Báo cáo văn bản/ }).click();
    await waitForHeading(page, 'Báo cáo văn bản');
    await page.getByLabel('Tên báo cáo').fill('Báo cáo kết quả thu đảng phí tháng này');
    await page
      .getByLabel('Nội dung báo cáo')
      .fill('Chi bộ đã thu đủ đảng phí.\n\nĐề nghị cấp ủy hướng dẫn mức thu mới.');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await waitForHeading(page, 'Báo cáo kết quả thu đảng phí tháng này');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã gửi, chờ tiếp nhận').first().waitFor();
    await expectAccessible(page, 'narrative report');
    await screenshot(page, 'narrative-sent');

    await logout(page);
    await login(page, 'dangu');
    await page
      .getByRole('link', { name: /^Báo cáo số liệu/ })
      .first()
      .click();
    await page.getByRole('link', { name: /^Báo cáo văn bản/ }).click();
    await page.getByRole('link', { name: /^Báo cáo kết quả thu đảng phí tháng này/ }).click();
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã tiếp nhận báo cáo.' }).waitFor();
  });
});
