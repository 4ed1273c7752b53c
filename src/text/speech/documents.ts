import { readInteger } from '../numbers.ts';
import { isVietnameseSyllable } from '../syllable.ts';
import { spellLetters } from './letters.ts';

/**
 * Document numbers: "02-NQ/TU" → "không hai Nghị quyết Tỉnh ủy", "749/QĐ-TTg" → "bảy trăm bốn mươi chín
 * Quyết định Thủ tướng", "12/2022/NĐ-CP" → "mười hai năm hai nghìn không trăm hai mươi hai Nghị định Chính
 * phủ". `parts` maps code segments (NQ, TU, …) to words; unknown segments are spelled.
 */
export function readDocumentCode(raw: string, parts: ReadonlyMap<string, string>): string {
  const m = /^(\d+)((?:\/\d+)*)[-/](.*)$/u.exec(raw);
  if (!m) return raw;
  const words = [readInteger(m[1] as string)];
  for (const n of (m[2] as string).split('/').slice(1)) {
    words.push(n.length === 4 ? `năm ${readInteger(n)}` : `trên ${readInteger(n)}`);
  }
  for (const segment of (m[3] as string).split(/[-/&]/)) {
    if (segment === '') continue;
    words.push(parts.get(segment) ?? (isVietnameseSyllable(segment) ? segment : spellLetters(segment)));
  }
  return words.join(' ');
}
