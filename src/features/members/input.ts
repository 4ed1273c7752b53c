import type { ErrorDetail } from '../../platform/errors.ts';
import type { Gender, MemberKind, MemberStatus } from './tables.ts';
import {
  parseCardNumber,
  parseDate,
  parseGender,
  parseKind,
  parseName,
  parsePhone,
  parseStatus,
  type FieldResult,
} from './fields.ts';

export interface MemberInput {
  fullName: string;
  gender: Gender | null;
  birthDate: string | null;
  phone: string | null;
  cardNumber: string | null;
  admittedOn: string | null;
  fullMemberOn: string | null;
  kind: MemberKind;
  status: MemberStatus;
  position: string | null;
}

/** Raw values keyed by field; labels are the Vietnamese column names used in spreadsheets. */
export type RawMember = Partial<Record<keyof MemberInput, unknown>>;

export const FIELD_LABELS: Record<keyof MemberInput, string> = {
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  phone: 'Số điện thoại',
  cardNumber: 'Số thẻ đảng',
  admittedOn: 'Ngày vào Đảng',
  fullMemberOn: 'Ngày chính thức',
  kind: 'Loại',
  status: 'Trạng thái',
  position: 'Chức vụ',
};

export function validateMember(raw: RawMember): { value: MemberInput | null; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  function take<T>(field: keyof MemberInput, r: FieldResult<T>): T | undefined {
    if (r.ok) return r.value;
    errors.push({ field, column: FIELD_LABELS[field], message: r.message });
    return undefined;
  }
  const fullName = take('fullName', parseName(raw.fullName));
  const gender = take('gender', parseGender(raw.gender));
  const birthDate = take('birthDate', parseDate(raw.birthDate, 'Ngày sinh'));
  const phone = take('phone', parsePhone(raw.phone as string | null));
  const cardNumber = take('cardNumber', parseCardNumber(raw.cardNumber as string | null));
  const admittedOn = take('admittedOn', parseDate(raw.admittedOn, 'Ngày vào Đảng'));
  const fullMemberOn = take('fullMemberOn', parseDate(raw.fullMemberOn, 'Ngày chính thức'));
  const kind = take('kind', parseKind(raw.kind)) ?? (fullMemberOn ? 'full' : 'probationary');
  const status = take('status', parseStatus(raw.status)) ?? 'active';
  const position =
    raw.position === null || raw.position === undefined
      ? null
      : String(raw.position).normalize('NFC').trim() || null;
  if (position && position.length > 120)
    errors.push({ field: 'position', column: FIELD_LABELS.position, message: 'Chức vụ quá dài.' });
  if (birthDate && admittedOn && admittedOn < birthDate) {
    errors.push({
      field: 'admittedOn',
      column: FIELD_LABELS.admittedOn,
      message: 'Ngày vào Đảng trước ngày sinh.',
    });
  }
  if (admittedOn && fullMemberOn && fullMemberOn < admittedOn) {
    errors.push({
      field: 'fullMemberOn',
      column: FIELD_LABELS.fullMemberOn,
      message: 'Ngày chính thức phải sau ngày vào Đảng.',
    });
  }
  if (kind === 'probationary' && fullMemberOn) {
    errors.push({
      field: 'kind',
      column: FIELD_LABELS.kind,
      message: 'Đảng viên dự bị chưa có ngày chính thức.',
    });
  }
  if (!phone && !cardNumber && errors.length === 0) {
    errors.push({
      field: 'phone',
      column: FIELD_LABELS.phone,
      message: 'Cần có số điện thoại hoặc số thẻ đảng để đăng nhập.',
    });
  }
  if (errors.length > 0 || fullName === undefined) return { value: null, errors };
  return {
    value: {
      fullName,
      gender: gender ?? null,
      birthDate: birthDate ?? null,
      phone: phone ?? null,
      cardNumber: cardNumber ?? null,
      admittedOn: admittedOn ?? null,
      fullMemberOn: fullMemberOn ?? null,
      kind,
      status,
      position,
    },
    errors,
  };
}
