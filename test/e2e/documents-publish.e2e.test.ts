import { Document, Packer, Paragraph } from 'docx';
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

describe('publishing a document at phone size', () => {
  it('a branch secretary publishes a plan with a Word file whose text becomes the body', async () => {
    const { page } = journey.browser;
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph('Kế hoạch tổ chức Ngày hội Chuyển đổi số của chi bộ.'),
              new Paragraph(
                'Chi bộ hướng dẫn 100% hộ gia đình cài đặt ứng dụng VNeID trước ngày 30/12/2026.',
              ),
            ],
          },
        ],
      }),
    );
    await login(page, 'bithu');
    await page.goto('/documents');
    await waitForHeading(page, 'Văn bản');
    await page.getByRole('link', { name: 'Đăng văn bản mới' }).click();
    await waitForHeading(page, 'Đăng văn bản mới');
    await page.getByLabel('Loại văn bản').selectOption({ label: 'Kế hoạch' });
    await page.getByLabel('Số, ký hiệu').fill('05-KH/CB');
    await page.getByLabel('Ngày ban hành').fill('2026-11-20');
    await page.getByLabel('Trích yếu (tên văn bản)').fill('Kế hoạch Ngày hội Chuyển đổi số của chi bộ');
    await page.getByLabel('Tệp đính kèm').setInputFiles({
      name: 'ke-hoach-ngay-hoi.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx,
    });
    await expectAccessible(page, 'document-publish');
    await screenshot(page, 'document-publish');
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.getByRole('button', { name: 'Đăng văn bản' }).click();
    await waitForHeading(page, 'Kế hoạch Ngày hội Chuyển đổi số của chi bộ');
    await page.getByText('ke-hoach-ngay-hoi.docx').first().waitFor();
    await page.getByText('cài đặt ứng dụng VNeID').first().waitFor();
    await screenshot(page, 'document-published');
  });
});
