import { detectFileType } from './detect.ts';
import type { DetectedType } from './detect.ts';
import { FileError } from './errors.ts';
import { KINDS, TEXT_KINDS, extensionOf, kindFromName } from './kinds.ts';
import type { FileKind } from './kinds.ts';

export interface UploadInput {
  bytes: Uint8Array;
  /** The file name the user's device reported. */
  name: string;
  allowed: readonly FileKind[];
  maxBytes: number;
}

export interface CheckedUpload extends DetectedType {
  size: number;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    const mb = bytes / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1).replace('.', ',')} MB`;
  }
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

function allowedLabels(allowed: readonly FileKind[]): string {
  return [...new Set(allowed.map((k) => KINDS[k].label))].join(', ');
}

function sameFamily(a: FileKind, b: FileKind): boolean {
  // Plain text, Markdown and CSV are indistinguishable by content; the name decides which one it is.
  return a === b || (TEXT_KINDS.includes(a) && TEXT_KINDS.includes(b));
}

/**
 * Checks an upload by size and by content. The content decides the type; the name's extension must agree with it.
 * Throws FileError (UPLOAD_TOO_LARGE, UPLOAD_TYPE_NOT_ALLOWED, UPLOAD_CONTENT_MISMATCH).
 */
export function checkUpload(input: UploadInput): CheckedUpload {
  const { bytes, name, allowed, maxBytes } = input;
  const ext = extensionOf(name);
  if (bytes.length > maxBytes) {
    throw new FileError(
      'UPLOAD_TOO_LARGE',
      `Tệp quá lớn (${formatSize(bytes.length)}): tối đa ${formatSize(maxBytes)} cho mỗi tệp.`,
      { size: bytes.length, maxBytes },
    );
  }
  const claimed = kindFromName(name);
  if (!claimed || !allowed.includes(claimed)) {
    throw new FileError(
      'UPLOAD_TYPE_NOT_ALLOWED',
      `${ext ? `Không nhận loại tệp “.${ext}”` : 'Không nhận tệp không có phần mở rộng'}. Các loại được phép: ${allowedLabels(allowed)}.`,
      { ext, allowed: [...allowed] },
    );
  }
  const detected = detectFileType(bytes, name);
  if (!detected || !sameFamily(claimed, detected.kind)) {
    throw new FileError(
      'UPLOAD_CONTENT_MISMATCH',
      `Nội dung tệp không đúng với phần mở rộng “.${ext}”: đây không phải là tệp ${KINDS[claimed].label} hợp lệ.`,
      { ext, claimed, detected: detected?.kind ?? null },
    );
  }
  if (!allowed.includes(detected.kind)) {
    throw new FileError(
      'UPLOAD_TYPE_NOT_ALLOWED',
      `Không nhận loại tệp ${KINDS[detected.kind].label}. Các loại được phép: ${allowedLabels(allowed)}.`,
      { ext, detected: detected.kind, allowed: [...allowed] },
    );
  }
  return { ...detected, size: bytes.length };
}
