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

/** The value of the document option whose label contains `text`, or else of the first other document. */
async function documentValue(text: string | null): Promise<{ value: string; label: string }> {
  const options = journey.browser.page.locator('#st-doc option:not([value=""])');
  const all = await options.evaluateAll((els) =>
    els.map((e) => ({ value: (e as HTMLOptionElement).value, label: e.textContent ?? '' })),
  );
  const found =
    text === null ? all.find((o) => !o.label.includes('02-NQ/TU')) : all.find((o) => o.label.includes(text));
  expect(found, `a document option ${text ?? 'other than 02-NQ/TU'}`).toBeDefined();
  return found!;
}

describe('a committee runs study and contests at phone size', () => {
  it('the province committee creates a contest and follows its leaderboards down the tree', async () => {
    const { page } = journey.browser;
    await login(page, 'tinhuy');
    await page
      .getByRole('link', { name: /^Học tập và thi/ })
      .first()
      .click();
    await waitForHeading(page, 'Học tập và thi');
    // The demo contest and study assignment of the province are listed for their organiser.
    await page.getByRole('link', { name: /Tìm hiểu Nghị quyết 02-NQ\/TU/ }).waitFor();
    await expectAccessible(page, 'study-admin');
    await screenshot(page, 'study-admin');
    expect(await overflowsHorizontally(page)).toBe(false);

    await page.getByRole('link', { name: 'Tổ chức cuộc thi' }).click();
    await waitForHeading(page, 'Tổ chức cuộc thi');
    await page.getByLabel('Tên cuộc thi').fill('Thi tìm hiểu chuyển đổi số quý IV');
    await page.getByLabel('Văn bản').selectOption((await documentValue('02-NQ/TU')).value);
    // The bank of the chosen document is counted, with the way to its review queue.
    await page.getByText(/Ngân hàng có \d+ câu đã duyệt/).waitFor();
    await page.getByLabel('Số câu hỏi mỗi bài').fill('5');
    await page.getByLabel('Thời gian làm bài (phút)').fill('10');
    await expectAccessible(page, 'contest-new');
    await screenshot(page, 'contest-new');
    expect(await overflowsHorizontally(page)).toBe(false);
    // A window that ends before it starts is explained before anything is sent.
    const start = await page.getByLabel('Bắt đầu lúc').inputValue();
    await page.getByLabel('Kết thúc lúc').fill(start);
    await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Thời gian kết thúc phải sau thời gian bắt đầu.' })
      .waitFor();
    await page.getByLabel('Kết thúc lúc').fill(`${Number(start.slice(0, 4)) + 1}${start.slice(4)}`);
    await page.getByRole('button', { name: 'Tạo cuộc thi' }).click();

    await waitForHeading(page, 'Thi tìm hiểu chuyển đổi số quý IV');
    await page.getByText('5 câu hỏi, làm trong 10 phút.').waitFor();
    // The committee account is not a member of the province's branches: it follows results, it does not take part.
    await page.getByText('Cuộc thi dành cho đảng viên trong phạm vi').waitFor();
    await expect(page.getByRole('button', { name: 'Bắt đầu làm bài' }).count()).resolves.toBe(0);
    await page.getByRole('heading', { name: 'Bảng xếp hạng' }).waitFor();
    await page.getByRole('heading', { name: 'Xem theo tổ chức trực thuộc' }).waitFor();
    const below = page.locator('.quiz-drill').first();
    const name = (await below.textContent())!.trim();
    await below.click();
    // The organisation below gets its own board, selected.
    await page.getByRole('button', { name, pressed: true }).waitFor();
    await page.getByText('Chưa có ai nộp bài.').waitFor();
    await expectAccessible(page, 'contest-results');
    await screenshot(page, 'contest-results');
    expect(await overflowsHorizontally(page)).toBe(false);
  });

  it('the committee assigns a document to study; a member sees it and marks a paragraph; progress follows', async () => {
    const { page } = journey.browser;
    await page.goto('/');
    await page
      .getByRole('link', { name: /^Học tập và thi/ })
      .first()
      .click();
    await waitForHeading(page, 'Học tập và thi');
    await page.getByRole('link', { name: 'Giao văn bản học tập' }).click();
    await waitForHeading(page, 'Giao văn bản học tập');
    await page.getByRole('button', { name: 'Giao học tập' }).click();
    await page.getByRole('alert').filter({ hasText: 'Hãy chọn văn bản' }).waitFor();
    const doc = await documentValue(null);
    await page.getByLabel('Văn bản').selectOption(doc.value);
    // Choosing takes the old message away.
    await expect(page.getByRole('alert').filter({ hasText: 'Hãy chọn văn bản' }).count()).resolves.toBe(0);
    await page.getByLabel('Hạn học xong').fill('2030-12-31');
    await page.getByLabel('Ghi chú, yêu cầu (không bắt buộc)').fill('Học trước kỳ sinh hoạt tháng 12.');
    await expectAccessible(page, 'study-new');
    await screenshot(page, 'study-new');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Giao học tập' }).click();
    const title = doc.label.includes(' · ') ? doc.label.slice(doc.label.indexOf(' · ') + 3) : doc.label;
    await waitForHeading(page, title);
    await page.getByText('Học trước kỳ sinh hoạt tháng 12.').waitFor();
    await page.getByRole('heading', { name: 'Tiến độ của các tổ chức' }).waitFor();

    await logout(page);
    await login(page, 'dangvien');
    await page.getByRole('link', { name: /Học tập nghị quyết/ }).click();
    await waitForHeading(page, 'Học tập nghị quyết');
    await page
      .getByRole('link', { name: new RegExp(title.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .click();
    await waitForHeading(page, title);
    await page.getByRole('checkbox', { name: 'Đã học đoạn này' }).first().check();
    await page
      .getByRole('status')
      .filter({ hasText: /^đã học 1\// })
      .waitFor();

    // Back as the committee: the member's branch shows up down the tree, the member in it.
    await logout(page);
    await login(page, 'tinhuy');
    await page
      .getByRole('link', { name: /^Học tập và thi/ })
      .first()
      .click();
    await waitForHeading(page, 'Học tập và thi');
    await page
      .getByRole('link', { name: new RegExp(title.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .click();
    await waitForHeading(page, title);
    const progress = page.locator('section[aria-labelledby="st-progress"]');
    await progress.locator('h3').first().waitFor();
    for (let level = 0; level < 6; level++) {
      const started = progress.locator('.quiz-drill', { hasText: /, [1-9]\d* đã bắt đầu/ });
      if ((await started.count()) === 0) break;
      const name = (await started.first().locator('.list-title').textContent())!;
      await started.first().click();
      await progress.getByRole('heading', { level: 3, name, exact: true }).waitFor();
    }
    await progress.getByRole('heading', { name: 'Đảng viên đã học' }).waitFor();
    await expect(
      progress
        .locator('.list li')
        .filter({ hasText: /đã học 1\// })
        .count(),
    ).resolves.toBe(1);
    await expectAccessible(page, 'study-progress-members');
    await screenshot(page, 'study-progress-members');
    expect(await overflowsHorizontally(page)).toBe(false);
  });

  it('the reviewer edits the options, the correct answer and the tags of a generated question', async () => {
    const { page } = journey.browser;
    await page.goto('/study');
    await waitForHeading(page, 'Học tập nghị quyết');
    // The review queue of the demo resolution (the assignment made above is of another document).
    await page
      .locator('li', { hasText: 'Nghị quyết về chuyển đổi số tỉnh Thái Bình' })
      .getByRole('link', { name: 'Duyệt câu hỏi trắc nghiệm' })
      .click();
    await waitForHeading(page, 'Duyệt câu hỏi');
    const queue = page.getByRole('heading', { level: 2, name: /^Chờ duyệt: \d+ câu$/ });
    const before = Number((await queue.textContent())!.match(/\d+/)![0]);
    const item = page
      .locator('.quiz-review')
      .filter({ has: page.locator('.quiz-edit-option input[type="radio"]') })
      .first();
    const right = item.locator('.quiz-edit-option').filter({ has: page.locator('input:checked') });
    const wrong = item.locator('.quiz-edit-option').filter({ hasNot: page.locator('input:checked') });
    // A correct option reworded away from the cited paragraph: the editor is warned at once, the server refuses.
    const answer = await right.getByRole('textbox').inputValue();
    await right.getByRole('textbox').fill(`${answer} (sửa khác đi)`);
    const warning = item.getByText(/đáp án đúng không có trong đoạn trích dẫn, nên chưa lưu được/);
    await warning.waitFor();
    await expectAccessible(page, 'quiz-review-edit');
    await screenshot(page, 'quiz-review-edit');
    expect(await overflowsHorizontally(page)).toBe(false);
    await item.getByRole('button', { name: 'Lưu sửa và duyệt' }).click();
    await item
      .getByRole('alert')
      .filter({ hasText: 'Đáp án đúng không có trong đoạn văn bản được trích dẫn' })
      .waitFor();
    // The answer as written in the paragraph again; a distractor reworded, one added, and tags: saved.
    await right.getByRole('textbox').fill(answer);
    await expect(warning.count()).resolves.toBe(0);
    await wrong.first().getByRole('textbox').fill('Một phương án nhiễu mới');
    await item.getByRole('button', { name: 'Thêm phương án' }).click();
    await item
      .getByRole('textbox', { name: /^Phương án \d+$/ })
      .last()
      .fill('Phương án thêm');
    await item.getByLabel('Nhãn').fill('chuyển đổi số, mục tiêu');
    await item.getByRole('button', { name: 'Lưu sửa và duyệt' }).click();
    await page.getByRole('heading', { level: 2, name: `Chờ duyệt: ${before - 1} câu` }).waitFor();
  });
});
