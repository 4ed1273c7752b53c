// Stable error codes of the reporting domain. The platform's single error list can import this table;
// `status` is the HTTP status the code should map to, `vi`/`en` the generic messages. Domain functions
// return a more specific Vietnamese message (naming the indicator, the rule, the period) in `message`.

export const REPORT_ERROR_CODES = {
  REPORT_VALUE_TYPE: { status: 422, vi: 'Giá trị không đúng kiểu dữ liệu.', en: 'Value has the wrong type.' },
  REPORT_VALUE_RANGE: { status: 422, vi: 'Giá trị nằm ngoài khoảng cho phép.', en: 'Value is out of range.' },
  REPORT_VALUE_TOO_LONG: { status: 422, vi: 'Nội dung quá dài.', en: 'Text is too long.' },
  REPORT_VALUE_COMBO: {
    status: 422,
    vi: 'Phân tổ không hợp lệ cho chỉ tiêu này.',
    en: 'Invalid disaggregation for this indicator.',
  },
  REPORT_VALUE_NOT_ENTERABLE: {
    status: 422,
    vi: 'Chỉ tiêu này được tính tự động, không nhập trực tiếp.',
    en: 'This indicator is computed and cannot be entered.',
  },
  REPORT_UNKNOWN_INDICATOR: { status: 422, vi: 'Không có chỉ tiêu này.', en: 'Unknown indicator.' },
  REPORT_CATALOGUE_INVALID: {
    status: 422,
    vi: 'Danh mục chỉ tiêu không hợp lệ.',
    en: 'The indicator catalogue is invalid.',
  },
  REPORT_TEMPLATE_INVALID: {
    status: 422,
    vi: 'Mẫu báo cáo không hợp lệ.',
    en: 'The report template is invalid.',
  },
  REPORT_PERIOD_INVALID: { status: 422, vi: 'Kỳ báo cáo không hợp lệ.', en: 'Invalid reporting period.' },
  REPORT_RULE_SYNTAX: {
    status: 422,
    vi: 'Biểu thức kiểm tra không hợp lệ.',
    en: 'The validation expression is invalid.',
  },
  REPORT_LOCKED: { status: 409, vi: 'Báo cáo đã bị khóa.', en: 'The report is locked.' },
  REPORT_NOT_SUBMITTABLE: {
    status: 409,
    vi: 'Báo cáo không ở trạng thái có thể gửi.',
    en: 'The report cannot be submitted in its current state.',
  },
  REPORT_NOT_REVIEWABLE: {
    status: 409,
    vi: 'Báo cáo không ở trạng thái chờ duyệt.',
    en: 'The report is not awaiting review.',
  },
  REPORT_NOT_EDITABLE: {
    status: 409,
    vi: 'Báo cáo không ở trạng thái có thể sửa.',
    en: 'The report cannot be edited in its current state.',
  },
  REPORT_NOT_REOPENABLE: {
    status: 409,
    vi: 'Chỉ mở lại được báo cáo đã duyệt.',
    en: 'Only an approved report can be reopened.',
  },
  REPORT_PERIOD_NOT_OPEN: {
    status: 409,
    vi: 'Kỳ báo cáo chưa bắt đầu.',
    en: 'The reporting period has not started.',
  },
  REPORT_COMMENT_REQUIRED: { status: 422, vi: 'Cần ghi ý kiến.', en: 'A comment is required.' },
  REPORT_INCOMPLETE: {
    status: 422,
    vi: 'Báo cáo còn thiếu số liệu bắt buộc.',
    en: 'Required values are missing.',
  },
  REPORT_VALIDATION_FAILED: {
    status: 422,
    vi: 'Số liệu vi phạm quy tắc kiểm tra.',
    en: 'Values break a validation rule.',
  },
  REPORT_EXCEPTION_INVALID: {
    status: 422,
    vi: 'Thời hạn mở khóa ngoại lệ không hợp lệ.',
    en: 'Invalid exception period.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ReportErrorCode = keyof typeof REPORT_ERROR_CODES;

export interface ReportError {
  code: ReportErrorCode;
  /** Specific Vietnamese message, suitable to show to the user as is. */
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ReportError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(
  code: ReportErrorCode,
  message: string = REPORT_ERROR_CODES[code].vi,
  details?: Record<string, unknown>,
): Result<T> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}
