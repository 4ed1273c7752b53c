import { readInteger, readOrdinal } from '../numbers.ts';
import { parseRoman } from '../roman.ts';
import { isVietnameseSyllable } from '../syllable.ts';
import { atLineStart, previousWord } from './context.ts';
import { spellLetters } from './letters.ts';

// Folded words after which a Roman numeral is a number: "Đại hội XIII", "lần thứ XXIV", "khóa XIV",
// "Chương IV", "thế kỷ XXI", "quý I", "đô thị loại II".
const ROMAN_CONTEXT = new Set([
  'hoi',
  'thu',
  'lan',
  'khoa',
  'chuong',
  'phan',
  'muc',
  'ky',
  'quy',
  'tap',
  'khu',
  'loai',
  'cap',
  'hang',
  'nhom',
  'doan',
  'dot',
  'phuong',
  'uong',
]);
const ROMAN_LETTERS = /^[IVXLCDM]+$/;
// Without a governing word only unambiguous numerals (I, V, X only; two letters or more) are read as numbers,
// so a lone "I" or "V", or "MC" and "CD", stay letters.
const PLAIN_ROMAN = /^[IVX]{2,}$/;
const ALL_UPPER = /^\p{Lu}+$/u;
const JOINERS = /([.&/-])/;

/**
 * Reading of a word-like token (letters joined by ".", "&", "/", "-"), or undefined when it is read as written.
 * `text` and `index` locate the token in the source, for the words that govern it.
 */
export function readWord(
  word: string,
  text: string,
  index: number,
  dictionary: ReadonlyMap<string, string>,
): string | undefined {
  const exact = dictionary.get(word);
  if (exact !== undefined) return exact;
  const dotted = word.endsWith('.');
  const core = dotted ? word.slice(0, -1) : word;
  if (dotted) {
    const withoutDot = dictionary.get(core);
    if (withoutDot !== undefined) return `${withoutDot}.`;
  }
  const suffix = dotted ? '.' : '';
  if (ROMAN_LETTERS.test(core)) {
    const roman = readRoman(core, text, index, dotted);
    if (roman !== undefined) return roman + suffix;
  }
  if (JOINERS.test(core)) return readJoined(core, text, index, dictionary, suffix);
  if (ALL_UPPER.test(core) && (core.length === 1 || !isVietnameseSyllable(core))) {
    return spellLetters(core) + suffix;
  }
  return undefined;
}

function readRoman(core: string, text: string, index: number, dotted: boolean): string | undefined {
  const value = parseRoman(core);
  if (value === undefined) return undefined;
  const before = previousWord(text, index);
  if (ROMAN_CONTEXT.has(before)) return before === 'thu' ? readOrdinal(value) : readInteger(String(value));
  const heading = atLineStart(text, index) && (dotted || text[index + core.length] === ')');
  if (heading || PLAIN_ROMAN.test(core)) return readInteger(String(value));
  return undefined;
}

function readJoined(
  core: string,
  text: string,
  index: number,
  dictionary: ReadonlyMap<string, string>,
  suffix: string,
): string | undefined {
  const pieces = core.split(JOINERS);
  let changed = false;
  let out = '';
  let offset = index;
  let previousPiece = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    if (i % 2 === 1) {
      const joiner = joinerWord(piece, previousPiece);
      if (joiner.trim() !== piece) changed = true;
      out += joiner;
    } else if (piece !== '') {
      const read = readWord(piece, text, offset, dictionary);
      if (read !== undefined) changed = true;
      out += read ?? piece;
      previousPiece = piece;
    }
    offset += piece.length;
  }
  return changed ? out + suffix : undefined;
}

// Units and counted things before "/" make a rate: "200.000 đồng/người", "60 lượt/ngày".
const RATE_WORDS = new Set([
  'đồng',
  'triệu',
  'tỷ',
  'nghìn',
  'người',
  'lượt',
  'lần',
  'giờ',
  'ngày',
  'tháng',
  'năm',
  'tấn',
  'tạ',
  'lít',
  'phút',
  'suất',
  'hộ',
  'xuất',
]);

function joinerWord(joiner: string, left: string): string {
  if (joiner === '&') return ' và ';
  // Otherwise "/" joins alternatives or parts of one name ("và/hoặc", "NQ/TU"), read with a short pause.
  if (joiner === '/' && RATE_WORDS.has(left.toLowerCase())) return ' trên ';
  return ' ';
}
