import { AppError, registerErrors, type ErrorDetail } from '../../platform/errors.ts';
import { REPORT_ERROR_CODES, type ReportError } from './domain/index.ts';

registerErrors(REPORT_ERROR_CODES);
registerErrors({
  REPORT_NOT_ASSIGNED: {
    status: 422,
    vi: 'Tổ chức này không được giao mẫu báo cáo cho kỳ này.',
    en: 'This organisation is not assigned this report for the period.',
  },
  REPORT_CELLS_INVALID: {
    status: 422,
    vi: 'Có ô số liệu không hợp lệ; chưa lưu gì.',
    en: 'Some values are invalid; nothing was saved.',
  },
  REPORT_SHEET_INVALID: {
    status: 422,
    vi: 'Tệp Excel không đúng mẫu; chưa lưu gì.',
    en: 'The spreadsheet does not match the template; nothing was saved.',
  },
  REPORT_INDICATOR_EXISTS: { status: 409, vi: 'Mã chỉ tiêu đã có.', en: 'Indicator code already exists.' },
  REPORT_INDICATOR_IN_USE: {
    status: 409,
    vi: 'Chỉ tiêu đang được dùng trong mẫu hoặc số liệu nên không thể đổi kiểu hay xóa.',
    en: 'The indicator is in use.',
  },
  REPORT_TEMPLATE_EXISTS: { status: 409, vi: 'Mã mẫu báo cáo đã có.', en: 'Template code already exists.' },
  REPORT_ASSIGNMENT_INVALID: {
    status: 422,
    vi: 'Phân công báo cáo không hợp lệ.',
    en: 'Invalid report assignment.',
  },
});

/** A domain refusal as an HTTP error, keeping its specific Vietnamese message and listing what broke. */
export function reportError(error: ReportError): AppError {
  const d = error.details ?? {};
  const details: ErrorDetail[] = [];
  if (Array.isArray(d.missing)) {
    for (const m of d.missing as Array<{ key: string; label: string }>)
      details.push({ field: m.key, code: 'REPORT_INCOMPLETE', message: `Chưa nhập: ${m.label}` });
  } else if (Array.isArray(d.violations) || Array.isArray(d.warnings)) {
    const list = (d.violations ?? d.warnings) as Array<{ rule: string; message: string; values: object }>;
    for (const v of list) details.push({ field: Object.keys(v.values)[0], code: v.rule, message: v.message });
  } else if (Array.isArray(d.ruleProblems)) {
    for (const p of d.ruleProblems as Array<{ index: number; field: string; message: string }>)
      details.push({ field: `rules.${p.index}.${p.field}`, code: error.code, message: p.message });
  } else if (Array.isArray(d.problems)) {
    for (const p of d.problems as string[]) details.push({ code: error.code, message: p });
  } else if (typeof d.indicator === 'string') {
    details.push({ field: d.indicator, code: error.code, message: error.message });
  }
  return new AppError(error.code, { message: error.message, details });
}

export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: ReportError }): T {
  if (!result.ok) throw reportError(result.error);
  return result.value;
}
