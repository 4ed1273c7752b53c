import { readDecimal, readInteger, readOrdinal } from '../numbers.ts';
import { isValidDayMonth, isValidTime, readDayMonthYear, readMonthYear, readTime } from './dates.ts';

/** What the words around a number say about it. */
export interface NumericContext {
  /** The folded word just before the number ("ngay", "thang", "thu", …), or "". */
  previousWord: string;
  /** True when the number directly follows a date and a range dash ("19/11 - 20/11"). */
  continuesDate: boolean;
}

export interface NumericReading {
  text: string;
  isDate: boolean;
}

const GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const DECIMAL = /^\d+,\d+$/;
const INTEGER = /^\d+$/;
const SEPARATED = /[.,]/;

// Words after which "d/m" is a date rather than a fraction ("ngày 10/10", "Sáng 3/12").
const DAY_WORDS = new Set(['ngay', 'mung', 'mong', 'hom']);
const PART_OF_DAY_WORDS = new Set(['sang', 'trua', 'chieu', 'toi', 'dem', 'khuya']);

/**
 * Reads a quantity written with "." thousands separators and a "," decimal mark ("1.200", "37,32");
 * other dotted forms are read with "chấm" ("4.0" → "bốn chấm không").
 */
export function readQuantity(s: string): string {
  if (INTEGER.test(s)) return readInteger(s);
  if (GROUPED.test(s)) {
    const [whole, fraction] = s.split(',');
    return readDecimal((whole as string).replace(/\./g, ''), fraction);
  }
  if (DECIMAL.test(s)) {
    const [whole, fraction] = s.split(',');
    return readDecimal(whole as string, fraction);
  }
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || SEPARATED.test(s[i] as string)) {
      if (i > start) words.push(readInteger(s.slice(start, i)));
      if (i < s.length) words.push(s[i] === '.' ? 'chấm' : 'phẩy');
      start = i + 1;
    }
  }
  return words.join(' ');
}

/** Reads a run of digits with ".", ",", "/" and ":" inside: quantities, dates, fractions, clock times. */
export function readNumeric(raw: string, ctx: NumericContext): NumericReading {
  if (raw.includes(':')) return { text: readColon(raw), isDate: false };
  if (raw.includes('/')) return readSlashed(raw, ctx);
  if (ctx.previousWord === 'thu' && INTEGER.test(raw) && raw.length <= 3 && raw[0] !== '0') {
    return { text: readOrdinal(Number(raw)), isDate: false };
  }
  return { text: readQuantity(raw), isDate: false };
}

function readColon(raw: string): string {
  const parts = raw.split(':');
  const [h, m, s] = parts;
  if (parts.length <= 3 && parts.every((p) => INTEGER.test(p)) && (h as string).length <= 2) {
    if (isValidTime(h as string, m, s)) return readTime(h as string, m, s);
  }
  return parts.map(readQuantity).join(' trên ');
}

function readSlashed(raw: string, ctx: NumericContext): NumericReading {
  const parts = raw.split('/');
  const allIntegers = parts.every((p) => INTEGER.test(p));
  if (allIntegers && parts.length === 3) {
    const [d, m, y] = parts as [string, string, string];
    if (d.length <= 2 && m.length <= 2 && (y.length === 4 || y.length === 2)) {
      if (isValidDayMonth(Number(d), Number(m), Number(y))) {
        const prefix = DAY_WORDS.has(ctx.previousWord) || ctx.continuesDate ? '' : 'ngày ';
        return { text: prefix + readDayMonthYear(d, m, y), isDate: true };
      }
    }
  }
  if (allIntegers && parts.length === 2) {
    const [a, b] = parts as [string, string];
    if (a.length <= 2 && b.length === 4 && Number(a) >= 1 && Number(a) <= 12) {
      const prefix = ctx.previousWord === 'thang' ? '' : 'tháng ';
      return { text: prefix + readMonthYear(a, b), isDate: true };
    }
    if (a.length <= 2 && b.length <= 2 && isValidDayMonth(Number(a), Number(b))) {
      if (DAY_WORDS.has(ctx.previousWord) || ctx.continuesDate) {
        return { text: readDayMonthYear(a, b), isDate: true };
      }
      if (PART_OF_DAY_WORDS.has(ctx.previousWord))
        return { text: `ngày ${readDayMonthYear(a, b)}`, isDate: true };
    }
  }
  // Anything else (fractions "48/63", impossible dates "31/02/2021") is read as plain numbers.
  return { text: parts.map(readQuantity).join(' trên '), isDate: false };
}
