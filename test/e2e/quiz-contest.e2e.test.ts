import { describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  overflowsHorizontally,
  screenshot,
  waitForHeading,
  useJourney,
} from './harness.ts';

const journey = useJourney();

describe('a contest at phone size', () => {
  it('a member takes the province contest with the countdown, submits, sees the leaderboard and the certificate', async () => {
    const { page } = journey.browser;
    await login(page, 'dangvien');
    await page.getByRole('link', { name: /Học tập nghị quyết/ }).click();
    await waitForHeading(page, 'Học tập nghị quyết');
    await expectAccessible(page, 'study-home');
    await screenshot(page, 'quiz-study-home');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('link', { name: /Tìm hiểu Nghị quyết 02-NQ\/TU/ }).click();
    await waitForHeading(page, 'Tìm hiểu Nghị quyết 02-NQ/TU về chuyển đổi số');
    await page.getByText('Mỗi người được thi một lần').waitFor();
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();

    // The countdown comes from the server's remaining seconds: 15 minutes, then it runs down.
    const timer = page.getByTestId('timer');
    await timer.waitFor();
    const first = (await timer.textContent())!;
    expect(first).toMatch(/^1[45]:\d\d$/);
    await page.getByText('Câu 1/10').waitFor();
    await expectAccessible(page, 'contest-running');
    await screenshot(page, 'quiz-contest-running');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="timer"]')?.textContent !== before,
      first,
    );

    for (let i = 1; i <= 10; i++) {
      await page.getByText(`Câu ${i}/10`).waitFor();
      await page.locator('.quiz-option').first().click();
      await page.getByText(`đã trả lời ${i}`).waitFor();
      if (i < 10) await page.getByRole('button', { name: 'Câu tiếp' }).click();
    }
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByText(/^Đúng \d+\/10 câu$/).waitFor();
    await page.getByRole('heading', { name: 'Bảng xếp hạng' }).waitFor();
    await page.getByRole('button', { name: 'Chi bộ thôn Nguyệt Lâm 3' }).waitFor();
    await page.locator('.quiz-me').waitFor();
    const cert = page.getByRole('link', { name: 'Tải giấy chứng nhận (PDF)' });
    const href = (await cert.getAttribute('href'))!;
    const pdf = await page.request.get(new URL(href, journey.server.baseUrl).href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(page, 'contest-results');
    await screenshot(page, 'quiz-contest-results');
    expect(await overflowsHorizontally(page)).toBe(false);

    // The contest shows in the member's learning history.
    await page.goto(new URL('/study', journey.server.baseUrl).href);
    await page.getByRole('heading', { name: 'Lịch sử học tập của tôi' }).waitFor();
    await page
      .locator('#st-history ~ ul, section:has(#st-history) ul')
      .getByText(/Đúng \d+\/10 câu/)
      .first()
      .waitFor();
    await screenshot(page, 'quiz-history');
    // A second attempt is refused by the journey.server.
    const again = await page.request.post(
      new URL(`${href.replace('/certificate', '')}/attempt`, journey.server.baseUrl).href,
      {
        headers: { 'x-sotay-client': 'web' },
      },
    );
    expect(again.status()).toBe(409);
  });
});
