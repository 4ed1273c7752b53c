import type { ErrorDetail } from '../errors.ts';

// Upload errors carry a stable code; the central error list maps these codes to HTTP responses.
export type FileErrorCode = 'UPLOAD_TOO_LARGE' | 'UPLOAD_TYPE_NOT_ALLOWED' | 'UPLOAD_CONTENT_MISMATCH';

// Same statuses as the central list in src/platform/errors.ts.
const STATUS: Record<FileErrorCode, number> = {
  UPLOAD_TOO_LARGE: 413,
  UPLOAD_TYPE_NOT_ALLOWED: 415,
  UPLOAD_CONTENT_MISMATCH: 415,
};

export class FileError extends Error {
  readonly code: FileErrorCode;
  readonly status: number;
  /** In the shape of the standard error body: one entry for the uploaded file field. */
  readonly details: ErrorDetail[];
  /** Machine-readable facts behind the message (sizes, kinds), for logs and callers. */
  readonly info: Record<string, unknown>;

  constructor(code: FileErrorCode, message: string, info: Record<string, unknown> = {}, field = 'file') {
    super(message);
    this.name = 'FileError';
    this.code = code;
    this.status = STATUS[code];
    this.details = [{ field, code, message }];
    this.info = info;
  }
}

export function isFileError(value: unknown): value is FileError {
  return value instanceof FileError;
}
