import { DEFAULT_ABBREVIATIONS, DOCUMENT_CODE_PARTS } from '../abbreviations.ts';
import { DIGIT, LETTER, MARK, NUMBER, SPACE, UPPER, charClass, classAt } from '../chars.ts';
import { nfc } from '../fold.ts';
import { readInteger } from '../numbers.ts';
import { readEmail, readPhone, readUrl } from './contacts.ts';
import { previousWord } from './context.ts';
import { isValidDayMonth, isValidTime, readDayMonthYear, readTime } from './dates.ts';
import { readDocumentCode } from './documents.ts';
import { readNumeric, readQuantity } from './numeric.ts';
import { UNITS, unitPattern } from './units.ts';
import { readWord } from './words.ts';

export interface SpeechOptions {
  /** Added to (and overriding) DEFAULT_ABBREVIATIONS, e.g. `{ HTX: 'hợp tác xã', BTV: 'Ban Thường vụ' }`. */
  extraAbbreviations?: Readonly<Record<string, string>>;
}

const NOT_WORD_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const NOT_WORD_AFTER = String.raw`(?![\p{L}\p{N}])`;
const URL_TAIL = String.raw`[^\s<>"'()\[\]]*[^\s<>"'()\[\].,;:!?]`;
const DOMAIN_LABEL = String.raw`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?`;

// One pass over the text: the alternatives are tried left to right at each position, so the more specific
// shapes (addresses, phone numbers, document codes, clock times) come before plain numbers and words.
const MASTER = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)${URL_TAIL}|${NOT_WORD_BEFORE}(?<![@.])${DOMAIN_LABEL}(?:\.${DOMAIN_LABEL})*\.(?:vn|com|net|org|gov|edu|info)${NOT_WORD_AFTER}(?:\/${URL_TAIL})?)`,
    String.raw`(?<email>(?<![\p{L}\p{N}._%+-])[A-Za-z0-9._%+-]+@${DOMAIN_LABEL}(?:\.${DOMAIN_LABEL})*\.[A-Za-z]{2,}${NOT_WORD_AFTER})`,
    String.raw`(?<iso>${NOT_WORD_BEFORE}(?:\d{4}-\d{2}-\d{2}|\d{1,2}-\d{1,2}-\d{4}|\d{1,2}\.\d{1,2}\.\d{4})${NOT_WORD_AFTER})`,
    String.raw`(?<dollars>\$ ?(?<usd>\d+(?:[.,]\d+)*))`,
    String.raw`(?<phone>${NOT_WORD_BEFORE}(?:\+84|0)(?:[ .-]?\d){8,10}${NOT_WORD_AFTER}|${NOT_WORD_BEFORE}(?:1800|1900)[ .]?\d{4}(?:\d{2})?${NOT_WORD_AFTER})`,
    String.raw`(?<code>${NOT_WORD_BEFORE}\d+(?:\/\d+)*[-\/]\p{Lu}\p{L}*(?:[-\/&]\p{Lu}\p{L}*)*${NOT_WORD_AFTER})`,
    String.raw`(?<clock>${NOT_WORD_BEFORE}(?<hh>\d{1,2})[hg](?<hm>\d{2})?${NOT_WORD_AFTER}(?:')?)`,
    String.raw`(?<num>(?<!\d)\d+(?:[.,:\/]\d+)*)(?:(?<pct>[ \u00a0]?%)|(?:[ \u00a0]?(?<unit>${unitPattern()})${NOT_WORD_AFTER}))?`,
    String.raw`(?<range>(?<=\d%?)[ \t\u00a0]*[-–—][ \t\u00a0]*(?=\d))`,
    String.raw`(?<neg>(?<=^|[\s(])[-−](?=\d))`,
    String.raw`(?<hyph>(?<=\p{L})-(?=\d))`,
    String.raw`(?<word>\p{L}[\p{L}\p{M}]*(?:[.&\/-]\p{L}[\p{L}\p{M}]*)*\.?)`,
    String.raw`(?<sym>[&~≈≥≤•→§№@\/])`,
    String.raw`(?<drop>[\p{Extended_Pictographic}\u200b-\u200d\ufe0e\ufe0f\u{1f3fb}-\u{1f3ff}]+)`,
  ].join('|'),
  'gu',
);

