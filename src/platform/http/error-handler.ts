import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody, errorSpec, type ErrorBody, type ErrorDetail } from '../errors.ts';

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

const KEYWORD_VI: Record<string, string> = {
  required: 'Thiếu trường bắt buộc',
  type: 'Sai kiểu dữ liệu',
  minLength: 'Quá ngắn',
  maxLength: 'Quá dài',
  minimum: 'Nhỏ hơn giá trị cho phép',
  maximum: 'Lớn hơn giá trị cho phép',
  pattern: 'Sai định dạng',
  format: 'Sai định dạng',
  enum: 'Giá trị không nằm trong danh sách cho phép',
  additionalProperties: 'Có trường không được phép',
  minItems: 'Quá ít phần tử',
  maxItems: 'Quá nhiều phần tử',
};

function validationDetails(issues: ValidationIssue[], part: string | undefined): ErrorDetail[] {
  return issues.slice(0, 20).map((v) => {
    const missing = typeof v.params?.missingProperty === 'string' ? `/${v.params.missingProperty}` : '';
    const extra = typeof v.params?.additionalProperty === 'string' ? `/${v.params.additionalProperty}` : '';
    const field = `${part ?? 'body'}${v.instancePath ?? ''}${missing}${extra}`;
    const keyword = v.keyword ?? 'invalid';
    return { field, code: keyword, message: `${KEYWORD_VI[keyword] ?? 'Không hợp lệ'}: ${field}` };
  });
}

/** Maps every error to the standard shape; unknown errors are logged and hidden behind INTERNAL. */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (e && Array.isArray(e.validation)) {
    return new AppError('VALIDATION_FAILED', {
      details: validationDetails(e.validation, e.validationContext),
    });
  }
  switch (e?.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return new AppError('UPLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('VALIDATION_FAILED', { details: [{ message: 'Nội dung JSON không hợp lệ.' }] });
  }
  if (e instanceof SyntaxError && (e as { statusCode?: number }).statusCode === 400) {
    return new AppError('VALIDATION_FAILED', { details: [{ message: 'Nội dung JSON không hợp lệ.' }] });
  }
  // Errors from shared modules (files, text) carry a registered code of their own.
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && errorSpec(code)) {
    const details = (err as { details?: ErrorDetail[] }).details;
    return new AppError(code, { details: Array.isArray(details) ? details : [] });
  }
  const status = (err as { statusCode?: number })?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 404) return new AppError('NOT_FOUND');
    if (status === 413) return new AppError('PAYLOAD_TOO_LARGE');
    if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
    if (status === 429) return new AppError('RATE_LIMITED');
    return new AppError('VALIDATION_FAILED');
  }
  return null;
}

/** Vietnamese unless the client prefers English over Vietnamese in Accept-Language. */
export function preferredLocale(header: string | string[] | undefined): 'vi' | 'en' {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { locale: 'vi' | 'en'; q: number } = { locale: 'vi', q: 0 };
  for (const part of raw.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    const base = tag.split('-')[0];
    if ((base === 'vi' || base === 'en') && q > best.q) best = { locale: base, q };
  }
  return best.locale;
}

/** The error body in the caller's language; a message written for one occasion stays as written. */
export function localisedBody(err: AppError, req: FastifyRequest): ErrorBody {
  const body = errorBody(err);
  const spec = errorSpec(err.code);
  if (spec && err.message === spec.vi && preferredLocale(req.headers['accept-language']) === 'en') {
    body.error.message = spec.en;
  }
  return body;
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const app = toAppError(err);
  if (app) {
    if (app.status >= 500) req.log.error({ err }, 'request failed');
    void reply.status(app.status).send(localisedBody(app, req));
    return;
  }
  req.log.error({ err }, 'unhandled error');
  void reply.status(500).send(localisedBody(new AppError('INTERNAL'), req));
}
