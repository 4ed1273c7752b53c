import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  login,
  openBrowser,
  screenshot,
  startServer,
  waitForHeading,
  type Browser,
  type Page,
  type Server,
} from './harness.ts';

let server: Server;
let secretary: Browser;
let member: Browser;
let meetingPath = '';

beforeAll(async () => {
  server = await startServer();
  [secretary, member] = await Promise.all([openBrowser(server.baseUrl), openBrowser(server.baseUrl)]);
});

afterAll(async () => {
  await secretary?.close();
  await member?.close();
  await server?.stop();
});

async function stepClick(page: Page, name: string | RegExp) {
  const done = page.waitForResponse((r) => /\/api\/v1\/meetings\/[^/]+\/(steps|start|end)$/.test(r.url()));
  await page.getByRole('button', { name }).first().click();
  expect((await done).status()).toBe(200);
}

/**
 * The member's phone shows the step the secretary opened. It follows the meeting's live events; when the
 * secretary goes through several steps at once, a loaded machine may take more than the poll's default second
 * to show the last one.
 */
async function phoneShows(page: Page, step: string) {
  await expect
    .poll(() => page.getByTestId('current-step').textContent(), { timeout: 15_000 })
    .toContain(step);
}

/** Runs the programme from the secretary's phone until the step whose start button matches `until` is open. */
async function advance(page: Page, until: RegExp | null) {
  for (let i = 0; i < 40; i++) {
    const finish = page.getByRole('button', { name: 'Xong nội dung này' });
    const start = page.getByRole('button', { name: /^Bắt đầu: / });
    // Between one step's answer and the next render neither button may be on screen yet; a step is still
    // expected, so wait for one rather than take the gap for the end of the programme.
    if (until)
      await finish
        .or(start)
        .first()
        .waitFor({ timeout: 10_000 })
        .catch(() => undefined);
    if (await finish.isVisible()) {
      await stepClick(page, 'Xong nội dung này');
      continue;
    }
    if (!(await start.isVisible())) return;
    const label = (await start.textContent()) ?? '';
    if (until && until.test(label)) {
      await stepClick(page, /^Bắt đầu: /);
      return;
    }
    const skip = page.getByRole('button', { name: 'Bỏ qua nội dung này' });
    if (await skip.isVisible()) await stepClick(page, 'Bỏ qua nội dung này');
    else await stepClick(page, /^Bắt đầu: /);
  }
  throw new Error('the programme did not reach the expected step');
}

