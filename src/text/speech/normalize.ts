import { DEFAULT_ABBREVIATIONS, DOCUMENT_CODE_PARTS } from '../abbreviations.ts';
import { nfc } from '../fold.ts';
import { readDigits, readInteger } from '../numbers.ts';
import { readEmail, readPhone, readUrl } from './contacts.ts';
import { previousWord } from './context.ts';
import { isValidTime, readDayMonthYear, readTime } from './dates.ts';
import { readDocumentCode } from './documents.ts';
import { readNumeric } from './numeric.ts';
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
    String.raw`(?<iso>${NOT_WORD_BEFORE}\d{4}-\d{2}-\d{2}${NOT_WORD_AFTER})`,
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
  const dictionary = new Map(Object.entries({ ...DEFAULT_ABBREVIATIONS, ...options.extraAbbreviations }));
  const codeParts = new Map(
    Object.entries({ ...DEFAULT_ABBREVIATIONS, ...DOCUMENT_CODE_PARTS, ...options.extraAbbreviations }),
  );
  return (input) => normalizeWith(input, dictionary, codeParts);
}

function normalizeWith(
  input: string,
  dictionary: ReadonlyMap<string, string>,
  codeParts: ReadonlyMap<string, string>,
): string {
  if (typeof input !== 'string' || input.length === 0) return '';
  const text = nfc(input);
  const re = new RegExp(MASTER.source, MASTER.flags); // own lastIndex: safe under re-entrancy
  const out: string[] = [];
  let last = 0;
  let lastDateEnd = -1;
  let afterRangeFromDate = false;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const g = m.groups as Groups;
    const index = m.index;
    const token = m[0];
    let spoken: string | undefined;
    let isDate = false;
    if (g.url !== undefined) spoken = readUrl(token);
    else if (g.email !== undefined) spoken = readEmail(token);
    else if (g.iso !== undefined) spoken = readIso(token);
    else if (g.phone !== undefined) spoken = readPhone(token);
    else if (g.code !== undefined) spoken = readDocumentCode(token, codeParts);
    else if (g.clock !== undefined) spoken = readClock(g.hh as string, g.hm);
    else if (g.num !== undefined) {
      const reading = readNumeric(g.num, {
        previousWord: previousWord(text, index),
        continuesDate: afterRangeFromDate,
      });
      isDate = reading.isDate;
      spoken = reading.text;
      if (g.pct !== undefined) spoken += ' phần trăm';
      else if (g.unit !== undefined) spoken += ` ${UNITS[g.unit] as string}`;
    } else if (g.range !== undefined) spoken = ' đến ';
    else if (g.neg !== undefined) spoken = 'âm ';
    else if (g.hyph !== undefined) spoken = ' ';
    else if (g.word !== undefined) spoken = readWord(token, text, index, dictionary);
    else if (g.sym !== undefined) spoken = SYMBOLS[token];
    else if (g.drop !== undefined) spoken = ' ';
    afterRangeFromDate = g.range !== undefined && lastDateEnd === index;
    if (isDate) lastDateEnd = index + token.length;
    if (spoken !== undefined) {
      const end = index + token.length;
      if (index > last) out.push(text.slice(last, index));
      // "4G" → "bốn giê": a reading never fuses with a neighbouring letter or digit.
      if (index > 0 && isAlnum(text[index - 1] as string)) out.push(' ');
      out.push(spoken);
      if (end < text.length && isAlnum(text[end] as string)) out.push(' ');
      last = end;
    }
  }
  if (last === 0) return tidy(text);
  out.push(text.slice(last));
  return tidy(out.join(''));
}

const ALNUM = /[\p{L}\p{N}]/u;
function isAlnum(ch: string): boolean {
  return ALNUM.test(ch);
}

// Replacements may leave doubled or dangling spaces; one linear pass removes them.
function tidy(s: string): string {
  return s
    .replace(/[ \t\u00a0]{2,}|\u00a0/g, ' ')
    .replace(/ +(?=[,.;:!?)\n]|$)/g, '')
    .replace(/(^|\n) +/g, '$1');
}

function readIso(token: string): string {
  const [y, m, d] = token.split('-') as [string, string, string];
  const day = Number(d);
  const month = Number(m);
  if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `ngày ${readDayMonthYear(d, m, y)}`;
  return token.split('-').map(readDigits).join(' ');
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
  if (!options?.extraAbbreviations) return DEFAULT_NORMALIZER(text);
  return createSpeechNormalizer(options)(text);
}
