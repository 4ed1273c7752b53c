import PDFDocument from 'pdfkit';

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';

export interface CertificateData {
  fullName: string;
  branch: string;
  contest: string;
  organiser: string;
  score: number;
  total: number;
  finishedAt: string;
  id: string;
}

function vnDate(iso: string): string {
  // Vietnam time (UTC+7), the date printed on paper.
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  return `ngày ${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}`;
}

/** A one-page landscape certificate of completion, with a font that has every Vietnamese diacritic. */
export function certificatePdf(c: CertificateData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    info: { Title: `Giấy chứng nhận — ${c.contest}` },
  });
  doc.registerFont('body', `${FONT_DIR}/DejaVuSans.ttf`);
  doc.registerFont('bold', `${FONT_DIR}/DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const w = doc.page.width;
  const h = doc.page.height;
  doc
    .lineWidth(3)
    .strokeColor('#b71c1c')
    .rect(24, 24, w - 48, h - 48)
    .stroke();
  doc
    .lineWidth(1)
    .rect(32, 32, w - 64, h - 64)
    .stroke();
  doc
    .fillColor('#000')
    .font('bold')
    .fontSize(13)
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center' });
  doc.font('body').fontSize(12).text('Độc lập – Tự do – Hạnh phúc', { align: 'center' }).moveDown(1.5);
  doc
    .font('bold')
    .fontSize(30)
    .fillColor('#b71c1c')
    .text('GIẤY CHỨNG NHẬN', { align: 'center' })
    .moveDown(0.5);
  doc
    .fillColor('#000')
    .font('body')
    .fontSize(14)
    .text(`${c.organiser} chứng nhận đồng chí`, { align: 'center' });
  doc
    .moveDown(0.4)
    .font('bold')
    .fontSize(24)
    .text(c.fullName || '—', { align: 'center' });
  if (c.branch) doc.font('body').fontSize(13).text(c.branch, { align: 'center' });
  doc.moveDown(0.8).font('body').fontSize(14).text('đã hoàn thành cuộc thi', { align: 'center' });
  doc.font('bold').fontSize(16).text(c.contest, { align: 'center' });
  doc
    .moveDown(0.5)
    .font('body')
    .fontSize(14)
    .text(`Kết quả: ${c.score}/${c.total} câu trả lời đúng`, { align: 'center' });
  doc.moveDown(1).fontSize(12).text(vnDate(c.finishedAt), { align: 'center' });
  doc
    .fontSize(8)
    .fillColor('#555')
    .text(`Mã xác nhận: ${c.id}`, 56, h - 60, { align: 'left' });
  doc.end();
  return done;
}
