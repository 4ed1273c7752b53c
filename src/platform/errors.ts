/**
 * One list of error codes → HTTP status and messages. Features add their own codes with `registerErrors` in
 * their own `errors.ts`, so the codes stay stable and every message is written once, in Vietnamese first.
 */
export interface ErrorSpec {
  status: number;
  vi: string;
  en: string;
}

export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  code?: string;
  message: string;
}

const registry = new Map<string, ErrorSpec>();

export function registerErrors(specs: Record<string, ErrorSpec>): void {
  for (const [code, spec] of Object.entries(specs)) {
    const existing = registry.get(code);
    if (existing && (existing.status !== spec.status || existing.vi !== spec.vi)) {
      throw new Error(`error code ${code} registered twice with different meaning`);
    }
    registry.set(code, spec);
  }
}

export function errorSpec(code: string): ErrorSpec | undefined {
  return registry.get(code);
}

export function allErrorCodes(): string[] {
  return [...registry.keys()].sort();
}

registerErrors({
  INTERNAL: { status: 500, vi: 'Đã có lỗi xảy ra. Vui lòng thử lại sau.', en: 'Something went wrong.' },
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The request is not valid.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy nội dung yêu cầu.', en: 'Not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có chức năng này.', en: 'No such endpoint.' },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  CONFLICT: { status: 409, vi: 'Dữ liệu đã bị thay đổi bởi người khác. Vui lòng tải lại.', en: 'Conflict.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'Payload too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Định dạng dữ liệu không được hỗ trợ.',
    en: 'Unsupported media type.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau.',
    en: 'Too many requests.',
  },
  CSRF_REJECTED: {
    status: 403,
    vi: 'Yêu cầu bị từ chối vì không đến từ ứng dụng Sổ tay.',
    en: 'Request rejected: missing client header.',
  },
  AUTH_REQUIRED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please log in.' },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong login or password.',
  },
  AUTH_THROTTLED: {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.',
    en: 'Too many failed attempts. Try again in a few minutes.',
  },
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    en: 'You must change your password first.',
  },
  PASSWORD_TOO_WEAK: {
    status: 422,
    vi: 'Mật khẩu mới quá yếu: cần ít nhất 8 ký tự, không trùng mật khẩu cũ và không nằm trong danh sách mật khẩu phổ biến.',
    en: 'The new password is too weak.',
  },
  UPLOAD_REQUIRED: { status: 400, vi: 'Vui lòng chọn tệp để tải lên.', en: 'Please choose a file.' },
  UPLOAD_TOO_LARGE: { status: 413, vi: 'Tệp quá lớn.', en: 'The file is too large.' },
  UPLOAD_TYPE_NOT_ALLOWED: {
    status: 415,
    vi: 'Loại tệp này không được phép.',
    en: 'This file type is not allowed.',
  },
  UPLOAD_CONTENT_MISMATCH: {
    status: 415,
    vi: 'Nội dung tệp không khớp với đuôi tệp.',
    en: 'The file content does not match its extension.',
  },
});

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetail[];

  constructor(code: string, options: { message?: string; details?: ErrorDetail[]; cause?: unknown } = {}) {
    const spec = registry.get(code);
    if (!spec) throw new Error(`unknown error code ${code}`);
    super(options.message ?? spec.vi, { cause: options.cause });
    this.code = code;
    this.status = spec.status;
    this.details = options.details ?? [];
  }
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND');
}

export function forbidden(): AppError {
  return new AppError('FORBIDDEN');
}

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

export function errorBody(err: AppError): ErrorBody {
  return { error: { code: err.code, message: err.message, details: err.details } };
}
