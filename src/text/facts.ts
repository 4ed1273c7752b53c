import { nfc } from './fold.ts';

/** A checkable fact in a clause: the written value, where it is, and how to ask about it. */
export type FactKind = 'percent' | 'year' | 'date' | 'count' | 'money';

export interface Fact {
  kind: FactKind;
  /** The value as written in the text ("80%", "2025", "19/11/2021", "8", "1.200"). */
  value: string;
  /** The numeric value, for near-value distractors; dates as yyyymmdd (mmdd for a day-month, yyyymm for a month). */
  numeric: number;
  /** The unit noun of a count or an amount ("nhóm", "tỷ đồng"); for a partial date `day-month` or `month`. */
  unit: string;
  /** The phrase replaced by the question word: "80%", "năm 2025", "ngày 19/11/2021", "8 nhóm". */
  phrase: string;
  /** The phrase with the value replaced by the question word: "bao nhiêu phần trăm", "năm nào". */
  asked: string;
  start: number;
  end: number;
}

const L = 'a-zà-ỹđ';
const WORD = `[${L}]+`;
// Counted nouns a generated question can name ("8 nhóm giải pháp" → "bao nhiêu nhóm giải pháp").
const MONEY_UNITS = ['nghìn tỷ đồng', 'tỷ đồng', 'triệu đồng', 'nghìn đồng', 'đồng'];
const NOT_COUNT_NOUNS = new Set([
  // Clock times ("7 giờ", "7h") are not counts.
  'giờ',
  'h',
  // Function words: a number followed by one of these is a label ("đường 457 qua …"), not a count.
  'qua',
  'được',
  'trên',
  'với',
  'của',
  'và',
  'là',
  'có',
  'thì',
  'ở',
  'tại',
  'trong',
  'cho',
  'đã',
  'sẽ',
  'để',
  'từ',
  'đến',
  'tới',
  'theo',
  'nhằm',
  'về',
]);
// A number after one of these names something ("Nghị quyết số 02", "mức độ 4", "lần thứ 3"), it counts nothing.
const LABEL_WORDS =
  /(?:^|\s)(?:số|độ|thứ|khóa|khoá|điều|khoản|chương|mục|phần|đường|quốc lộ|tỉnh lộ|phòng|tổ|xóm|thôn|đội|lớp|kỳ|bước|giai đoạn)\s$/u;

function parseVnNumber(s: string): number {
  return Number(s.replace(/\./g, '').replace(',', '.'));
}

function validDate(d: number, m: number, y: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Facts found in one clause, left to right, without overlaps (a date's year is not also a year fact). */
export function findFacts(clauseText: string): Fact[] {
  const text = nfc(clauseText);
  const lower = text.toLowerCase();
  const facts: Fact[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => taken.every(([a, b]) => e <= a || s >= b);
  const add = (f: Fact) => {
    if (!free(f.start, f.end)) return;
    // A number glued to a code or a fraction ("02-NQ/TU", "48/63") is not a fact we can ask about.
    const before = text[f.start - 1] ?? ' ';
    const after = text[f.end] ?? ' ';
    if (/[\w/\-.]/.test(before) && f.kind !== 'percent') return;
    if (/[/-]/.test(after) || /\d/.test(after)) return;
    facts.push(f);
    taken.push([f.start, f.end]);
  };

  for (const m of lower.matchAll(/ngày (\d{1,2})\/(\d{1,2})\/(\d{4})/g)) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDate(d, mo, y)) continue;
    const value = `${m[1]}/${m[2]}/${m[3]}`;
    const start = m.index;
    add({
      kind: 'date',
      value,
      numeric: y * 10000 + mo * 100 + d,
      unit: '',
      phrase: text.slice(start, start + m[0].length),
      asked: 'ngày nào',
      start,
      end: start + m[0].length,
    });
  }
  // "ngày 10/10" (a day of every year) and "tháng 5/2021" (a month): dates without one of their parts.
  for (const m of lower.matchAll(/ngày (\d{1,2})\/(\d{1,2})(?![\d/])/g)) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    if (!validDate(d, mo, 2024)) continue;
    const start = m.index;
    add({
      kind: 'date',
      value: `${m[1]}/${m[2]}`,
      numeric: mo * 100 + d,
      unit: 'day-month',
      phrase: text.slice(start, start + m[0].length),
      asked: 'ngày nào',
      start,
      end: start + m[0].length,
    });
  }
  for (const m of lower.matchAll(/tháng (\d{1,2})\/(\d{4})(?![\d/])/g)) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) continue;
    const start = m.index;
    add({
      kind: 'date',
      value: `${m[1]}/${m[2]}`,
      numeric: y * 100 + mo,
      unit: 'month',
      phrase: text.slice(start, start + m[0].length),
      asked: 'tháng nào',
      start,
      end: start + m[0].length,
    });
  }
  for (const m of lower.matchAll(/(\d{1,3}(?:,\d{1,2})?) ?%/g)) {
    const n = parseVnNumber(m[1]!);
    if (!(n > 0 && n <= 100)) continue;
    const start = m.index;
    add({
      kind: 'percent',
      value: text.slice(start, start + m[0].length),
      numeric: n,
      unit: '%',
      phrase: text.slice(start, start + m[0].length),
      asked: 'bao nhiêu phần trăm',
      start,
      end: start + m[0].length,
    });
  }
  for (const m of lower.matchAll(
    new RegExp(`(\\d{1,3}(?:\\.\\d{3})*(?:,\\d+)?) (${MONEY_UNITS.join('|')})(?![${L}])`, 'g'),
  )) {
    const start = m.index;
    add({
      kind: 'money',
      value: m[1]!,
      numeric: parseVnNumber(m[1]!),
      unit: m[2]!,
      phrase: text.slice(start, start + m[0].length),
      asked: `bao nhiêu ${m[2]}`,
      start,
      end: start + m[0].length,
    });
  }
  for (const m of lower.matchAll(/năm (\d{4})(?!\d)/g)) {
    const y = Number(m[1]);
    if (y < 1900 || y > 2100) continue;
    const start = m.index;
    add({
      kind: 'year',
      value: m[1]!,
      numeric: y,
      unit: '',
      phrase: text.slice(start, start + m[0].length),
      asked: 'năm nào',
      start,
      end: start + m[0].length,
    });
  }
  for (const m of lower.matchAll(new RegExp(`(?<![\\d.,])(\\d{1,3}(?:\\.\\d{3})*) (${WORD})`, 'g'))) {
    const noun = m[2]!;
    if (NOT_COUNT_NOUNS.has(noun)) continue;
    const n = parseVnNumber(m[1]!);
    if (!(n >= 2) || (n >= 1900 && n <= 2100) || m[1]!.startsWith('0')) continue;
    if (LABEL_WORDS.test(lower.slice(Math.max(0, m.index - 16), m.index))) continue;
    const start = m.index;
    add({
      kind: 'count',
      value: m[1]!,
      numeric: n,
      unit: noun,
      phrase: text.slice(start, start + m[0].length),
      asked: `bao nhiêu ${text.slice(start + m[1]!.length + 1, start + m[0].length)}`,
      start,
      end: start + m[0].length,
    });
  }
  return facts.sort((a, b) => a.start - b.start);
}

/** Formats a number the Vietnamese way: "." between thousands, "," before decimals. */
export function formatVnNumber(n: number): string {
  const [int, dec] = String(Math.round(n * 100) / 100).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return dec ? `${grouped},${dec}` : grouped;
}
