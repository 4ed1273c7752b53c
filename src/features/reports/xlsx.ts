// Excel: a pre-filled sheet per report that comes back with the same checks, and exports of the views.
// An uploaded sheet is read strictly: one sheet, the header where we put it, no formulas, each row's
// code unchanged. Anything else is reported by cell and nothing is saved.

import ExcelJS from 'exceljs';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import type { CompletenessSummary } from './domain/index.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEET_NAME = 'Báo cáo';
export const HEADER = ['Mã', 'Chỉ tiêu', 'Phân tổ', 'Đơn vị', 'Giá trị'] as const;
const HEADER_ROW = 5;
const ID_CELL = 'B3';
const COLS = ['A', 'B', 'C', 'D', 'E'];

export interface SheetLine {
  /** Value key ("DV_MOI[nu]") or text item code. */
  key: string;
  label: string;
  combo: string;
  unit: string;
  value: string | number | null;
  required: boolean;
  kind: 'indicator' | 'text' | 'computed';
}

export async function writeReportSheet(input: {
  reportId: string;
  title: string;
  orgName: string;
  periodLabel: string;
  lines: SheetLine[];
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ tay';
  const ws = wb.addWorksheet(SHEET_NAME);
  ws.getCell('A1').value = input.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value = `${input.orgName} — ${input.periodLabel}`;
  ws.getCell('A3').value = 'Mã báo cáo';
  ws.getCell(ID_CELL).value = input.reportId;
  ws.getCell('A4').value =
    'Chỉ nhập vào cột “Giá trị”. Không thêm, xóa hay di chuyển cột, không dùng công thức, không thêm trang tính.';
  ws.getRow(HEADER_ROW).values = [...HEADER];
  ws.getRow(HEADER_ROW).font = { bold: true };
  ws.columns = [{ width: 22 }, { width: 48 }, { width: 22 }, { width: 12 }, { width: 18 }];
  input.lines.forEach((line, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    row.values = [
      line.key,
      line.required ? `${line.label} (*)` : line.label,
      line.combo,
      line.unit,
      line.value ?? null,
    ];
    if (line.kind === 'computed') row.getCell(5).font = { italic: true, color: { argb: 'FF666666' } };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function problem(row: number, column: string, message: string, code = 'REPORT_SHEET_INVALID'): ErrorDetail {
  return { row, column, field: `${column}${row}`, code, message };
}

function plain(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

export interface ReadSheet {
  values: Record<string, unknown>;
  texts: Record<string, string>;
  /** Row of each key, to point a value problem at its cell. */
  rowOf: Map<string, number>;
}

/** Reads an uploaded report sheet; throws REPORT_SHEET_INVALID with every problem by cell. */
export async function readReportSheet(
  bytes: Buffer,
  expected: { reportId: string; lines: SheetLine[] },
): Promise<ReadSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('REPORT_SHEET_INVALID', { message: 'Không đọc được tệp Excel (.xlsx).' });
  }
  const problems: ErrorDetail[] = [];
  const sheets = wb.worksheets;
  if (sheets.length !== 1 || sheets[0]?.name !== SHEET_NAME) {
    throw new AppError('REPORT_SHEET_INVALID', {
      message: `Tệp phải có đúng một trang tính “${SHEET_NAME}” (đang có ${sheets.length}: ${sheets.map((s) => s.name).join(', ')}).`,
      details: sheets
        .filter((s) => s.name !== SHEET_NAME)
        .map((s) => ({ code: 'REPORT_SHEET_EXTRA', message: `Trang tính thừa “${s.name}”.` })),
    });
  }
  const ws = sheets[0] as ExcelJS.Worksheet;
  // Formulas anywhere are refused: the value a formula shows was computed by the user's program, not checked.
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Formula) {
        problems.push(
          problem(
            r,
            COLS[c - 1] ?? String(c),
            `Ô ${cell.address} chứa công thức; hãy nhập số trực tiếp.`,
            'REPORT_SHEET_FORMULA',
          ),
        );
      }
    });
  });
  if (plain(ws.getCell(ID_CELL).value) !== expected.reportId) {
    problems.push(problem(3, 'B', 'Tệp này là của một báo cáo khác; hãy tải mẫu của đúng báo cáo này.'));
  }
  HEADER.forEach((h, i) => {
    const got = plain(ws.getRow(HEADER_ROW).getCell(i + 1).value).trim();
    if (got !== h)
      problems.push(
        problem(
          HEADER_ROW,
          COLS[i] as string,
          `Cột ${COLS[i]} phải là “${h}” (đang là “${got}”); không di chuyển cột.`,
          'REPORT_SHEET_COLUMNS',
        ),
      );
  });
  const extraCol = ws.getRow(HEADER_ROW).getCell(HEADER.length + 1).value;
  if (extraCol !== null && extraCol !== undefined)
    problems.push(problem(HEADER_ROW, 'F', 'Không thêm cột vào mẫu.', 'REPORT_SHEET_COLUMNS'));
  if (problems.length > 0) throw sheetError(problems);

  const lines = new Map(expected.lines.map((l) => [l.key, l]));
  const out: ReadSheet = { values: {}, texts: {}, rowOf: new Map() };
  const lastRow = Math.max(ws.rowCount, HEADER_ROW + expected.lines.length);
  for (let r = HEADER_ROW + 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const key = plain(row.getCell(1).value).trim();
    const cell = row.getCell(5);
    const raw = cell.value;
    const hasValue = raw !== null && raw !== undefined && plain(raw).trim() !== '';
    for (let c = 6; c <= Math.max(6, row.cellCount); c++) {
      const v = row.getCell(c).value;
      if (v !== null && v !== undefined && plain(v) !== '')
        problems.push(
          problem(r, COLS[c - 1] ?? `cột ${c}`, 'Dữ liệu nằm ngoài cột “Giá trị”.', 'REPORT_SHEET_COLUMNS'),
        );
    }
    if (key === '') {
      if (hasValue) problems.push(problem(r, 'E', 'Giá trị ở dòng không có mã chỉ tiêu.'));
      continue;
    }
    const line = lines.get(key);
    if (!line) {
      problems.push(problem(r, 'A', `Mã “${key}” không có trong mẫu báo cáo; không thêm hay sửa mã.`));
      continue;
    }
    if (out.rowOf.has(key)) {
      problems.push(problem(r, 'A', `Mã “${key}” xuất hiện hai lần.`));
      continue;
    }
    out.rowOf.set(key, r);
    if (line.kind === 'computed') continue;
    if (raw instanceof Date) {
      problems.push(
        problem(
          r,
          'E',
          `Ô ${cell.address} là ngày tháng, không phải giá trị của «${line.label}».`,
          'REPORT_VALUE_TYPE',
        ),
      );
      continue;
    }
    if (typeof raw === 'object' && raw !== null && !('richText' in raw)) {
      // Formulas were refused above; hyperlinks, errors and the like are not values.
      problems.push(problem(r, 'E', `Ô ${cell.address} không chứa giá trị hợp lệ.`, 'REPORT_VALUE_TYPE'));
      continue;
    }
    const value = typeof raw === 'number' || typeof raw === 'boolean' ? raw : plain(raw);
    if (line.kind === 'text') out.texts[key] = String(value);
    else out.values[key] = value === '' ? null : value;
  }
  if (problems.length > 0) throw sheetError(problems);
  return out;
}

