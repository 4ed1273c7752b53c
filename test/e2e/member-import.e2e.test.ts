import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  openBrowser,
  screenshot,
  startServer,
  waitForHeading,
  type Browser,
  type Server,
} from './harness.ts';

const HEADER = [
  'Họ và tên',
  'Giới tính',
  'Ngày sinh',
  'Số điện thoại',
  'Số thẻ đảng',
  'Ngày vào Đảng',
  'Ngày chính thức',
  'Loại',
  'Trạng thái',
  'Chức vụ',
];

// Unique per run so the cards and phones never collide with the demo data.
const stamp = String(Date.now()).slice(-6);
const people = [
  [
    'Đỗ Thị Thu Hằng',
    'Nữ',
    '12/04/1985',
    `098${stamp}1`,
    `9${stamp}01`,
    '03/02/2010',
    '03/02/2011',
    'Chính thức',
    'Đang sinh hoạt',
    'Giáo viên',
  ],
  [
    'Vũ Văn Khải',
    'Nam',
    '30/09/1962',
    `098${stamp}2`,
    `9${stamp}02`,
    '19/05/1990',
    '19/05/1991',
    'Chính thức',
    'Miễn sinh hoạt',
    'Hưu trí',
  ],
  [
    'Lương Minh Quân',
    'Nam',
    '31/02/1999',
    `098${stamp}3`,
    `9${stamp}03`,
    '02/09/2024',
    '',
    'Dự bị',
    'Đi làm ăn xa',
    'Công nhân',
  ],
  [
    'Ngô Thị Lan',
    'Nữ',
    '08/03/1978',
    `098${stamp}4`,
    `9${stamp}04`,
    '06/01/2005',
    '06/01/2006',
    'Chính thức',
    'Đang sinh hoạt',
    'Kế toán HTX',
  ],
];
const BAD_ROW = 4; // header on row 1; the third person (born on 31 February) is on row 4

let server: Server;
let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'sotay-import-'));

async function writeXlsx(name: string, rows: string[][]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(row);
  const file = join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser(server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('importing members from a spreadsheet', () => {
  it('reports the bad row by row and column and imports nothing', async () => {
    const { page } = browser;
    await login(page, 'bithu');
    await page.getByRole('link', { name: /^Nhập danh sách/ }).click();
    await waitForHeading(page, 'Nhập danh sách đảng viên');
    await expectAccessible(page, 'import');
    await screenshot(page, 'import');

    await page.getByLabel('Tệp danh sách').setInputFiles(await writeXlsx('co-loi.xlsx', people));
    await page.getByRole('button', { name: 'Nhập danh sách' }).click();
    const report = page.getByRole('region', { name: /^Danh sách lỗi/ });
    await report.waitFor();
    const problems = await report.locator('li').allTextContents();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`Dòng ${BAD_ROW}`);
    expect(problems[0]).toContain('Ngày sinh');
    expect(await page.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(1);
    await expectAccessible(page, 'import report');
    await screenshot(page, 'import-report');

    // All or nothing: even the good rows were not imported.
    await page.goto(page.url().replace(/\/import$/, '/members?q=' + encodeURIComponent('Đỗ Thị Thu Hằng')));
    await waitForHeading(page, 'Đảng viên');
    await page.getByRole('status').filter({ hasText: 'Không có đảng viên nào phù hợp.' }).waitFor();
  });

  it('imports every row once the file is corrected', async () => {
    const { page } = browser;
    await page.goBack();
    await waitForHeading(page, 'Nhập danh sách đảng viên');
    const fixed = people.map((row, i) =>
      i === BAD_ROW - 2 ? row.map((c, j) => (j === 2 ? '28/02/1999' : c)) : row,
    );
    await page.getByLabel('Tệp danh sách').setInputFiles(await writeXlsx('da-sua.xlsx', fixed));
    await page.getByRole('button', { name: 'Nhập danh sách' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã nhập 4 đảng viên.' }).waitFor();
    expect(await page.getByRole('region', { name: /^Danh sách lỗi/ }).count()).toBe(0);
    await screenshot(page, 'import-done');

    await page.goto(page.url().replace(/\/import$/, '/members?q=' + encodeURIComponent('Lương Minh Quân')));
    await waitForHeading(page, 'Đảng viên');
    const row = page.locator('li.member').filter({ hasText: 'Lương Minh Quân' });
    await row.waitFor();
    expect(await row.locator('.badge').allTextContents()).toEqual(['Dự bị', 'Đi làm ăn xa']);
  });
});
