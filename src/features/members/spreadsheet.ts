import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../../platform/errors.ts';
import { fold } from '../../text/fold.ts';
import { FIELD_LABELS, type MemberInput, type RawMember } from './input.ts';
import { GENDER_VI, KIND_VI, STATUS_VI } from './fields.ts';
import type { Member } from './queries.ts';

export const MAX_IMPORT_ROWS = 5000;
const FIELDS = Object.keys(FIELD_LABELS) as Array<keyof MemberInput>;
const REQUIRED: Array<keyof MemberInput> = ['fullName'];

/** Header cells are matched by folded text, so "Ho va ten", "HỌ VÀ TÊN" and "Họ và tên" all work. */
const HEADER_ALIASES: Record<string, keyof MemberInput> = Object.fromEntries([
  ...FIELDS.map((f) => [fold(FIELD_LABELS[f]), f] as const),
  ['ho ten', 'fullName'],
  ['so dt', 'phone'],
  ['dien thoai', 'phone'],
  ['so the', 'cardNumber'],
  ['so the dang vien', 'cardNumber'],
  ['loai dang vien', 'kind'],
  ['ngay vao dang', 'admittedOn'],
  ['ngay chinh thuc', 'fullMemberOn'],
]);

export interface SheetRow {
  /** 1-based row number as the user sees it in the spreadsheet. */
  row: number;
  raw: RawMember;
}

function mapHeader(cells: unknown[]): Map<number, keyof MemberInput> {
  const map = new Map<number, keyof MemberInput>();
  cells.forEach((c, i) => {
    const f =
      HEADER_ALIASES[
        fold(String(c ?? ''))
          .replace(/\s+/g, ' ')
          .trim()
      ];
    if (f) map.set(i, f);
  });
  const found = new Set(map.values());
  const missing = REQUIRED.filter((f) => !found.has(f));
  if (missing.length > 0) {
    throw new AppError('IMPORT_MISSING_COLUMNS', {
      details: missing.map((f) => ({
        row: 1,
        column: FIELD_LABELS[f],
        message: `Thiếu cột "${FIELD_LABELS[f]}" ở dòng tiêu đề.`,
      })),
    });
  }
  return map;
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return (v as { result?: unknown }).result ?? null;
    if ('richText' in v)
      return (v as { richText: Array<{ text: string }> }).richText.map((t) => t.text).join('');
    if ('text' in v) return (v as { text: string }).text;
    return null;
  }
  return v;
}

function isHeader(cells: unknown[]): boolean {
  return cells.some(
    (c) =>
      HEADER_ALIASES[
        fold(String(c ?? ''))
          .replace(/\s+/g, ' ')
          .trim()
      ] === 'fullName',
  );
}

/** `numbered` holds [row number, cells]; the header is the first of the first ten rows naming "Họ và tên". */
function toRows(numbered: Array<[number, unknown[]]>): SheetRow[] {
  const headerAt = numbered.slice(0, 10).findIndex(([, cells]) => isHeader(cells));
  const map = mapHeader(headerAt >= 0 ? numbered[headerAt]![1] : (numbered[0]?.[1] ?? []));
  const rows: SheetRow[] = [];
  for (const [n, cells] of numbered.slice(headerAt + 1)) {
    if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
    const raw: RawMember = {};
    map.forEach((field, col) => {
      raw[field] = cells[col] ?? null;
    });
    rows.push({ row: n, raw });
    if (rows.length > MAX_IMPORT_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS');
  }
  return rows;
}

export async function readMemberSheet(bytes: Buffer, fileName: string): Promise<SheetRow[]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) {
    let records: string[][];
    try {
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
      const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
      records = parseCsv(text, {
        relax_column_count: true,
        skip_empty_lines: false,
        delimiter,
      }) as string[][];
    } catch {
      throw new AppError('IMPORT_BAD_FILE');
    }
    return toRows(records.map((r, i) => [i + 1, r]));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_BAD_FILE');
  }
  // The members are on the first worksheet; other sheets (instructions, lists) are ignored.
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('IMPORT_BAD_FILE');
  const numbered: Array<[number, unknown[]]> = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (numbered.length > MAX_IMPORT_ROWS + 20) return;
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    numbered.push([n, cells]);
  });
  if (numbered.length === 0) throw new AppError('IMPORT_BAD_FILE');
  return toRows(numbered);
}

export async function writeMemberSheet(members: Member[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ tay Đảng viên';
  const ws = wb.addWorksheet('Đảng viên');
  ws.addRow([title]).font = { bold: true, size: 14 };
  const header = ['STT', ...FIELDS.map((f) => FIELD_LABELS[f]), 'Chi bộ'];
  const h = ws.addRow(header);
  h.font = { bold: true };
  members.forEach((m, i) => {
    ws.addRow([
      i + 1,
      m.fullName,
      m.gender ? GENDER_VI[m.gender] : '',
      m.birthDate ?? '',
      m.phone ?? '',
      m.cardNumber ?? '',
      m.admittedOn ?? '',
      m.fullMemberOn ?? '',
      KIND_VI[m.kind],
      STATUS_VI[m.status],
      m.position ?? '',
      m.orgName,
    ]);
  });
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 6 : i === 1 ? 28 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
