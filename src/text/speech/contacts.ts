import { readDigits } from '../numbers.ts';
import { isVietnameseSyllable } from '../syllable.ts';
import { spellLetters } from './letters.ts';

/**
 * Phone numbers are read digit by digit, in the groups they were written in, or 4-3-3(4) when written as one
 * run: "0912 345 678" → "không chín một hai, ba bốn năm, sáu bảy tám".
 */
export function readPhone(raw: string): string {
  let rest = raw;
  const groups: string[] = [];
  if (rest.startsWith('+')) {
    const cc = /^\+(\d{1,3})/.exec(rest);
    if (cc) {
      groups.push(`cộng ${readDigits(cc[1] as string)}`);
      rest = rest.slice(cc[0].length);
    }
  }
  const written = rest.split(/[\s.-]+/).filter((g) => g.length > 0);
  const chunks = written.length > 1 ? written : chunkDigits(written[0] ?? '');
  for (const chunk of chunks) groups.push(readDigits(chunk));
  return groups.join(', ');
}

function chunkDigits(digits: string): string[] {
  if (digits.length <= 4) return [digits];
  const chunks = [digits.slice(0, 4)];
  let i = 4;
  while (i < digits.length) {
    const left = digits.length - i;
    const size = left === 4 ? 4 : 3;
    chunks.push(digits.slice(i, i + size));
    i += size;
  }
  return chunks;
}

const SEPARATOR_WORDS: Readonly<Record<string, string>> = {
  '.': 'chấm',
  '/': 'gạch chéo',
  '-': 'gạch ngang',
  _: 'gạch dưới',
  '@': 'a còng',
  ':': 'hai chấm',
  '?': 'hỏi chấm',
  '=': 'bằng',
  '&': 'và',
  '#': 'thăng',
  '+': 'cộng',
  '%': 'phần trăm',
  '~': 'ngã',
};

// Pieces of addresses people say as words rather than letters.
const WEB_WORDS: Readonly<Record<string, string>> = {
  www: 'vê kép vê kép vê kép',
  vn: 'vê en',
  gov: 'gốp',
  com: 'com',
  net: 'nét',
  org: 'o rờ gờ',
  edu: 'e đu',
  info: 'in phô',
  email: 'i meo',
  gmail: 'gờ meo',
  mail: 'meo',
};

function readAddressPiece(piece: string): string {
  if (/^\d+$/.test(piece)) return readDigits(piece);
  const lower = piece.toLowerCase();
  const known = WEB_WORDS[lower];
  if (known) return known;
  if (/\d/.test(piece)) {
    const runs = piece.match(/\d+|\D+/g) ?? [];
    return runs.map((run) => (/\d/.test(run) ? readDigits(run) : readAddressPiece(run))).join(' ');
  }
  if (piece.length <= 3 && !isVietnameseSyllable(piece)) return spellLetters(piece);
  return piece;
}

function readAddress(address: string): string {
  const words: string[] = [];
  for (const piece of address.split(/([./\-_@:?=&#+%~])/)) {
    if (piece === '') continue;
    words.push(SEPARATOR_WORDS[piece] ?? readAddressPiece(piece));
  }
  return words.join(' ');
}

/** "van.phong@thaibinh.gov.vn" → "van chấm phong a còng thaibinh chấm gốp chấm vê en". */
export function readEmail(raw: string): string {
  return readAddress(raw);
}

/** Web addresses without the scheme and trailing slash: "http://ttxvn.vn/" → "ttxvn chấm vê en". */
export function readUrl(raw: string): string {
  return readAddress(raw.replace(/^https?:\/\//i, '').replace(/\/+$/, ''));
}
