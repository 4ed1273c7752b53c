import { fold } from '../../text/fold.ts';

/** RFC 6266 attachment header: an ASCII fallback plus the exact UTF-8 name for browsers that read it. */
export function contentDisposition(
  fileName: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = fold(fileName)
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName.normalize('NFC'))}`;
}