const SYMBOLS: Readonly<Record<string, string>> = {
  '&': ' và ',
  '~': ' khoảng ',
  '≈': ' khoảng ',
  '≥': ' lớn hơn hoặc bằng ',
  '≤': ' nhỏ hơn hoặc bằng ',
  '•': ' ',
  '→': ' ',
  '§': ' mục ',
  '№': ' số ',
  '@': ' a còng ',
  '/': ' ',
};

type Groups = Record<string, string | undefined>;

/** Turns written Vietnamese into the words a reader says. Never throws; output keeps the line structure. */
export type SpeechNormalizer = (text: string) => string;

export function createSpeechNormalizer(options: SpeechOptions = {}): SpeechNormalizer {
  const entries = { ...DEFAULT_ABBREVIATIONS, ...options.extraAbbreviations };
  const dictionary = new Map(Object.entries(entries));
  const codeParts = new Map(
    Object.entries({ ...DEFAULT_ABBREVIATIONS, ...DOCUMENT_CODE_PARTS, ...options.extraAbbreviations }),
  );
  // Lower-case keys without a joiner ("tp") defeat the fast path that skips plain lower-case words.
  const plainLowerKeys = new Set(Object.keys(entries).filter((k) => /^\p{Ll}[\p{L}\p{M}]*$/u.test(k)));
  return (input) => normalizeWith(input, { dictionary, codeParts, plainLowerKeys });
}

interface Dictionaries {
  dictionary: ReadonlyMap<string, string>;
  codeParts: ReadonlyMap<string, string>;
  plainLowerKeys: ReadonlySet<string>;
}

// Characters no alternative of MASTER starts with: skipped without running the regex.
const INERT = new Set([...',;()[]"\'!?…«»“”‘’.:*'].map((ch) => ch.charCodeAt(0)));
// After a lower-case word, these may continue it into an address, a code, or a joined abbreviation.
const CONTINUES_WORD = new Set([...'.@&/-_%+:'].map((ch) => ch.charCodeAt(0)));

function normalizeWith(input: string, dicts: Dictionaries): string {
  if (typeof input !== 'string' || input.length === 0) return '';
  const text = nfc(input);
  const n = text.length;
  const re = new RegExp(MASTER.source, 'uy'); // sticky, and own lastIndex: safe under re-entrancy
  const out: string[] = [];
  let last = 0;
  let lastDateEnd = -1;
  let afterRangeFromDate = false;
  let i = 0;
  while (i < n) {
    // Fast path: most of a text is plain lower-case words and spaces, which read as written.
    const c = text.charCodeAt(i);
    const cls = charClass(c);
    if (cls & LETTER && !(cls & UPPER)) {
      let j = i + 1;
      while (j < n && classAt(text, j) & (LETTER | MARK)) j++;
      const next = j < n ? text.charCodeAt(j) : 32;
      const continues = CONTINUES_WORD.has(next) || (classAt(text, j) & DIGIT) !== 0;
      if (!continues && (dicts.plainLowerKeys.size === 0 || !dicts.plainLowerKeys.has(text.slice(i, j)))) {
        i = j;
        continue;
      }
    } else if (cls & SPACE) {
      const before = i > 0 ? text.charCodeAt(i - 1) : 32;
      if (!(before >= 48 && before <= 57) && before !== 37) {
        i++;
        continue;
      }
    } else if (INERT.has(c)) {
      i++;
      continue;
    }
    re.lastIndex = i;
    const m = re.exec(text);
    if (m === null) {
      i++;
      continue;
    }
    const g = m.groups as Groups;
    const token = m[0];
    const end = i + token.length;
    const spoken = readMatch(g, token, text, i, dicts, afterRangeFromDate);
    afterRangeFromDate = g.range !== undefined && lastDateEnd === i;
    if (spoken.isDate) lastDateEnd = end;
    if (spoken.text !== undefined) {
      if (i > last) out.push(text.slice(last, i));
      // "4G" → "bốn giê": a reading never fuses with a neighbouring letter or digit.
      if (classAt(text, i - 1) & (LETTER | NUMBER)) out.push(' ');
      out.push(spoken.text);
      if (classAt(text, end) & (LETTER | NUMBER)) out.push(' ');
      last = end;
    }
    i = end;
  }
  if (last === 0) return tidy(text);
  out.push(text.slice(last));
  return tidy(out.join(''));
}

