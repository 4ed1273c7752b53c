import PDFDocument from 'pdfkit';
import type { PersonalData } from './service.ts';
import type { PersonalDataPart } from './registry.ts';

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
/** Long histories (sign-ins, reads, practice) are cut in the readable copy; the JSON file has everything. */
const MAX_ITEMS = 200;
/** Shown in the JSON only: the note's HTML duplicates its text. */
const SKIP = new Set(['html']);

/** Vietnamese names of the parts and fields contributors return; anything missing shows its key. */
const LABELS: Record<string, string> = {
  profile: 'Hồ sơ',
  transfers: 'Chuyển sinh hoạt',
  account: 'Tài khoản',
  roles: 'Vai trò',
  sessions: 'Phiên đăng nhập',
  state: 'Trạng thái',
  entries: 'Bản ghi',
  notes: 'Ghi chép',
  inbox: 'Hộp thư thông báo',
  preferences: 'Tùy chọn',
  pushDevices: 'Thiết bị nhận thông báo đẩy',
  bookmarks: 'Đã đánh dấu',
  reads: 'Đã đọc',
  entered: 'Đã nhập vào thư viện',
  written: 'Đã viết',
  sent: 'Đã gửi',
  received: 'Đã nhận',
  acknowledgedForOrganisation: 'Xác nhận thay tổ chức',
  attendance: 'Điểm danh',
  votes: 'Biểu quyết',
  comments: 'Góp ý',
  materialsOpened: 'Tài liệu đã mở',
  qualityScores: 'Chấm điểm chất lượng',
  handled: 'Đã xử lý',
  steps: 'Bước xử lý',
  answers: 'Câu trả lời',
  created: 'Đã tạo',
  tasks: 'Nhiệm vụ',
  contributing: 'Cùng thực hiện',
  updates: 'Cập nhật tiến độ',
  feed: 'Lịch riêng',
  attempts: 'Bài thi',
  practice: 'Ôn luyện',
  progress: 'Tiến độ',
  assigned: 'Đã giao',
  erasure: 'Xóa dữ liệu',
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  phone: 'Số điện thoại',
  cardNumber: 'Số thẻ đảng',
  admittedOn: 'Ngày vào Đảng',
  fullMemberOn: 'Ngày chính thức',
  kind: 'Loại',
  status: 'Tình trạng',
  position: 'Chức vụ',
  branch: 'Chi bộ',
  login: 'Tên đăng nhập',
  createdAt: 'Tạo lúc',
  updatedAt: 'Cập nhật lúc',
  disabledAt: 'Khóa lúc',
  role: 'Vai trò',
  organisation: 'Tổ chức',
  grantedAt: 'Từ',
  lastSeenAt: 'Dùng lần cuối',
  expiresAt: 'Hết hạn',
  ip: 'Địa chỉ IP',
  userAgent: 'Trình duyệt',
  enabled: 'Đang bật',
  enabledAt: 'Bật lúc',
  recoveryCodesLeft: 'Mã dự phòng còn lại',
  at: 'Lúc',
  action: 'Hành động',
  entityType: 'Đối tượng',
  byMe: 'Do tôi làm',
  title: 'Tiêu đề',
  text: 'Nội dung',
  body: 'Nội dung',
  tags: 'Nhãn',
  quote: 'Trích dẫn',
  link: 'Liên kết',
  url: 'Đường dẫn',
  readAt: 'Đọc lúc',
  document: 'Văn bản',
  news: 'Tin',
  meeting: 'Cuộc họp',
  startsAt: 'Bắt đầu',
  mark: 'Điểm danh',
  reason: 'Lý do',
  remote: 'Dự trực tuyến',
  motion: 'Nội dung biểu quyết',
  choice: 'Lựa chọn',
  answer: 'Trả lời',
  chair: 'Chủ trì',
  minuteTaker: 'Thư ký',
  createdByMe: 'Do tôi tạo',
  score: 'Điểm',
  total: 'Tổng',
  category: 'Loại',
  confidential: 'Bảo mật',
  answeredAt: 'Trả lời lúc',
  myReply: 'Ý kiến của tôi về trả lời',
  myRating: 'Đánh giá của tôi',
  consultation: 'Dự thảo',
  question: 'Câu hỏi',
  value: 'Trả lời',
  deadline: 'Hạn',
  owner: 'Chủ trì',
  completedOn: 'Hoàn thành ngày',
  task: 'Nhiệm vụ',
  note: 'Ghi chú',
  exists: 'Đã tạo',
  contest: 'Cuộc thi',
  startedAt: 'Bắt đầu',
  finishedAt: 'Kết thúc',
  correct: 'Đúng',
  paragraphsStudied: 'Số đoạn đã học',
  lastAt: 'Lần cuối',
  firstAt: 'Lần đầu',
  openedAt: 'Mở lúc',
  receivedAt: 'Nhận lúc',
  acknowledgedAt: 'Xác nhận lúc',
  from: 'Người gửi',
  direction: 'Chiều',
  erasedAt: 'Xóa lúc',
  purgedAt: 'Xóa hẳn lúc',
  channels: 'Kênh',
  dailyDigest: 'Bản tin hằng ngày',
  digestHour: 'Giờ gửi bản tin',
  service: 'Dịch vụ',
  fromOrgId: 'Từ tổ chức',
  toOrgId: 'Đến tổ chức',
  period: 'Kỳ',
};

const label = (key: string) => LABELS[key] ?? key;

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value === true) return 'có';
  if (value === false) return 'không';
  if (Array.isArray(value)) return value.map(show).join(', ') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function fields(record: Record<string, unknown>): string {
  return Object.entries(record)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => `${label(k)}: ${show(v)}`)
    .join(' · ');
}

/** A readable copy of the personal data, in Vietnamese, with a font that has every diacritic. */
export function personalDataPdf(data: PersonalData): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: 'Dữ liệu cá nhân — Sổ tay' } });
  doc.registerFont('body', `${FONT_DIR}/DejaVuSans.ttf`);
  doc.registerFont('bold', `${FONT_DIR}/DejaVuSans-Bold.ttf`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const text = (s: string) => doc.font('body').fontSize(10.5).text(s, { paragraphGap: 3 });

  const part = (name: string, value: PersonalDataPart) => {
    doc.moveDown(0.3).font('bold').fontSize(11.5).text(label(name));
    if (value === null || (Array.isArray(value) && value.length === 0)) return text('Không có.');
    if (!Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) if (!SKIP.has(k)) text(`${label(k)}: ${show(v)}`);
      return;
    }
    for (const item of value.slice(0, MAX_ITEMS)) text(`• ${fields(item)}`);
    if (value.length > MAX_ITEMS) text(`… và ${value.length - MAX_ITEMS} mục khác (xem tệp JSON).`);
  };

  doc.font('bold').fontSize(18).text('Dữ liệu cá nhân của tôi trên Sổ tay');
  doc.font('body').fontSize(10).text(`Trích xuất lúc ${data.generatedAt}`);
  for (const section of data.sections) {
    doc.moveDown(0.8).font('bold').fontSize(14).text(section.title);
    for (const [name, value] of Object.entries(section.data)) part(name, value);
  }
  doc.end();
  return done;
}
