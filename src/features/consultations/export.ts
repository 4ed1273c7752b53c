import ExcelJS from 'exceljs';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Paragraph as DraftParagraph } from '../documents/paragraphs.ts';

// Loaded by the export route on first use, so the spreadsheet and DOCX libraries stay out of start-up.

export interface ExportComment {
  target_id: string | null;
  author_name: string;
  body: string;
  status: string;
  answer: string | null;
}

export interface ExportSummary {
  org_name: string;
  summary: string;
}

/** One row per comment, in the order of the draft's paragraphs; a second sheet holds lower levels' summaries. */
export async function consultationXlsx(
  paragraphs: DraftParagraph[],
  comments: ExportComment[],
  summaries: ExportSummary[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ý kiến');
  ws.columns = [
    { header: 'Phần', key: 'section', width: 10 },
    { header: 'Nội dung dự thảo', key: 'text', width: 60 },
    { header: 'Người góp ý', key: 'author', width: 24 },
    { header: 'Ý kiến', key: 'body', width: 60 },
    { header: 'Trạng thái', key: 'status', width: 14 },
    { header: 'Trả lời', key: 'answer', width: 40 },
  ];
  paragraphs.forEach((p, i) => {
    for (const x of comments.filter((c) => c.target_id === p.id))
      ws.addRow({
        section: `Đoạn ${i + 1}`,
        text: p.text,
        author: x.author_name,
        body: x.body,
        status: x.status,
        answer: x.answer ?? '',
      });
  });
  const sums = wb.addWorksheet('Tổng hợp cấp dưới');
  sums.columns = [
    { header: 'Tổ chức', key: 'org', width: 30 },
    { header: 'Tổng hợp', key: 'summary', width: 80 },
  ];
  for (const s of summaries) sums.addRow({ org: s.org_name, summary: s.summary });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same content as a Word document: each commented paragraph, its comments, then the summaries. */
export async function consultationDocx(
  title: string,
  paragraphs: DraftParagraph[],
  comments: ExportComment[],
  summaries: ExportSummary[],
): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`Tổng hợp ý kiến: ${title}`)] }),
  ];
  paragraphs.forEach((p, i) => {
    const own = comments.filter((x) => x.target_id === p.id);
    if (!own.length) return;
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`Đoạn ${i + 1}`)] }),
    );
    children.push(new Paragraph({ children: [new TextRun({ text: p.text, italics: true })] }));
    for (const x of own)
      children.push(
        new Paragraph({ bullet: { level: 0 }, children: [new TextRun(`${x.author_name}: ${x.body}`)] }),
      );
  });
  for (const s of summaries) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(s.org_name)] }));
    children.push(new Paragraph({ children: [new TextRun(s.summary)] }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