describe('a branch meeting at phone size: the secretary runs it while a member follows', () => {
  it('a member reads the draft and comments on a paragraph by tapping it', async () => {
    const { page } = member;
    await login(page, 'dangvien');
    await page.goto('/meetings');
    await waitForHeading(page, 'Sinh hoạt chi bộ');
    await page
      .getByRole('link', { name: /tháng \d+\/\d{4}/ })
      .first()
      .click();
    await waitForHeading(page, /^Sinh hoạt chi bộ thường kỳ tháng/);
    meetingPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: 'Dự thảo nghị quyết' }).waitFor();
    const paragraph = page.locator('button.pc-para').filter({ hasText: 'vụ đông' }).first();
    await paragraph.tap().catch(() => paragraph.click());
    await expect.poll(() => paragraph.getAttribute('aria-expanded')).toBe('true');
    await page.getByLabel('Nội dung góp ý').first().fill('Đề nghị ghi rõ diện tích từng loại cây vụ đông.');
    await page.getByRole('button', { name: 'Gửi góp ý' }).first().click();
    await page.getByText('Đề nghị ghi rõ diện tích từng loại cây vụ đông.').waitFor();
    await expectAccessible(page, 'meeting detail');
    await screenshot(page, 'meeting-detail');
  });

  it('the secretary starts the meeting and shows the check-in code; the member checks in by typing it', async () => {
    const s = secretary.page;
    await login(s, 'bithu');
    await s.goto(meetingPath);
    await s.getByRole('link', { name: 'Điều hành cuộc họp' }).click();
    await waitForHeading(s, 'Cuộc họp trực tiếp');
    await stepClick(s, 'Bắt đầu cuộc họp');
    await s.getByRole('button', { name: 'Hiện mã QR điểm danh' }).click();
    const code = (await s.getByTestId('checkin-code').textContent())!.trim();
    expect(code).toMatch(/^\d{6}$/);
    await expectAccessible(s, 'live secretary');
    await screenshot(s, 'meeting-live-secretary');

    const m = member.page;
    await m.goto(`${meetingPath}/live`);
    await waitForHeading(m, 'Cuộc họp trực tiếp');
    await m.getByLabel('Mã số trên màn hình của bí thư').fill(code);
    await m.getByRole('button', { name: 'Xác nhận có mặt' }).click();
    await m.getByText('Bạn đã được ghi nhận có mặt.').waitFor();
  });

  it('the member’s phone follows each step the secretary opens', async () => {
    const s = secretary.page;
    const m = member.page;
    await stepClick(s, /^Bắt đầu: Thu đảng phí/);
    await m.getByRole('heading', { name: 'Đang thực hiện' }).waitFor();
    await phoneShows(m, 'Thu đảng phí');
    await s.getByLabel('Ghi chép cho nội dung này').fill('Thu đảng phí đủ 100% đảng viên.');
    await s.getByRole('button', { name: 'Ghi lại' }).click();
    await s.getByText('Đã lưu.').waitFor();
    await stepClick(s, 'Xong nội dung này');
    await phoneShows(m, 'Điểm danh');
    await expectAccessible(m, 'live member');
    await screenshot(m, 'meeting-live-member');
  });

  it('the member votes in the app and the secretary closes the vote', async () => {
    const s = secretary.page;
    const m = member.page;
    await advance(s, /Biểu quyết/);
    await phoneShows(m, 'Biểu quyết');
    await s.getByRole('button', { name: 'Mở biểu quyết' }).click();
    await m.getByRole('button', { name: 'Tán thành', exact: true }).click();
    await m.getByText('Bạn đã biểu quyết: Tán thành').waitFor();
    await screenshot(m, 'meeting-vote-member');
    await s.getByText('Đã có 1 phiếu').waitFor();
    await s.getByRole('button', { name: 'Kết thúc biểu quyết' }).click();
    await m.getByText(/Kết quả: tán thành 1\//).waitFor();
  });

  it('the meeting ends; the minutes are approved and downloaded as a Word file', async () => {
    const s = secretary.page;
    await advance(s, null);
    await stepClick(s, 'Kết thúc cuộc họp');
    await waitForHeading(s, 'Biên bản');
    await s.getByLabel('Kết luận chung').fill('Chi bộ thống nhất thông qua nghị quyết tháng.');
    await s.getByRole('button', { name: 'Thông qua biên bản' }).click();
    await s.getByRole('link', { name: 'Tải biên bản (Word)' }).waitFor();
    // Once approved the minutes are read-only: the editor gives way to the text.
    await s.getByRole('heading', { name: 'Sửa biên bản' }).waitFor({ state: 'detached' });
    await s.getByRole('button', { name: 'Lưu điểm' }).click();
    await s.getByText(/^Chủ trì: [\d,.]+\/100 điểm/).waitFor();
    await expectAccessible(s, 'minutes');
    await screenshot(s, 'meeting-minutes');
    const [download] = await Promise.all([
      s.waitForEvent('download'),
      s.getByRole('link', { name: 'Tải biên bản (Word)' }).click(),
    ]);
    const file = await download.path();
    const text = (await mammoth.extractRawText({ buffer: readFileSync(file) })).value;
    for (const expected of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'CHI BỘ THÔN NGUYỆT LÂM 3',
      'BIÊN BẢN HỌP CHI BỘ',
      'Thu đảng phí đủ 100% đảng viên.',
      'Chi bộ thống nhất thông qua nghị quyết tháng.',
      'Biên bản đã được đọc lại cho chi bộ nghe và nhất trí thông qua.',
    ])
      expect(text).toContain(expected);
  });
});
