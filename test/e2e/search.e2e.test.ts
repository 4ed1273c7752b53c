import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import { indexSearchItem } from '../../src/features/search/index-writer.ts';
import {
  expectAccessible,
  login,
  openBrowser,
  ROOT,
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
  // Items go in through the index writer, as the content features put them there on publishing.
  const handle = openDatabase({
    databaseUrl: null,
    dataDir: server.dataDir,
    sqliteFile: join(server.dataDir, 'sotay.sqlite'),
  });
  try {
    const root = await handle.db
      .selectFrom('orgs')
      .select('path')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    const member = await handle.db
      .selectFrom('accounts')
      .innerJoin('members', 'members.id', 'accounts.member_id')
      .select('members.org_path')
      .where('accounts.login', '=', 'dangvien')
      .executeTakeFirstOrThrow();
    const other = await handle.db
      .selectFrom('orgs')
      .select('path')
      .where('type_code', '=', 'branch')
      .where('path', '!=', member.org_path)
      .executeTakeFirstOrThrow();
    await indexSearchItem(handle.db, {
      type: 'document',
      id: 'e2e-nq02',
      title: 'Nghị quyết số 02-NQ/TU về chuyển đổi số tỉnh Thái Bình đến năm 2025',
      body: 'Ban Chấp hành Đảng bộ tỉnh ban hành Nghị quyết về chuyển đổi số, tập trung vào chính quyền số, kinh tế số và xã hội số.',
      number: '02-NQ/TU',
      level: 'province',
      date: '2021-11-19',
      source: 'nq-02.docx',
      url: '/documents/e2e-nq02',
      audience: [root.path],
    });
    await indexSearchItem(handle.db, {
      type: 'news',
      id: 'e2e-news',
      title: 'Chi bộ thôn sinh hoạt qua phần mềm',
      body: 'Đảng viên nghiên cứu tài liệu trước buổi sinh hoạt; chuyển đổi số trong công tác đảng.',
      date: '2026-10-10',
      url: '/news/e2e-news',
      audience: [member.org_path],
    });
    await indexSearchItem(handle.db, {
      type: 'document',
      id: 'e2e-hidden',
      title: 'Chuyển đổi số ở chi bộ khác, không công bố cho chi bộ này',
      body: 'Chuyển đổi số.',
      date: '2026-11-01',
      url: '/documents/e2e-hidden',
      audience: [other.path],
    });
  } finally {
    await handle.close();
  }
  browser = await openBrowser(server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('search at phone size with large text', () => {
  it('a member types without diacritics, sees marked results they may see, filters and opens one', async () => {
    const { page } = browser;
    await login(page, 'dangvien');
    const put = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences') && r.ok());
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await page.getByRole('radio', { name: '200%' }).check();
    await put;
    await page.getByRole('link', { name: 'Sổ tay Đảng viên' }).click();
    await waitForHeading(page, /^Xin chào, /);

    await page.getByRole('link', { name: /^Tìm kiếm/ }).click();
    await waitForHeading(page, 'Tìm kiếm');
    await page.getByLabel('Tìm gì?').pressSequentially('chuyen doi so', { delay: 40 });
    await page
      .getByRole('status')
      .filter({ hasText: /Tìm thấy \d+ kết quả/ })
      .waitFor({ timeout: 5000 })
      .catch(async (e) => {
        await screenshot(page, 'search-failed');
        throw e;
      });
    const hits = page.locator('.search-hits > li');
    const texts = await hits.allTextContents();
    expect(texts.some((x) => x.includes('Nghị quyết số 02-NQ/TU'))).toBe(true);
    expect(texts.some((x) => x.includes('Chi bộ thôn sinh hoạt qua phần mềm'))).toBe(true);
    expect(await page.getByText(/không công bố cho chi bộ này/).count()).toBe(0);
    // the matched syllables are marked, with their diacritics as written in the item
    const marks = await hits.filter({ hasText: '02-NQ/TU' }).locator('mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['chuyển', 'đổi', 'số']));
    expect(page.url()).toContain('/search?q=chuyen+doi+so');
    await expectAccessible(page, 'search-results');
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'search-200');
    await page.screenshot({ path: join(ROOT, 'tmp', 'screens', 'search-200-top.png') });

    await page.getByText('Lọc theo loại').click();
    await page.getByRole('radio', { name: 'Văn bản' }).check();
    await page.getByRole('status').waitFor();
    await page.getByText('Chi bộ thôn sinh hoạt qua phần mềm').waitFor({ state: 'detached' });
    const link = page.getByRole('link', { name: /Nghị quyết số 02-NQ\/TU/ });
    await expect(link.textContent()).resolves.toContain('nq-02.docx');
    await link.click();
    await page.waitForURL(/\/documents\/e2e-nq02$/);

    await page.goBack();
    await waitForHeading(page, 'Tìm kiếm');
    await expect(page.getByLabel('Tìm gì?').inputValue()).resolves.toBe('chuyen doi so');
  });

  it('treats operator characters and emoji as text', async () => {
    const { page } = browser;
    await page.goto(`${server.baseUrl}/search`);
    await waitForHeading(page, 'Tìm kiếm');
    await page.getByLabel('Tìm gì?').fill('"02-NQ/TU" AND * 😀');
    await page
      .getByRole('status')
      .filter({ hasText: /Tìm thấy \d+ kết quả/ })
      .waitFor();
    await expect(page.locator('.search-hits > li').first().textContent()).resolves.toContain('02-NQ/TU');
    await page.getByLabel('Tìm gì?').fill('zzzz "(');
    await page.getByRole('status').filter({ hasText: 'Không tìm thấy kết quả nào.' }).waitFor();
  });
});
