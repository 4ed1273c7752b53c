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

describe('a petition at phone size', () => {
  it('a member sends one to the commune committee, the committee answers, the member reads and rates it', async () => {
    const { page } = journey.browser;
    await login(page, 'dangvien');
    await page.getByRole('link', { name: /Ý kiến, kiến nghị/ }).click();
    await waitForHeading(page, 'Ý kiến, kiến nghị');
    await page.getByRole('link', { name: 'Gửi ý kiến, kiến nghị mới' }).click();
    await waitForHeading(page, 'Gửi ý kiến, kiến nghị mới');
    const to = page.getByLabel('Gửi tới');
    const options = await to.locator('option').allTextContents();
    expect(options[0]).toBe('Chi bộ thôn Nguyệt Lâm 3');
    const commune = options.find((o) => o.includes('Thụy Bình'))!;
    expect(commune).toBeDefined();
    await to.selectOption({ label: commune });
    await page.getByLabel('Lĩnh vực').selectOption({ label: 'Kinh tế – xã hội' });
    await page.getByLabel('Tiêu đề').fill('Đề nghị sửa cống thoát nước xóm 2');
    await page.getByLabel('Nội dung').fill('Cống thoát nước xóm 2 bị tắc, mùa mưa nước tràn vào nhà dân.');
    await expectAccessible(page, 'petition-new');
    await screenshot(page, 'petition-new');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await waitForHeading(page, 'Đề nghị sửa cống thoát nước xóm 2');
    await page.getByText('Mới gửi').first().waitFor();
    await page.getByText('Cấp ủy chưa trả lời.').waitFor();
    await screenshot(page, 'petition-sent');
    await logout(page);

    await login(page, 'dangu');
    await page
      .getByRole('link', { name: /Ý kiến, kiến nghị gửi tới cấp ủy/ })
      .first()
      .click();
    await waitForHeading(page, 'Ý kiến, kiến nghị gửi tới cấp ủy');
    await page.getByRole('link', { name: /Đề nghị sửa cống thoát nước xóm 2/ }).click();
    await waitForHeading(page, 'Đề nghị sửa cống thoát nước xóm 2');
    await page.getByRole('button', { name: 'Tiếp nhận' }).click();
    await page.getByText('Đã tiếp nhận').first().waitFor();
    await page.getByLabel('Nội dung trả lời').fill('Xã đã giao tổ công tác nạo vét cống trong tuần này.');
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await page.getByText('Đã trả lời').first().waitFor();
    await expectAccessible(page, 'petition-committee');
    await screenshot(page, 'petition-committee');
    await logout(page);

    await login(page, 'dangvien');
    await page.goto('/petitions');
    await waitForHeading(page, 'Ý kiến, kiến nghị');
    await page.getByRole('link', { name: /Đề nghị sửa cống thoát nước xóm 2/ }).click();
    await page.getByText('Xã đã giao tổ công tác nạo vét cống trong tuần này.').waitFor();
    await page.getByRole('button', { name: '5 sao' }).click();
    await page.getByText('Đã đánh giá 5/5').waitFor();
    await expectAccessible(page, 'petition-answered');
    await screenshot(page, 'petition-answered');
    expect(await overflowsHorizontally(page)).toBe(false);
  });
});
