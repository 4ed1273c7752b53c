// Vietnamese number reading, Northern usage: "nghìn", "linh" for an empty tens place, "mốt" for a final 1
// after "mươi", "tư" for a final 4 after "mươi", "lăm" for a final 5 after "mười"/"mươi".

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;

/** Longest digit string read as a quantity; longer runs (card numbers, codes) are read digit by digit. */
const MAX_CARDINAL_DIGITS = 18;

function digitWord(d: number): string {
  return DIGITS[d] as string;
}

/** Reads 0–999. `full` forces "không trăm" / "linh" as when a higher group precedes. */
function readTriple(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const words: string[] = [];
  if (h > 0 || full) words.push(digitWord(h), 'trăm');
  if (t === 0) {
    if (u > 0) {
      if (h > 0 || full) words.push('linh');
      words.push(digitWord(u));
    }
  } else if (t === 1) {
    words.push('mười');
    if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digitWord(u));
  } else {
    words.push(digitWord(t), 'mươi');
    if (u === 1) words.push('mốt');
    else if (u === 4) words.push('tư');
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(digitWord(u));
  }
  return words.join(' ');
}

const GROUP_NAMES = ['', 'nghìn', 'triệu'] as const;

/** Reads up to 9 digits (below one billion); `full` as in readTriple. */
function readBelowBillion(digits: string, full: boolean): string {
  const groups: number[] = [];
  for (let end = digits.length; end > 0; end -= 3)
    groups.unshift(Number(digits.slice(Math.max(0, end - 3), end)));
  const words: string[] = [];
  let started = full;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as number;
    const rank = groups.length - 1 - i;
    if (g === 0) continue;
    words.push(readTriple(g, started));
    if (rank > 0) words.push(GROUP_NAMES[rank] as string);
    started = true;
  }
  return words.join(' ');
}

/** Reads each digit: "0912" → "không chín một hai". Non-digits are skipped. */
export function readDigits(digits: string): string {
  const words: string[] = [];
  for (const ch of digits) {
    const d = ch.charCodeAt(0) - 48;
    if (d >= 0 && d <= 9) words.push(digitWord(d));
  }
  return words.join(' ');
}

/**
 * Cardinal reading of a string of ASCII digits: "2021" → "hai nghìn không trăm hai mươi mốt".
 * A leading zero ("02") or an over-long run is read digit by digit, as people read codes.
 */
export function readInteger(digits: string): string {
  if (digits.length === 0) return '';
  if (digits.length > 1 && digits.charCodeAt(0) === 48) return readDigits(digits);
  if (digits.length > MAX_CARDINAL_DIGITS) return readDigits(digits);
  if (/^0+$/.test(digits)) return 'không';
  return readBillions(digits, false);
}

function readBillions(digits: string, full: boolean): string {
  if (digits.length <= 9) return readBelowBillion(digits, full);
  const high = digits.slice(0, digits.length - 9);
  const low = digits.slice(digits.length - 9);
  const highWords = readBillions(high, full);
  const lowWords = /^0+$/.test(low) ? '' : readBelowBillion(low, true);
  return lowWords ? `${highWords} tỷ ${lowWords}` : `${highWords} tỷ`;
}

/** Digits after the decimal comma: "32" → "ba mươi hai", "05" → "không năm", long tails digit by digit. */
export function readFraction(digits: string): string {
  if (digits.length > 3) return readDigits(digits);
  let zeros = 0;
  while (zeros < digits.length - 1 && digits.charCodeAt(zeros) === 48) zeros++;
  const rest = digits.slice(zeros);
  const lead = zeros > 0 ? readDigits(digits.slice(0, zeros)) + ' ' : '';
  return lead + (rest === '0' ? 'không' : readInteger(rest));
}

/** "37,32" → "ba mươi bảy phẩy ba mươi hai"; "1.200" (thousands separator) → "một nghìn hai trăm". */
export function readDecimal(integerDigits: string, fractionDigits?: string): string {
  const whole = readInteger(integerDigits);
  return fractionDigits ? `${whole} phẩy ${readFraction(fractionDigits)}` : whole;
}

/** Ordinal after "thứ": 1 → "nhất", 4 → "tư", otherwise the cardinal. */
export function readOrdinal(n: number): string {
  if (n === 1) return 'nhất';
  if (n === 4) return 'tư';
  return readInteger(String(n));
}

/** Convenience for non-negative safe integers. */
export function numberToWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`Không đọc được số: ${n}`);
  return readInteger(String(n));
}
