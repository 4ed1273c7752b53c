import { unzipSync } from 'fflate';
import { KINDS, kindFromName } from './kinds.ts';
import type { FileKind } from './kinds.ts';

export interface DetectedType {
  kind: FileKind;
  mime: string;
  /** Extension matching the content, without the dot. */
  ext: string;
}

// Entries we read from a ZIP to tell office formats apart; anything bigger is not a real manifest.
const MAX_MANIFEST_BYTES = 512 * 1024;

const OOXML_MAIN_TYPES: ReadonlyArray<[string, FileKind]> = [
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'docx'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'xlsx'],
  ['application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml', 'pptx'],
];

const utf8 = new TextDecoder('utf-8', { fatal: true });

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function result(kind: FileKind, ext?: string): DetectedType {
  const info = KINDS[kind];
  return { kind, mime: info.mime, ext: ext ?? info.ext };
}

/**
 * Identifies a file by its content (magic bytes, ZIP manifest, UTF-8 validity). The declared name is used only to
 * choose between text flavours (plain, Markdown, CSV), which look the same on the byte level.
 * Returns null for anything outside the supported kinds, including macro-enabled Office files.
 */
export function detectFileType(bytes: Uint8Array, declaredName: string): DetectedType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, ascii('%PDF-'))) return result('pdf');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return result('png');
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return result('jpeg');
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return result('webp');
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return result('gif');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectZip(bytes);
  if (startsWith(bytes, ascii('OggS'))) return detectOgg(bytes);
  if (isMp3(bytes)) return result('mp3');
  return detectText(bytes, declaredName);
}

function detectZip(bytes: Uint8Array): DetectedType | null {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) =>
        (file.name === '[Content_Types].xml' || file.name === 'mimetype') &&
        file.originalSize <= MAX_MANIFEST_BYTES,
    });
  } catch {
    return null; // not a readable ZIP archive
  }
  const mimetype = entries['mimetype'];
  if (mimetype) {
    let declared: string;
    try {
      declared = utf8.decode(mimetype).trim();
    } catch {
      return null;
    }
    return declared === KINDS.odt.mime ? result('odt') : null;
  }
  const manifest = entries['[Content_Types].xml'];
  if (!manifest) return null;
  let xml: string;
  try {
    xml = utf8.decode(manifest);
  } catch {
    return null;
  }
  const contentTypes = new Set(
    [...xml.matchAll(/\bContentType\s*=\s*("([^"]*)"|'([^']*)')/g)].map((m) => (m[2] ?? m[3] ?? '').trim()),
  );
  const found = OOXML_MAIN_TYPES.filter(([type]) => contentTypes.has(type)).map(([, kind]) => kind);
  // A package claiming two main parts is not something Office produces.
  return found.length === 1 && found[0] ? result(found[0]) : null;
}

function detectOgg(bytes: Uint8Array): DetectedType | null {
  // The first page holds the codec identification header right after the 27-byte page header and 1 lacing byte.
  if (bytes[4] !== 0) return null;
  const segments = bytes[26] ?? 0;
  const payload = 27 + segments;
  if (startsWith(bytes, ascii('OpusHead'), payload)) return result('ogg', 'opus');
  if (startsWith(bytes, [0x01, ...ascii('vorbis')], payload)) return result('ogg', 'ogg');
  return null;
}

function isMp3(bytes: Uint8Array): boolean {
  if (startsWith(bytes, ascii('ID3')) && bytes.length >= 10) {
    const major = bytes[3] ?? 0xff;
    return major >= 2 && major <= 4;
  }
  if (bytes.length < 4) return false;
  const b1 = bytes[1] ?? 0;
  const b2 = bytes[2] ?? 0;
  if (bytes[0] !== 0xff || (b1 & 0xe0) !== 0xe0) return false; // frame sync
  const version = (b1 >> 3) & 0x03;
  const layer = (b1 >> 1) & 0x03;
  const bitrate = b2 >> 4;
  const sampleRate = (b2 >> 2) & 0x03;
  return version !== 0x01 && layer === 0x01 && bitrate !== 0x0f && bitrate !== 0 && sampleRate !== 0x03;
}

function detectText(bytes: Uint8Array, declaredName: string): DetectedType | null {
  if (bytes.includes(0)) return null;
  try {
    utf8.decode(bytes);
  } catch {
    return null;
  }
  const claimed = kindFromName(declaredName);
  if (claimed === 'markdown' || claimed === 'csv') return result(claimed);
  return result('text');
}