function sheetError(details: ErrorDetail[]): AppError {
  return new AppError('REPORT_SHEET_INVALID', {
    message: `Tệp Excel có ${details.length} lỗi; chưa lưu gì. ${details
      .slice(0, 5)
      .map((d) => `${d.field}: ${d.message}`)
      .join(' ')}`,
    details,
  });
}

/** Points value problems (reported by key) at their cells in the uploaded sheet. */
export function cellsOf(err: AppError, rowOf: Map<string, number>): AppError {
  const details = err.details.map((d) => {
    const row = d.field ? rowOf.get(d.field) : undefined;
    return row ? { ...d, row, column: 'E', field: `E${row}`, message: `Ô E${row}: ${d.message}` } : d;
  });
  return new AppError(err.code, { message: err.message, details });
}

export async function writeTotalsSheet(view: {
  org: { name: string };
  rows: Array<{ id: string; name: string }>;
  periods: Array<{ id: string; label: string }>;
  indicators: Array<{ code: string; name: string; unit: string | null }>;
  cells: Array<{ orgId: string; period: string; indicator: string; combo: string; value: number | null }>;
}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const orgs = [{ id: '', name: view.org.name }, ...view.rows];
  const selfId = (view as { org: { id?: string } }).org.id ?? '';
  const byKey = new Map(
    view.cells.filter((c) => c.combo === '').map((c) => [`${c.orgId}|${c.period}|${c.indicator}`, c.value]),
  );
  for (const ind of view.indicators) {
    const ws = wb.addWorksheet(ind.code.slice(0, 31));
    ws.getCell('A1').value = `${ind.name}${ind.unit ? ` (${ind.unit})` : ''} — ${view.org.name}`;
    ws.getCell('A1').font = { bold: true };
    ws.getRow(3).values = ['Tổ chức', ...view.periods.map((p) => p.label)];
    ws.getRow(3).font = { bold: true };
    ws.getColumn(1).width = 40;
    orgs.forEach((o, i) => {
      const id = o.id === '' ? selfId : o.id;
      ws.getRow(4 + i).values = [
        o.id === '' ? `Toàn ${o.name}` : o.name,
        ...view.periods.map((p) => byKey.get(`${id}|${p.id}|${ind.code}`) ?? null),
      ];
    });
  }
  if (view.indicators.length === 0) wb.addWorksheet('Trống');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeCompletenessSheet(
  orgName: string,
  periodLabel: string,
  s: CompletenessSummary,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tình hình báo cáo');
  ws.getCell('A1').value = `Tình hình gửi báo cáo — ${orgName} — ${periodLabel}`;
  ws.getCell('A1').font = { bold: true };
  ws.getRow(3).values = [
    'Đơn vị',
    'Phải gửi',
    'Đã gửi',
    'Đúng hạn',
    'Muộn',
    'Chưa gửi (quá hạn)',
    'Chưa đến hạn',
    'Đã duyệt',
    'Trả lại',
  ];
  ws.getRow(3).font = { bold: true };
  ws.getColumn(1).width = 40;
  const rows = [{ name: `Toàn ${orgName}`, ...s }, ...s.byChild];
  rows.forEach((c, i) => {
    ws.getRow(4 + i).values = [
      c.name,
      c.expected,
      c.submitted,
      c.onTime,
      c.late,
      c.missing,
      c.notDue,
      c.approved,
      c.returned,
    ];
  });
  const list = wb.addWorksheet('Chưa gửi, gửi muộn');
  list.getRow(1).values = ['Đơn vị', 'Tình trạng'];
  list.getColumn(1).width = 40;
  [
    ...s.missingOrgs.map((o) => [o.name, 'Chưa gửi (quá hạn)']),
    ...s.lateOrgs.map((o) => [o.name, 'Gửi muộn']),
  ].forEach((r, i) => (list.getRow(2 + i).values = r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
