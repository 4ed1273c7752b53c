// Upload errors carry a stable code; the central error list maps these codes to HTTP responses.
export type FileErrorCode = 'UPLOAD_TOO_LARGE' | 'UPLOAD_TYPE_NOT_ALLOWED' | 'UPLOAD_CONTENT_MISMATCH';

const STATUS: Record<FileErrorCode, number> = {
  UPLOAD_TOO_LARGE: 413,
  UPLOAD_TYPE_NOT_ALLOWED: 415,
  UPLOAD_CONTENT_MISMATCH: 422,
};

export class FileError extends Error {
  readonly code: FileErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(code: FileErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'FileError';
    this.code = code;
    this.status = STATUS[code];
    this.details = details;
  }
}

export function isFileError(value: unknown): value is FileError {
  return value instanceof FileError;
}