function readMatch(
  g: Groups,
  token: string,
  text: string,
  index: number,
  dicts: Dictionaries,
  continuesDate: boolean,
): { text: string | undefined; isDate: boolean } {
  if (g.num !== undefined) {
    const reading = readNumeric(g.num, { previousWord: previousWord(text, index), continuesDate });
    let spoken = reading.text;
    if (g.pct !== undefined) spoken += ' phần trăm';
    else if (g.unit !== undefined) spoken += ` ${UNITS[g.unit] as string}`;
    return { text: spoken, isDate: reading.isDate };
  }
  if (g.iso !== undefined) return readIso(token);
  let spoken: string | undefined;
  if (g.word !== undefined) spoken = readWord(token, text, index, dicts.dictionary);
  else if (g.url !== undefined) spoken = readUrl(token);
  else if (g.email !== undefined) spoken = readEmail(token);
  else if (g.phone !== undefined) spoken = readPhone(token);
  else if (g.code !== undefined) spoken = readDocumentCode(token, dicts.codeParts);
  else if (g.dollars !== undefined) spoken = `${readQuantity(g.usd as string)} đô la`;
  else if (g.clock !== undefined) spoken = readClock(g.hh as string, g.hm);
  else if (g.range !== undefined) spoken = ' đến ';
  else if (g.neg !== undefined) spoken = 'âm ';
  else if (g.hyph !== undefined) spoken = ' ';
  else if (g.sym !== undefined) spoken = SYMBOLS[token];
  else if (g.drop !== undefined) spoken = ' ';
  return { text: spoken, isDate: false };
}

// Replacements may leave doubled or dangling spaces; one linear pass removes them.
function tidy(s: string): string {
  return s
    .replace(/[ \t\u00a0]{2,}|\u00a0/g, ' ')
    .replace(/ +(?=[,.;:!?)\n]|$)/g, '')
    .replace(/(^|\n) +/g, '$1');
}

// "2021-11-19", "19-11-2021", "19.11.2021"; an impossible date is read as the numbers it is made of.
function readIso(token: string): { text: string; isDate: boolean } {
  const separator = token.includes('-') ? '-' : '.';
  const parts = token.split(separator) as [string, string, string];
  const [d, m, y] = parts[0].length === 4 ? [parts[2], parts[1], parts[0]] : parts;
  if (isValidDayMonth(Number(d), Number(m), Number(y)))
    return { text: `ngày ${readDayMonthYear(d, m, y)}`, isDate: true };
  return { text: parts.map(readInteger).join(separator === '-' ? ' đến ' : ' chấm '), isDate: false };
}

// "7h30" is a time of day, "48h" a duration: both read with "giờ". Impossible minutes are read as a number.
function readClock(hours: string, minutes: string | undefined): string {
  if (minutes === undefined || isValidTime('0', minutes)) return readTime(hours, minutes);
  return `${readTime(hours)} ${readInteger(minutes)}`;
}

const DEFAULT_NORMALIZER = createSpeechNormalizer();

/**
 * Written Vietnamese → spoken words, for a speech engine that reads digits and abbreviations badly:
 * numbers, dates, clock times, ranges, percentages, money and units, Roman numerals in context, document
 * numbers, abbreviations, phone numbers, e-mail and web addresses. Never throws.
 */
export function normalizeForSpeech(text: string, options?: SpeechOptions): string {
  const extra = options?.extraAbbreviations;
  if (!extra) return DEFAULT_NORMALIZER(text);
  // Callers usually pass the same dictionary object each time: build its normaliser once.
  let normalizer = BY_DICTIONARY.get(extra);
  if (!normalizer) {
    normalizer = createSpeechNormalizer(options);
    BY_DICTIONARY.set(extra, normalizer);
  }
  return normalizer(text);
}

const BY_DICTIONARY = new WeakMap<object, SpeechNormalizer>();
