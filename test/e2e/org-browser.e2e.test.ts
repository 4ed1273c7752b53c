import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  overflowsHorizontally,
  screenshot,
  waitForHeading,
  useJourney,
  type Browser,
} from './harness.ts';

const journey = useJourney();

const h1 = async (b: Browser) =>
  ((await b.page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();

describe('organisation browser', () => {
  const visited: string[] = [];

  it('opens the province committee from the home screen of a province committee member', async () => {
    const { page } = journey.browser;
    await login(page, 'tinhuy');
    await page.getByRole('link', { name: /^Tổ chức đảng/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Tổ chức trực thuộc' }).waitFor();
    visited.push(await h1(journey.browser));
    // The top of the viewer's subtree has no way further up.
    expect(await page.getByRole('navigation', { name: 'Đường dẫn' }).count()).toBe(0);
    expect(await page.locator('.list-link').count()).toBeGreaterThanOrEqual(8);
    await expectAccessible(page, 'organisation (province)');
    await screenshot(page, 'org-province');
  });

  it('drills down the tree to a branch, with breadcrumbs all the way', async () => {
    const { page } = journey.browser;
    for (let depth = 0; depth < 8; depth++) {
      const children = page.locator('.list-link');
      if ((await children.count()) === 0) break;
      const before = await h1(journey.browser);
      await children.first().click();
      await page.getByRole('heading', { level: 1, name: before, exact: true }).waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 2, name: 'Tổ chức trực thuộc' }).waitFor();
      visited.push(await h1(journey.browser));
      const crumbs = page.getByRole('navigation', { name: 'Đường dẫn' });
      for (const name of visited.slice(0, -1))
        await crumbs.getByRole('link', { name, exact: true }).waitFor();
      expect(await crumbs.getByRole('link', { name: visited.at(-1), exact: true }).count()).toBe(0);
    }
    expect(visited.length).toBeGreaterThanOrEqual(3);
    await page.getByText('Không có tổ chức trực thuộc.').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'organisation (branch)');
    await screenshot(page, 'org-branch');
  });

  it('lists and searches the members of the branch', async () => {
    const { page } = journey.browser;
    await page.getByRole('link', { name: 'Danh sách đảng viên' }).click();
    await waitForHeading(page, 'Đảng viên');
    const rows = page.locator('li.member');
    await rows.first().waitFor();
    const total = await rows.count();
    expect(total).toBeGreaterThan(1);
    await expectAccessible(page, 'member list');
    await screenshot(page, 'members');

    const someone = ((await rows.nth(1).locator('.list-title').textContent()) ?? '').trim();
    await page.getByLabel('Tìm theo tên, số điện thoại hoặc số thẻ').fill(someone);
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/[?&]q=/);
    await page
      .getByRole('status')
      .filter({ hasText: /^Đã hiện hết/ })
      .waitFor();
    const names = await rows.locator('.list-title').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(total + 1);
    for (const name of names) expect(name).toContain(someone);
    await screenshot(page, 'members-search');

    await page.getByText('Lọc theo tình trạng, loại đảng viên').click();
    await page.getByLabel('Loại', { exact: true }).selectOption('probationary');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.waitForURL(/kind=probationary/);
    await page
      .getByRole('status')
      .filter({ hasText: /(Đã hiện hết|Không có)/ })
      .waitFor();
    for (const badge of await rows.locator('.badge-kind-probationary').allTextContents())
      expect(badge).toBe('Dự bị');
  });

  it('climbs back up through a breadcrumb', async () => {
    const { page } = journey.browser;
    await page
      .getByRole('navigation', { name: 'Đường dẫn' })
      .getByRole('link', { name: visited[0], exact: true })
      .click();
    await waitForHeading(page, visited[0] as string);
  });

  it('pages through the members of the whole province', async () => {
    const { page } = journey.browser;
    await page.getByRole('link', { name: 'Danh sách đảng viên' }).click();
    await page.getByRole('status').filter({ hasText: 'Đang hiện 30 đảng viên' }).waitFor();
    const rows = page.locator('li.member');
    const firstPage = await rows.locator('.list-title').allTextContents();
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await page.getByRole('status').filter({ hasText: 'Đang hiện 60 đảng viên' }).waitFor();
    const both = await rows.locator('.list-title').allTextContents();
    expect(both.slice(0, 30)).toEqual(firstPage);
    const ids = await rows.evaluateAll((els) => els.map((e) => e.textContent));
    expect(new Set(ids).size).toBe(60);
    // Members of sub-organisations say where they belong.
    expect(await rows.first().locator('.list-meta').first().textContent()).toMatch(/Chi bộ|Đảng bộ/);
    await screenshot(page, 'members-province');
  });
});

describe('at 200% text', () => {
  it('no committee screen scrolls sideways on a 360 px phone', async () => {
    const { page } = journey.browser;
    const put = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/preferences') && r.ok());
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await page.getByRole('radio', { name: '200%' }).check();
    await put;

    await page.getByRole('link', { name: 'Sổ tay Đảng viên' }).click();
    await waitForHeading(page, /^Xin chào, /);
    const orgHref = (await page.getByRole('link', { name: /^Tổ chức đảng/ }).getAttribute('href')) as string;
    const screens: [string, string, RegExp | string][] = [
      ['org-200', orgHref, /./],
      ['members-200', `${orgHref}/members`, 'Đảng viên'],
      ['import-200', `${orgHref}/import`, 'Nhập danh sách đảng viên'],
      ['profile-200', '/profile', 'Thông tin cá nhân'],
    ];
    for (const [name, href, heading] of screens) {
      await page.goto(href);
      await waitForHeading(page, heading);
      await page.getByText('Đang tải…').waitFor({ state: 'detached' });
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('36px');
      expect(await overflowsHorizontally(page), name).toBe(false);
      await expectAccessible(page, name);
      await screenshot(page, name);
    }
  });
});
