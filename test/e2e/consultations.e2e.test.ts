import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  overflowsHorizontally,
  screenshot,
  useJourney,
  waitForHeading,
} from './harness.ts';

const journey = useJourney();

describe('a consultation at phone size', () => {
  it('a member comments on a paragraph by tapping it and answers a question', async () => {
    const { page } = journey.browser;
    await login(page, 'dangvien');
    await page.goto('/consultations');
    await waitForHeading(page, 'Lấy ý kiến');
    await page.getByRole('link', { name: /Kế hoạch chuyển đổi số trong sinh hoạt chi bộ/ }).click();
    await waitForHeading(page, /Kế hoạch chuyển đổi số/);
    await page.getByRole('button', { name: /Đoạn 2/ }).click();
    await page
      .getByLabel('Nội dung góp ý')
      .first()
      .fill('Nên hướng dẫn trực tiếp tại nhà cho các cụ trên 80 tuổi.');
    await page.getByRole('button', { name: 'Gửi góp ý' }).click();
    await page.getByText('Nên hướng dẫn trực tiếp tại nhà cho các cụ trên 80 tuổi.').waitFor();
    await page.getByLabel('Đồng ý', { exact: true }).check();
    await page.getByRole('button', { name: 'Lưu câu trả lời' }).click();
    await page.getByText('Đã lưu câu trả lời.').waitFor();
    await expectAccessible(page, 'consultation');
    await screenshot(page, 'consultation');
    expect(await overflowsHorizontally(page)).toBe(false);
  });
});
