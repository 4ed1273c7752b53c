import { describe, expect, it } from 'vitest';
import { makePdf } from '../../src/platform/files/test-fixtures.ts';
import {
  apiSession,
  expectAccessible,
  login,
  logout,
  overflowsHorizontally,
  screenshot,
  useJourney,
  waitForHeading,
} from './harness.ts';

const journey = useJourney();
const TITLE = 'Công văn về tổng kết công tác Đảng năm 2026';

describe('document exchange at phone size', () => {
  it('a commune committee sends a letter with a PDF to a branch and one of its members', async () => {
    const { page } = journey.browser;
    await login(page, 'dangu');
    await page.goto('/exchange');
    await waitForHeading(page, 'Văn bản đi/đến');
    await page.getByRole('link', { name: 'Gửi văn bản đi' }).click();
    await waitForHeading(page, 'Gửi văn bản đi');
    await page.getByLabel('Tiêu đề').fill(TITLE);
    await page.getByLabel('Nội dung').fill('Đề nghị các chi bộ nghiên cứu và xác nhận đã nhận.');

    // The branch: found by its name typed without diacritics in the organisation picker.
    const orgs = page.getByRole('group', { name: 'Tổ chức trực thuộc' });
    await orgs.getByRole('searchbox').fill('nguyet lam');
    await orgs.getByRole('button', { name: 'Tìm' }).click();
    await orgs.getByRole('checkbox', { name: /Chi bộ thôn Nguyệt Lâm 3/ }).check();
    // The member: found by name among the commune's members.
    const members = page.getByRole('group', { name: 'Từng đảng viên' });
    await members.getByRole('searchbox').fill('Phạm Thị Hoa');
    await members.getByRole('button', { name: 'Tìm' }).click();
    await members
      .getByRole('checkbox', { name: /Phạm Thị Hoa.*Nguyệt Lâm 3/ })
      .first()
      .check();
    await page.getByText('Đã chọn 2 nơi nhận:').waitFor();

    await page.getByLabel('Tệp đính kèm').setInputFiles({
      name: 'Công văn 15-CV-ĐU.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await makePdf(['Công văn số 15-CV/ĐU về tổng kết công tác Đảng.'])),
    });
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Hạn xác nhận (nếu cần)').fill(deadline);
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'exchange compose');
    await screenshot(page, 'exchange-compose');

    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await waitForHeading(page, TITLE);
    await page.getByRole('link', { name: /Công văn 15-CV-ĐU\.pdf/ }).waitFor();
    await page.getByText('0/2 đã xác nhận').waitFor();
    await logout(page);
  });

  it('the member sees the file in the inbox and acknowledges it there', async () => {
    const { page } = journey.browser;
    await login(page, 'dangvien');
    await page.goto('/exchange');
    await waitForHeading(page, 'Văn bản đi/đến');
    const item = page.locator('.ex-item', { hasText: TITLE });
    await item.getByRole('link', { name: /Công văn 15-CV-ĐU\.pdf/ }).waitFor();
    // The attachment is served to the recipient as the PDF it is.
    const href = await item.getByRole('link', { name: /Công văn 15-CV-ĐU\.pdf/ }).getAttribute('href');
    const file = await page.request.get(href!);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'exchange inbox');
    await screenshot(page, 'exchange-inbox');
    await item.getByRole('button', { name: `Xác nhận đã nhận: ${TITLE}` }).click();
    await item.getByText(/Đã xác nhận lúc/).waitFor();
    await logout(page);
  });

  it('the sender sees who acknowledged and reminds the branch that has not', async () => {
    const { page } = journey.browser;
    await login(page, 'dangu');
    await page.goto('/exchange?box=out');
    await page.getByRole('link', { name: new RegExp(TITLE) }).click();
    await waitForHeading(page, TITLE);
    await page.getByText('1/2 đã xác nhận').waitFor();
    const member = page.locator('[data-recipient="Phạm Thị Hoa"]');
    await expect(member.textContent()).resolves.toContain('Đã xác nhận');
    const branch = page.locator('[data-recipient="Chi bộ thôn Nguyệt Lâm 3"]');
    await expect(branch.textContent()).resolves.toContain('Chưa xác nhận');
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'exchange tracking');
    await screenshot(page, 'exchange-tracking');
    await page.getByRole('button', { name: 'Nhắc 1 nơi chưa xác nhận' }).click();
    await page.getByText('Đã nhắc 1 người nhận.').waitFor();
    await branch.getByText('Đã nhắc 1 lần').waitFor();
    await logout(page);
  });

  it('a member writes to the branch committee with a file', async () => {
    const { page } = journey.browser;
    await login(page, 'dangvien');
    await page.goto('/exchange');
    await page.getByRole('link', { name: 'Gửi văn bản lên cấp ủy' }).click();
    await waitForHeading(page, 'Gửi văn bản lên cấp ủy');
    await page.getByLabel('Tiêu đề').fill('Bản kiểm điểm cá nhân năm 2026');
    // A picture renamed to .pdf is caught on the phone: nothing is sent.
    await page.getByLabel('Tệp đính kèm').setInputFiles({
      name: 'Ảnh chụp.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]),
    });
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Văn bản chưa được gửi: nội dung tệp Ảnh chụp.pdf không khớp').waitFor();
    await waitForHeading(page, 'Gửi văn bản lên cấp ủy');
    await page.getByLabel('Tệp đính kèm').setInputFiles({
      name: 'Kiểm điểm.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(await makePdf(['Bản kiểm điểm đảng viên năm 2026.'])),
    });
    expect(await overflowsHorizontally(page)).toBe(false);
    await expectAccessible(page, 'exchange to committee');
    await screenshot(page, 'exchange-to-committee');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await waitForHeading(page, 'Bản kiểm điểm cá nhân năm 2026');
    await page.getByRole('link', { name: /Kiểm điểm\.pdf/ }).waitFor();
    await logout(page);
    await login(page, 'bithu');
    await page.goto('/exchange');
    const item = page.locator('.ex-item', { hasText: 'Bản kiểm điểm cá nhân năm 2026' });
    await item.getByRole('link', { name: /Kiểm điểm\.pdf/ }).waitFor();
    await expect(item.textContent()).resolves.toContain('Phạm Thị Hoa');
    await logout(page);
  });

  it('a letter to a whole commune: the sender narrows the list to those still missing', async () => {
    const { page } = journey.browser;
    const { server } = journey;
    const dangu = await apiSession(server.baseUrl, 'dangu');
    const me = (await (await dangu.get('/api/v1/me')).json()) as { roles: Array<{ orgId: string }> };
    const commune = me.roles[0]!.orgId;
    const sent = await dangu.post('/api/v1/exchange', {
      data: { fromOrgId: commune, title: 'Thông báo nghỉ sinh hoạt tháng 12', allMembersOf: [commune] },
    });
    expect(sent.status()).toBe(201);
    const { id, recipients } = (await sent.json()) as { id: string; recipients: unknown[] };
    expect(recipients.length).toBeGreaterThan(10);
    await dangu.dispose();
    const member = await apiSession(server.baseUrl, 'dangvien');
    expect((await member.post(`/api/v1/exchange/${id}/ack`)).status()).toBe(200);
    await member.dispose();

    await login(page, 'dangu');
    await page.goto(`/exchange/${id}`);
    await waitForHeading(page, 'Thông báo nghỉ sinh hoạt tháng 12');
    const rows = page.locator('.ex-recipients > li');
    expect(await rows.count()).toBe(recipients.length);
    await page.getByRole('checkbox', { name: `Chỉ hiện ${recipients.length - 1} nơi chưa xác nhận` }).check();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.ex-recipients > li').length === n,
      recipients.length - 1,
    );
    for (const text of await rows.allTextContents()) expect(text).toContain('Chưa xác nhận');
    await screenshot(page, 'exchange-tracking-many');
    await logout(page);
  });

  it('a committee sends a library document down from its page', async () => {
    const { page } = journey.browser;
    await login(page, 'dangu');
    const docs = (await (await page.request.get('/api/v1/documents?limit=1')).json()) as {
      items: Array<{ id: string; title: string }>;
    };
    const doc = docs.items[0]!;
    await page.goto(`/documents/${doc.id}`);
    await page.getByRole('link', { name: 'Gửi văn bản này xuống cấp dưới' }).click();
    await waitForHeading(page, 'Gửi văn bản đi');
    await page.getByText(`Kèm văn bản trong thư viện: ${doc.title}.`).waitFor();
    expect(await page.getByLabel('Tiêu đề').inputValue()).toBe(doc.title);
    await page.getByRole('checkbox', { name: /Tất cả đảng viên của/ }).check();
    await expectAccessible(page, 'exchange compose with a document');
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await waitForHeading(page, doc.title);
    await page.getByRole('link', { name: doc.title }).first().waitFor();
    await logout(page);
  });
});
