import type { FastifyReply } from 'fastify';
import { notFound } from '../errors.ts';
import { contentDisposition } from './content-disposition.ts';
import { KINDS } from './kinds.ts';
import type { ByteRange, FileStore } from './store.ts';

export interface ServedFile {
  /** MIME type recorded at upload (from content sniffing). */
  mime: string;
  /** Original file name, shown to the user when saving. */
  fileName: string;
  size: number;
  /** Ask the browser to display rather than save; honoured only for types that cannot carry script. */
  inline?: boolean;
}

// Types a browser may display in place: none of them can run script in our origin.
const INLINE_SAFE = new Set(
  (['pdf', 'png', 'jpeg', 'webp', 'gif', 'mp3', 'ogg', 'text', 'markdown', 'csv'] as const).map(
    (k) => KINDS[k].mime.split(';')[0],
  ),
);
const KNOWN = new Set(Object.values(KINDS).map((k) => k.mime.split(';')[0]));

function baseMime(mime: string): string {
  return mime.split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Headers for sending a stored file (without a range). Unknown types are sent as opaque bytes, always saved. */
export function fileResponseHeaders(file: ServedFile): Record<string, string> {
  const base = baseMime(file.mime);
  const known = KNOWN.has(base);
  // Text is always declared UTF-8 (uploads are checked to be valid UTF-8) and never as HTML.
  const type = !known
    ? 'application/octet-stream'
    : base.startsWith('text/')
      ? `${base}; charset=utf-8`
      : base;
  const inline = file.inline === true && INLINE_SAFE.has(base);
  return {
    'Content-Type': type,
    'Content-Length': String(file.size),
    'Content-Disposition': contentDisposition(file.fileName, inline ? 'inline' : 'attachment'),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Accept-Ranges': 'bytes',
  };
}

/**
 * Sends the stored file at `key` as an attachment (or inline where safe), 404 when the store no longer has it.
 * Files are personal to their audience: never kept by shared caches.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  store: FileStore,
  key: string,
  file: ServedFile,
): Promise<FastifyReply> {
  const stream = await store.get(key);
  if (!stream) throw notFound();
  return reply.headers({ ...fileResponseHeaders(file), 'Cache-Control': 'private, no-store' }).send(stream);
}

/**
 * Reads an HTTP Range header (RFC 9110 §14) for a file of `size` bytes. Returns the single range to send,
 * null to send the whole file (no header, a malformed one, or several ranges), or 'unsatisfiable' for a 416.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): Required<ByteRange> | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const [, first = '', last = ''] = m;
  if (first === '') {
    // Suffix range: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

/** Headers to add for a 206 (or 416) answer. */
export function rangeResponseHeaders(
  range: Required<ByteRange> | 'unsatisfiable',
  size: number,
): Record<string, string> {
  if (range === 'unsatisfiable') return { 'Content-Range': `bytes */${size}` };
  return {
    'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    'Content-Length': String(range.end - range.start + 1),
  };
}
