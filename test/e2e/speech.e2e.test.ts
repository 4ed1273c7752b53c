import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  expectAccessible,
  login,
  openBrowser,
  overflowsHorizontally,
  screenshot,
  startServer,
  waitForHeading,
  type Browser,
  type Page,
  type Server,
} from './harness.ts';

let server: Server;
let browser: Browser;
let orgId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser(server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The words the page has highlighted as being read (CSS Custom Highlight API), and their paragraph. */
function highlighted(page: Page): Promise<{ text: string; paragraph: string | null }> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const ranges = [...(registry.get('speech-sentence') ?? [])];
    const current = document.querySelector('[data-speech-current]');
    return {
      text: ranges.map((r) => r.toString()).join(''),
      paragraph: current?.getAttribute('data-paragraph-id') ?? null,
    };
  });
}

function position(page: Page): Promise<number> {
  return page
    .locator('.speech-position')
    .getAttribute('data-speech-index')
    .then((v) => Number(v));
}

describe('listening to an article', () => {
  it('plays at phone size, highlighting each sentence in turn on the page', async () => {
    const { page } = browser;
    await login(page, 'dangvien');
    await page.goto('/listen');
    await waitForHeading(page, 'Nghe đọc thử');
    const player = page.getByRole('region', { name: 'Nghe đọc' });
    await expectAccessible(page, 'listen (idle)');

    const audio = page.waitForResponse((r) => r.url().includes('/api/v1/speech/audio/') && r.ok());
    await player.getByRole('button', { name: 'Nghe đọc' }).click();
    await player.getByRole('button', { name: 'Tạm dừng' }).waitFor();
    const first = await audio;
    expect(first.headers()['content-type']).toBe('audio/mpeg');
    await page.locator('[data-paragraph-id="p1"][data-speech-current]').waitFor();
    const one = await highlighted(page);
    expect(one.paragraph).toBe('p1');
    // The first piece is kept short so it is ready sooner; it is the opening words of the first paragraph.
    expect(one.text.length).toBeGreaterThan(20);
    expect(await page.locator('[data-paragraph-id="p1"]').textContent()).toContain(one.text);
    expect(one.text.startsWith('Chi bộ tổ dân phố số 6')).toBe(true);
    await expect.poll(() => player.locator('.speech-sentence').textContent()).toBe(one.text);
    await screenshot(page, 'speech-playing');
    await expectAccessible(page, 'listen (playing)');
    expect(await overflowsHorizontally(page)).toBe(false);

    // The sentence ends by itself and the next one lights up.
    await expect.poll(() => position(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    const two = await highlighted(page);
    expect(two.text).not.toBe(one.text);
    expect(two.text.length).toBeGreaterThan(0);
    await expect.poll(() => position(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const three = await highlighted(page);
    expect(three.text).not.toBe(two.text);
  });

  it('skips by sentence, changes speed, pauses and resumes where it stopped after a reload', async () => {
    const { page } = browser;
    const player = page.getByRole('region', { name: 'Nghe đọc' });
    await player.getByRole('button', { name: 'Tạm dừng' }).click();
    await player.getByRole('button', { name: 'Nghe tiếp' }).waitFor();
    const paused = await position(page);
    await player.getByRole('button', { name: 'Câu sau' }).click();
    await expect.poll(() => position(page)).toBe(paused + 1);
    expect((await highlighted(page)).paragraph).not.toBeNull();
    // By keyboard alone: the controls are ordinary buttons in reading order.
    await player.getByRole('button', { name: 'Câu sau' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Câu trước');
    await page.keyboard.press('Enter');
    await expect.poll(() => position(page)).toBe(paused);

    const replan = page.waitForResponse((r) => r.url().includes('/api/v1/speech/plan') && r.ok());
    await player.getByLabel('Tốc độ').selectOption('1.25');
    expect((await (await replan).json()).speed).toBe(1.25);
    expect(await position(page)).toBe(paused);

    await page.reload();
    await waitForHeading(page, 'Nghe đọc thử');
    await player.getByRole('button', { name: 'Nghe đọc' }).click();
    await expect.poll(() => position(page)).toBe(paused);
    await player.getByRole('button', { name: 'Tạm dừng' }).click();
    expect(await player.getByLabel('Tốc độ').inputValue()).toBe('1.25');
  });

  it('fits a 360 px screen at 200 % text', async () => {
    const { page } = browser;
    await page.evaluate(() => document.documentElement.style.setProperty('--text-scale', '2'));
    await page.locator('.speech-player').first().scrollIntoViewIfNeeded();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'speech-200');
    await expectAccessible(page, 'listen at 200 %');
    await page.evaluate(() => document.documentElement.style.setProperty('--text-scale', '1'));
  });

  it('reads today’s news one item after another ("Nghe tin hôm nay")', async () => {
    const { page } = browser;
    const secretary = await apiSession(server.baseUrl, 'bithu');
    const me = (await (await secretary.get('/api/v1/me')).json()) as {
      roles: Array<{ role: string; orgId: string }>;
    };
    orgId = me.roles.find((r) => r.role === 'secretary')!.orgId;
    for (const title of ['Lịch sinh hoạt chi bộ tháng 12', 'Kết quả thu đảng phí năm 2026']) {
      const res = await secretary.post('/api/v1/news', {
        data: {
          orgId,
          section: 'bulletin',
          title,
          bodyHtml: '<p>Chi bộ họp ngày 5/12/2026 lúc 7h30. Đề nghị 100% đảng viên dự.</p>',
        },
      });
      expect(res.status(), await res.text()).toBe(201);
    }
    await secretary.dispose();

    await page.goto('/listen');
    await waitForHeading(page, 'Nghe đọc thử');
    const player = page.getByRole('region', { name: 'Nghe tin hôm nay' });
    await player.getByRole('button', { name: 'Nghe tin hôm nay' }).click();
    await player.getByRole('button', { name: 'Tạm dừng' }).waitFor();
    const item = player.locator('.speech-item');
    // The two items just published come first (newest first); demo news of the day may follow.
    await expect.poll(() => item.textContent()).toMatch(/^Bài 1\/\d+: Kết quả thu đảng phí năm 2026$/);
    await expect.poll(() => player.locator('.speech-sentence').textContent()).toMatch(/\S/);
    await screenshot(page, 'speech-today-news');
    // Sentence by sentence to the end of the first item, then the second item follows by itself.
    await player.getByRole('button', { name: 'Câu sau' }).click();
    await player.getByRole('button', { name: 'Câu sau' }).click();
    await expect
      .poll(() => item.textContent(), { timeout: 30_000 })
      .toMatch(/^Bài 2\/\d+: Lịch sinh hoạt chi bộ tháng 12$/);
    await player.getByRole('button', { name: 'Tạm dừng' }).click();
    await expectAccessible(page, 'listen (today’s news)');
  });

  it('reads a news article on its own page, highlighting the sentence inside the article as it advances', async () => {
    const { page } = browser;
    const secretary = await apiSession(server.baseUrl, 'bithu');
    const res = await secretary.post('/api/v1/news', {
      data: {
        orgId,
        section: 'bulletin',
        title: 'Chi bộ ra quân làm đường giao thông nông thôn',
        bodyHtml:
          '<p>Sáng 19/11/2026, chi bộ huy động 45 đảng viên ra quân. Tuyến đường dài 1,2 km được đổ bê tông.</p>' +
          '<ul><li>Kinh phí 350 triệu đồng do nhân dân đóng góp.</li></ul>',
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const id = ((await res.json()) as { id: string }).id;
    await secretary.dispose();

    await page.goto(`/news/${id}`);
    await waitForHeading(page, 'Chi bộ ra quân làm đường giao thông nông thôn');
    const player = page.locator('[data-speech-slot]').getByRole('region', { name: 'Nghe đọc' });
    await player.getByRole('button', { name: 'Nghe đọc' }).click();
    await player.getByRole('button', { name: 'Tạm dừng' }).waitFor();
    // The title is read first; then the article's own sentences light up inside the article body.
    const current = page.locator('.article-body [data-speech-current]');
    await current.first().waitFor({ timeout: 30_000 });
    const first = await highlighted(page);
    expect(first.text).toBe('Sáng 19/11/2026, chi bộ huy động 45 đảng viên ra quân.');
    await screenshot(page, 'speech-news-article');
    await expect
      .poll(async () => (await highlighted(page)).text, { timeout: 30_000 })
      .toBe('Tuyến đường dài 1,2 km được đổ bê tông.');
    await expect
      .poll(async () => (await highlighted(page)).text, { timeout: 30_000 })
      .toBe('Kinh phí 350 triệu đồng do nhân dân đóng góp.');
    expect(await current.first().evaluate((el) => el.tagName)).toBe('LI');
    await player.getByRole('button', { name: 'Tạm dừng' }).click();
    await expectAccessible(page, 'news article with player');
  });

  it('reads a document on its page, paragraph by paragraph', async () => {
    const { page } = browser;
    const secretary = await apiSession(server.baseUrl, 'bithu');
    const res = await secretary.post('/api/v1/documents', {
      data: {
        orgId,
        kind: 'nghi_quyet',
        number: '07-NQ/CB',
        issuedOn: '2026-11-20',
        issuer: 'Chi bộ thôn Nguyệt Lâm 3',
        title: 'Nghị quyết chi bộ tháng 11 năm 2026',
        summary: 'Nhiệm vụ tháng 12.',
        body: 'Điều 1. Hoàn thành thu đảng phí trước ngày 15/12/2026.\n\nĐiều 2. Giao đồng chí Bí thư chỉ đạo thực hiện.',
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const doc = (await res.json()) as { id: string; paragraphs: Array<{ id: string }> };
    await secretary.dispose();

    await page.goto(`/documents/${doc.id}`);
    await waitForHeading(page, 'Nghị quyết chi bộ tháng 11 năm 2026');
    const player = page.locator('[data-speech-slot]').getByRole('region', { name: 'Nghe đọc' });
    await player.getByRole('button', { name: /^(Nghe đọc|Nghe tiếp)$/ }).click();
    await page.locator(`[data-paragraph-id="${doc.paragraphs[0]!.id}"][data-speech-current]`).waitFor({
      timeout: 30_000,
    });
    expect((await highlighted(page)).text.startsWith('Điều 1.')).toBe(true);
    await expect
      .poll(async () => (await highlighted(page)).text, { timeout: 30_000 })
      .toMatch(/Hoàn thành thu đảng phí trước ngày 15\/12\/2026\.$/);
    await page.locator(`[data-paragraph-id="${doc.paragraphs[1]!.id}"][data-speech-current]`).waitFor({
      timeout: 30_000,
    });
    expect((await highlighted(page)).text.startsWith('Điều 2.')).toBe(true);
    await screenshot(page, 'speech-document');
    await player.getByRole('button', { name: 'Tạm dừng' }).click();
  });
});
