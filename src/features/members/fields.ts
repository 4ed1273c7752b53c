import type { Gender, MemberKind, MemberStatus } from './tables.ts';

/** Field parsing shared by the API and the spreadsheet import; messages say what is wrong in Vietnamese. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = <T>(message: string): FieldResult<T> => ({ ok: false, message });

export function parsePhone(raw: string | null | undefined): FieldResult<string | null> {
  if (raw === null || raw === undefined || String(raw).trim() === '') return ok(null);
  let s = String(raw).replace(/[\s.\-()]/g, '');
  if (s.startsWith('+84')) s = '0' + s.slice(3);
  else if (s.startsWith('84') && s.length === 11) s = '0' + s.slice(2);
  if (!/^0\d{9}$/.test(s)) return bad('Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912345678).');
  return ok(s);
}

export function parseCardNumber(raw: string | null | undefined): FieldResult<string | null> {
  if (raw === null || raw === undefined || String(raw).trim() === '') return ok(null);
  const s = String(raw).trim().toUpperCase().replace(/\s+/g, '');
  if (!/^[0-9A-Z.\-/]{4,20}$/.test(s))
    return bad('Số thẻ đảng chỉ gồm chữ số và chữ cái, từ 4 đến 20 ký tự.');
  return ok(s);
}

function isoDate(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/** Accepts 2026-11-22, 22/11/2026, 22-11-2026 and spreadsheet dates. */
export function parseDate(raw: unknown, label: string): FieldResult<string | null> {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return ok(null);
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) return ok(raw.toISOString().slice(0, 10));
  const s = String(raw).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let iso: string | null = null;
  if (m) iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  if (!iso) return bad(`${label} không đúng định dạng ngày/tháng/năm (ví dụ 19/11/1960) hoặc không có thật.`);
  if (iso < '1900-01-01' || iso > new Date().toISOString().slice(0, 10)) {
    return bad(`${label} nằm ngoài khoảng hợp lý.`);
  }
  return ok(iso);
}

const GENDERS: Record<string, Gender> = {
  nam: 'male',
  male: 'male',
  nu: 'female',
  nữ: 'female',
  female: 'female',
  khac: 'other',
  khác: 'other',
  other: 'other',
};
const KINDS: Record<string, MemberKind> = {
  full: 'full',
  'chính thức': 'full',
  'chinh thuc': 'full',
  probationary: 'probationary',
  'dự bị': 'probationary',
  'du bi': 'probationary',
};
const STATUSES: Record<string, MemberStatus> = {
  active: 'active',
  'đang sinh hoạt': 'active',
  'dang sinh hoat': 'active',
  working_away: 'working_away',
  'đi làm ăn xa': 'working_away',
  'di lam an xa': 'working_away',
  exempt: 'exempt',
  'miễn sinh hoạt': 'exempt',
  'mien sinh hoat': 'exempt',
  temporarily_transferred: 'temporarily_transferred',
  'chuyển sinh hoạt tạm thời': 'temporarily_transferred',
};

function lookup<T>(
  table: Record<string, T>,
  raw: unknown,
  label: string,
  allowed: string,
): FieldResult<T | null> {
  if (raw === null || raw === undefined || String(raw).trim() === '') return ok(null);
  const v = table[String(raw).normalize('NFC').trim().toLowerCase()];
  return v === undefined ? bad(`${label} phải là một trong: ${allowed}.`) : ok(v);
}

export const parseGender = (raw: unknown) => lookup(GENDERS, raw, 'Giới tính', 'Nam, Nữ, Khác');
export const parseKind = (raw: unknown) => lookup(KINDS, raw, 'Loại đảng viên', 'Chính thức, Dự bị');
export const parseStatus = (raw: unknown) =>
  lookup(
    STATUSES,
    raw,
    'Trạng thái',
    'Đang sinh hoạt, Đi làm ăn xa, Miễn sinh hoạt, Chuyển sinh hoạt tạm thời',
  );

export const KIND_VI: Record<MemberKind, string> = { full: 'Chính thức', probationary: 'Dự bị' };
export const STATUS_VI: Record<MemberStatus, string> = {
  active: 'Đang sinh hoạt',
  working_away: 'Đi làm ăn xa',
  exempt: 'Miễn sinh hoạt',
  temporarily_transferred: 'Chuyển sinh hoạt tạm thời',
};
export const GENDER_VI: Record<Gender, string> = { male: 'Nam', female: 'Nữ', other: 'Khác' };

export function parseName(raw: unknown): FieldResult<string> {
  const s = String(raw ?? '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length < 2) return bad('Họ và tên không được để trống.');
  if (s.length > 120) return bad('Họ và tên quá dài (tối đa 120 ký tự).');
  if (/[0-9<>{}[\]\\|@#$%^*=+_~`]/.test(s)) return bad('Họ và tên chỉ gồm chữ cái và dấu cách.');
  return ok(s);
}
