// Content-Disposition for downloads (RFC 6266 with the RFC 8187/5987 `filename*` parameter).

// Control characters, and bidirectional overrides that can disguise an extension ("…gpj.exe" shown reversed).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const MAX_NAME_LENGTH = 180;

/** A file name safe to hand to a browser: NFC, no paths, no control characters, bounded length. */
export function cleanFileName(name: string, fallback = 'tep-tin'): string {
  let clean = name
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(UNSAFE, '')
    .replace(/[/\\]/g, '-') // "02-NQ/TU" is a document number, not a directory
    .trim()
    .replace(/^\.+/, '');
  if (clean === '') clean = fallback;
  if (clean.length > MAX_NAME_LENGTH) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, MAX_NAME_LENGTH - ext.length).trimEnd() + ext;
  }
  return clean;
}

/** ASCII fallback: Vietnamese letters lose their marks (đ → d), anything else non-ASCII becomes '_'. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%;]/g, '_'); // quotes and escapes are parsed inconsistently; '%' is decoded by some browsers
}

function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Header value for serving a stored file under its original name, e.g.
 * `attachment; filename="Nghi quyet.pdf"; filename*=UTF-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt.pdf`.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = cleanFileName(fileName);
  const ascii = asciiFileName(name);
  const header = `${type}; filename="${ascii}"`;
  return ascii === name ? header : `${header}; filename*=UTF-8''${encodeRfc8187(name)}`;
}
