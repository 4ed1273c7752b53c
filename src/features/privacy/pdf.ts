import PDFDocument from 'pdfkit';
import type { PersonalData } from './service.ts';

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';

const LABELS: Record<string, string> = {
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  phone: 'Số điện thoại',
  cardNumber: 'Số thẻ đảng',
  admittedOn: 'Ngày vào Đảng',
  fullMemberOn: 'Ngày chính thức',
  kind: 'Loại đảng viên',
  status: 'Tình trạng',
  position: 'Chức vụ',
  branch: 'Chi bộ',
  createdAt: 'Tạo lúc',
  updatedAt: 'Cập nhật lúc',
  login: 'Tên đăng nhập',
  twoFactorEnabledAt: 'Bật xác thực hai bước lúc',
};

/** A readable copy of the personal data, in Vietnamese, with a font that has every diacritic. */
export function personalDataPdf(data: PersonalData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Dữ liệu cá nhân — Sổ tay' } });
  doc.registerFont('body', `${FONT_DIR}/DejaVuSans.ttf`);
  doc.registerFont('bold', `${FONT_DIR}/DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(14).text(text).moveDown(0.3);
  const field = (label: string, value: unknown) =>
    doc
      .font('bold')
      .fontSize(11)
      .text(`${label}: `, { continued: true })
      .font('body')
      .text(value === null || value === undefined || value === '' ? '—' : String(value));

  doc.font('bold').fontSize(18).text('Dữ liệu cá nhân của tôi trên Sổ tay');
  doc.font('body').fontSize(10).text(`Trích xuất lúc ${data.generatedAt}`);
  heading('Tài khoản');
  for (const k of ['login', 'createdAt', 'twoFactorEnabledAt'] as const)
    field(LABELS[k] ?? k, data.account[k]);
  if (data.member) {
    heading('Hồ sơ đảng viên');
    for (const [k, v] of Object.entries(data.member)) field(LABELS[k] ?? k, v);
  }
  heading('Vai trò');
  if (data.roles.length === 0) doc.font('body').fontSize(11).text('Không có.');
  for (const r of data.roles) field(r.organisation, `${r.role} (từ ${r.grantedAt})`);
  heading('Chuyển sinh hoạt');
  if (data.transfers.length === 0) doc.font('body').fontSize(11).text('Không có.');
  for (const t of data.transfers) field(t.at, `${t.kind}${t.note ? ` — ${t.note}` : ''}`);
  heading('Phiên đăng nhập');
  for (const s of data.sessions) field(s.lastSeenAt, `${s.ip} — ${s.userAgent}`);
  heading(`Hoạt động gần đây (${data.activity.length})`);
  for (const a of data.activity.slice(0, 200)) field(a.at, `${a.action} (${a.entityType})`);
  doc.end();
  return done;
}
