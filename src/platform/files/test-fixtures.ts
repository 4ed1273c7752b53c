// Builders for real, small files used by the tests of this folder.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph, TextRun, HeadingLevel } from 'docx';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';

export const VIETNAMESE_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

function requireVietnameseFont(): string {
  if (!existsSync(VIETNAMESE_FONT)) {
    throw new Error(`Missing ${VIETNAMESE_FONT}: run apt-get install -y fonts-dejavu-core`);
  }
  return VIETNAMESE_FONT;
}

export async function makePdf(
  paragraphs: readonly string[],
  options: { pages?: number; userPassword?: string } = {},
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: 'Tài liệu thử' },
    ...(options.userPassword ? { userPassword: options.userPassword, pdfVersion: '1.7' as const } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.font(requireVietnameseFont()).fontSize(12);
  const pages = options.pages ?? 1;
  for (let page = 0; page < pages; page++) {
    if (page > 0) doc.addPage();
    for (const p of paragraphs) {
      doc.text(p, { paragraphGap: 10 });
      doc.moveDown(1);
    }
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

export async function makeDocx(title: string, paragraphs: readonly string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
          ...paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function makeXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow(['Họ và tên', 'Chi bộ']);
  ws.addRow(['Nguyễn Văn An', 'Chi bộ Tân Đệ 5']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const CONTENT_TYPES_PPTX = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>
</Types>`;

/** A minimal OOXML package; only its manifest matters to content sniffing. */
export function makeOoxml(contentTypesXml: string = CONTENT_TYPES_PPTX): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(contentTypesXml),
    '_rels/.rels': strToU8('<?xml version="1.0"?><Relationships/>'),
  });
}

export function makeOdt(mimetype = 'application/vnd.oasis.opendocument.text'): Uint8Array {
  // ODF requires the mimetype entry first and stored without compression.
  return zipSync({
    mimetype: [strToU8(mimetype), { level: 0 }],
    'content.xml': strToU8('<?xml version="1.0"?><office:document-content/>'),
  });
}

export const PNG_1PX = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);

export const GIF_1PX = Uint8Array.from(
  Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64'),
);

export const JPEG_HEAD = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01,
]);

export function riff(fourcc: string): Uint8Array {
  const b = Buffer.alloc(16);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(8, 4);
  b.write(fourcc, 8, 'ascii');
  b.write('VP8 ', 12, 'ascii');
  return new Uint8Array(b);
}

export const MP3_ID3 = Uint8Array.from([
  0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0a, 0, 0, 0, 0,
]);
// MPEG-1 Layer III, 128 kbit/s, 44.1 kHz frame header.
export const MP3_FRAME = Uint8Array.from([0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0]);

export function oggPage(codecHeader: Uint8Array): Uint8Array {
  const header = Buffer.alloc(28);
  header.write('OggS', 0, 'ascii');
  header[4] = 0; // version
  header[5] = 0x02; // beginning of stream
  header[26] = 1; // one segment
  header[27] = codecHeader.length;
  return new Uint8Array(Buffer.concat([header, codecHeader]));
}
