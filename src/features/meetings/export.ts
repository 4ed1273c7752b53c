import { existsSync } from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import PDFDocument from 'pdfkit';
import { AppError } from '../../platform/errors.ts';
import './errors.ts';
import { dateWords, minutesToPlainText, type Minutes } from './domain/index.ts';

/**
 * Renders the minutes in the customary layout of party documents: the issuing organisation top left, the party
 * header and the place/date line top right, the title centred, the body, then the two signatures.
 */
interface Layout {
  left: string[];
  partyHeader: string | null;
  dateLine: string;
  title: string;
  subtitle: string;
  body: string[];
  signatures: { role: string; name: string }[];
}

export function minutesLayout(m: Minutes): Layout {
  const lines = minutesToPlainText(m).split('\n');
  const titleAt = lines.indexOf(m.title);
  // Title, subtitle and the blank line after them; the last two lines are the signature block.
  const body = lines.slice(titleAt + 3, lines.length - 2);
  while (body.at(-1) === '') body.pop();
  const up = (s: string) => s.toLocaleUpperCase('vi');
  const left = [
    ...(m.header.upperOrganisation ? [up(m.header.upperOrganisation)] : []),
    up(m.header.organisation),
    '*',
  ];
  const date = dateWords(m.header.date);
  return {
    left,
    partyHeader: m.header.partyHeader,
    dateLine: m.header.locality
      ? `${m.header.locality}, ${date}`
      : date.charAt(0).toUpperCase() + date.slice(1),
    title: 'BIÊN BẢN HỌP CHI BỘ',
    subtitle: m.subtitle,
    body,
    signatures: m.signatures,
  };
}

const isHeading = (line: string) => /^[IVX]+\. /.test(line);
const FONT = 'Times New Roman';

function run(
  text: string,
  opts: { bold?: boolean; italics?: boolean; underline?: boolean; size?: number } = {},
) {
  return new TextRun({
    text,
    font: FONT,
    size: opts.size ?? 28,
    bold: opts.bold,
    italics: opts.italics,
    underline: opts.underline ? {} : undefined,
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

function cell(paragraphs: Paragraph[]) {
  return new TableCell({
    children: paragraphs,
    width: { size: 50, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
  });
}

const centred = (children: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children });

export async function minutesDocx(m: Minutes): Promise<Buffer> {
  const l = minutesLayout(m);
  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          cell(l.left.map((t, i) => centred([run(t, { bold: i === l.left.length - 2, size: 26 })]))),
          cell([
            ...(l.partyHeader
              ? [centred([run(l.partyHeader, { bold: true, underline: true, size: 26 })])]
              : []),
            centred([run(l.dateLine, { italics: true, size: 26 })]),
          ]),
        ],
      }),
    ],
  });
  const body = l.body.map(
    (line) =>
      new Paragraph({
        alignment: isHeading(line) ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
        spacing: { after: 80 },
        indent: isHeading(line) || line === '' ? undefined : { firstLine: 567 },
        children: [run(line, { bold: isHeading(line) })],
      }),
  );
  const signatures = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: l.signatures.map((s) => cell([centred([run(s.role, { bold: true })])])) }),
      new TableRow({
        children: l.signatures.map((s) =>
          cell([
            new Paragraph({ children: [] }),
            new Paragraph({ children: [] }),
            centred([run(s.name, { bold: true })]),
          ]),
        ),
      }),
    ],
  });
  const doc = new Document({
    creator: 'Sổ tay đảng viên',
    title: `${l.title} — ${l.subtitle}`,
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
        children: [
          header,
          new Paragraph({ children: [] }),
          centred([run(l.title, { bold: true, size: 32 })]),
          centred([run(l.subtitle, { bold: true })]),
          new Paragraph({ children: [] }),
          ...body,
          new Paragraph({ children: [] }),
          signatures,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const PDF_FONT_DIR = '/usr/share/fonts/truetype/dejavu';

export function minutesPdf(m: Minutes, fontDir = PDF_FONT_DIR): Promise<Buffer> {
  const regular = `${fontDir}/DejaVuSans.ttf`;
  const bold = `${fontDir}/DejaVuSans-Bold.ttf`;
  // Built-in PDF fonts have no Vietnamese letters: refuse rather than print broken text.
  if (!existsSync(regular) || !existsSync(bold)) throw new AppError('MEETING_FONT_MISSING');
  const l = minutesLayout(m);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 85, right: 56 },
    info: { Title: l.title },
  });
  doc.registerFont('body', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 85 - 56;
  const half = width / 2;
  const top = doc.y;
  doc.font('bold').fontSize(10.5);
  for (const t of l.left) doc.text(t, 85, doc.y, { width: half, align: 'center' });
  const leftEnd = doc.y;
  doc.y = top;
  if (l.partyHeader)
    doc.font('bold').text(l.partyHeader, 85 + half, top, { width: half, align: 'center', underline: true });
  doc.font('body').text(l.dateLine, 85 + half, doc.y, { width: half, align: 'center' });
  doc.y = Math.max(leftEnd, doc.y) + 18;
  doc.font('bold').fontSize(14).text(l.title, 85, doc.y, { width, align: 'center' });
  doc.fontSize(11.5).text(l.subtitle, { width, align: 'center' });
  doc.moveDown();
  for (const line of l.body) {
    if (line === '') doc.moveDown(0.4);
    else
      doc
        .font(isHeading(line) ? 'bold' : 'body')
        .fontSize(11.5)
        .text(line, { width, align: 'justify' });
  }
  doc.moveDown(1.5);
  const sigTop = doc.y;
  l.signatures.forEach((s, i) => {
    doc.font('bold').text(s.role, 85 + i * half, sigTop, { width: half, align: 'center' });
    doc.text(s.name, 85 + i * half, sigTop + 60, { width: half, align: 'center' });
  });
  doc.end();
  return done;
}
