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

describe('the question review queue at phone size', () => {
  it('the province committee accepts one proposal and rejects another; a member then practises', async () => {
    const { page } = journey.browser;
    await login(page, 'tinhuy');
    await page.getByRole('link', { name: /Học tập nghị quyết/ }).click();
    await waitForHeading(page, 'Học tập nghị quyết');
    await page.getByRole('link', { name: 'Duyệt câu hỏi trắc nghiệm' }).click();
    await waitForHeading(page, 'Duyệt câu hỏi');
    await page.getByRole('heading', { name: 'Chờ duyệt: 4 câu' }).waitFor();
    await expectAccessible(page, 'quiz-review');
    await screenshot(page, 'quiz-review');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Duyệt', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Chờ duyệt: 3 câu' }).waitFor();
    await page.getByRole('button', { name: 'Loại', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Chờ duyệt: 2 câu' }).waitFor();
    await page.getByText('Ngân hàng có 16 câu đã duyệt.').waitFor();
    // The committee follows the study assignment's progress across its organisations.
    await page.goBack();
    await waitForHeading(page, 'Học tập nghị quyết');
    await page.getByRole('link', { name: /Nghị quyết về chuyển đổi số tỉnh Thái Bình/ }).click();
    await page.getByRole('heading', { name: 'Tiến độ của các tổ chức' }).waitFor();
    await expectAccessible(page, 'quiz-study-progress');
    await screenshot(page, 'quiz-study-progress');
    expect(await overflowsHorizontally(page)).toBe(false);
  });

  it('practice gives feedback with the cited paragraph after each answer', async () => {
    const { page } = journey.browser;
    await logout(page);
    await login(page, 'dangvien');
    await page.getByRole('link', { name: /Học tập nghị quyết/ }).click();
    await waitForHeading(page, 'Học tập nghị quyết');
    await page.getByRole('link', { name: 'Ôn tập' }).first().click();
    await waitForHeading(page, 'Ôn tập trắc nghiệm');
    await page.locator('.quiz-option').first().click();
    await page.getByRole('button', { name: 'Trả lời' }).click();
    await page.locator('.quiz-feedback blockquote').waitFor();
    await expectAccessible(page, 'quiz-practice');
    await screenshot(page, 'quiz-practice');
    expect(await overflowsHorizontally(page)).toBe(false);
  });
});
