import ExcelJS from 'exceljs';
import type { ChildFigures } from './queries.ts';
import type { Figures } from './figures.ts';
import { DEFINITIONS } from './figures.ts';

const pct = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);

const COLUMNS: Array<{ header: string; value: (f: Figures) => string | number; width: number }> = [
  { header: 'Số chi bộ', value: (f) => f.branches, width: 10 },
  { header: 'Sinh hoạt thường kỳ (%)', value: (f) => pct(f.regularRate), width: 14 },
  { header: 'Chuyên đề (cuộc)', value: (f) => f.themedHeld, width: 12 },
  { header: 'Tài liệu trước 1 ngày (%)', value: (f) => pct(f.materialsEarlyRate), width: 14 },
  { header: 'Dự họp (%)', value: (f) => pct(f.attendanceRate), width: 10 },
  { header: 'Đọc tài liệu trước (%)', value: (f) => pct(f.openedBeforeRate), width: 14 },
  { header: 'Ý kiến / đảng viên', value: (f) => f.commentsPerMember ?? '', width: 12 },
  { header: 'Tham gia biểu quyết (%)', value: (f) => pct(f.voteParticipation), width: 14 },
  { header: 'Thời lượng TB (phút)', value: (f) => f.avgDurationMinutes ?? '', width: 12 },
  { header: 'Điểm chất lượng (%)', value: (f) => f.quality ?? '', width: 12 },
  { header: 'Nhiệm vụ đúng hạn', value: (f) => f.tasksOnTime, width: 12 },
  { header: 'Nhiệm vụ quá hạn', value: (f) => f.tasksOverdue, width: 12 },
  { header: 'Dùng ứng dụng 30 ngày (%)', value: (f) => pct(f.activeRate), width: 14 },
  { header: 'Chậm', value: (f) => (f.lagging ? 'Có' : ''), width: 8 },
];

/** The supervision table as a workbook: the figures sheet and the definitions sheet. */
export async function supervisionWorkbook(
  title: string,
  total: Figures,
  children: readonly ChildFigures[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ tay Đảng viên';
  const ws = wb.addWorksheet('Giám sát');
  ws.addRow([title]).font = { bold: true, size: 14 };
  const header = ws.addRow(['Tổ chức đảng', ...COLUMNS.map((c) => c.header)]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(1).width = 36;
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 2).width = c.width));
  for (const ch of children) ws.addRow([ch.name, ...COLUMNS.map((c) => c.value(ch.figures))]);
  ws.addRow(['Toàn đảng bộ', ...COLUMNS.map((c) => c.value(total))]).font = { bold: true };
  const defs = wb.addWorksheet('Định nghĩa');
  defs.getColumn(1).width = 24;
  defs.getColumn(2).width = 100;
  for (const [k, v] of Object.entries(DEFINITIONS)) defs.addRow([k, v]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
