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

describe('the assistant at phone size', () => {
  it('answers a question typed without diacritics and opens the cited passage', async () => {
    const { page } = journey.browser;
    await login(page, 'dangvien');
    await page.getByRole('link', { name: /Trợ lý ảo/ }).click();
    await waitForHeading(page, 'Trợ lý ảo');
    await expectAccessible(page, 'assistant-empty');
    await page.getByLabel('Câu hỏi của bạn').fill('ngay nao la ngay chuyen doi so quoc gia');
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    const answer = page.locator('.assistant-found').first();
    await answer.waitFor();
    expect(await answer.textContent()).toBe('ngày 10/10');
    const source = page.locator('.assistant-answer a.link-block').first();
    const href = (await source.getAttribute('href')) ?? '';
    expect(href).toMatch(/#p-[0-9a-f]{10}/);
    await page.getByLabel('Hỏi tiếp').waitFor();
    await expectAccessible(page, 'assistant-answer');
    await screenshot(page, 'assistant-answer');
    expect(await overflowsHorizontally(page)).toBe(false);

    await source.click();
    await page.waitForURL((url) => url.hash.startsWith('#p-'));
    expect(new URL(page.url()).pathname).toBe(href.split('#')[0]);
    await screenshot(page, 'assistant-cited');
  });
});
