import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

export interface FileStat {
  size: number;
  /** MIME type given at put time, when the store keeps it. */
  mime: string | null;
}

/** Inclusive byte range, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end?: number;
}

/** Where attachment bytes live. Keys come from keyForContent or another server-chosen scheme, never from users. */
export interface FileStore {
  put(key: string, bytes: Uint8Array, mime: string): Promise<void>;
  /** The stored bytes, or null when there is no object under this key. */
  get(key: string, range?: ByteRange): Promise<Readable | null>;
  stat(key: string): Promise<FileStat | null>;
  /** Removes the object; deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const MAX_KEY_LENGTH = 512;

/**
 * Keys are slash-separated segments of letters, digits, '.', '_' and '-', each starting with a letter or digit:
 * no '..', no absolute paths, no hidden files, nothing that needs escaping in a URL or a file name.
 */
export function isValidKey(key: string): boolean {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return false;
  const segments = key.split('/');
  return segments.length <= 8 && segments.every((s) => SEGMENT.test(s));
}

export function assertValidKey(key: string): void {
  if (!isValidKey(key)) throw new RangeError(`Invalid file store key: ${JSON.stringify(key.slice(0, 100))}`);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Content-addressed key: identical files share one object; the two-character prefix keeps directories small. */
export function keyForContent(bytes: Uint8Array): string {
  const hex = sha256Hex(bytes);
  return `sha256/${hex.slice(0, 2)}/${hex}`;
}
