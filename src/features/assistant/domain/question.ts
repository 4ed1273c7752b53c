import { fold, tokenize } from '../../../text/index.ts';

/** What kind of answer a question wants; decides which span of the best sentence is the answer. */
export type AnswerType =
  'number' | 'percent' | 'year' | 'date' | 'rank' | 'person' | 'list' | 'procedure' | 'text';

export interface AnalysedQuestion {
  text: string;
  type: AnswerType;
  /** Folded content syllables of the question (question words and fillers removed). */
  terms: string[];
  /** Folded syllable bigrams of the content terms, for phrase matches. */
  bigrams: string[];
}

/** Longest questions are cut here: enough for any real question, bounded work for the rest. */
export const MAX_QUESTION_CHARS = 500;

// Folded forms. Question words and fillers carry no content to match in passages.
const STOP = new Set(
  [
    'gi',
    'nao',
    'bao',
    'nhieu',
    'khi',
    'gio',
    'ai',
    'sao',
    'may',
    'the',
    'nhu',
    'la',
    'co',
    'cua',
    'cho',
    'duoc',
    'va',
    'nhung',
    'cac',
    'mot',
    'thi',
    'o',
    'toi',
    'em',
    'anh',
    'chi',
    'minh',
    'hay',
    'hoi',
    'xin',
    'vui',
    'long',
    'cho',
    'biet',
    'theo',
    've',
    'voi',
    'trong',
    'khong',
    'a',
    'ạ',
    'de',
    'dat',
    'ra',
    'phai',
    'con',
    'vay',
    'sao',
  ].map((w) => fold(w)),
);

const TYPE_RULES: Array<[RegExp, AnswerType]> = [
  [/bao nhieu phan tram|ty le|bao nhieu %/, 'percent'],
  [/nam nao|nam bao nhieu|den nam nao/, 'year'],
  [/ngay nao|ngay bao nhieu|thang nao|khi nao|bao gio|thoi gian nao|thoi diem nao/, 'date'],
  [/thu bao nhieu|thu may|xep thu|dung thu/, 'rank'],
  [/bao nhieu/, 'number'],
  [/^ai\b|\bai la\b|\bla ai\b|\bai (da|se|duoc|chu tri|phu trach)|nguoi nao/, 'person'],
  [/thu tuc|quy trinh|cac buoc|lam the nao|lam sao|nhu the nao|cach (de|nao)?/, 'procedure'],
  [/nhung (gi|nao)|gom (nhung )?(gi|nao)|cac (nhiem vu|giai phap|muc tieu)/, 'list'],
];

// "đặt mục tiêu gì", "có nhiệm vụ nào": the noun before the question word names the kind of answer, not its
// content, so it is not matched against passages.
const FRAMES = new Set([
  'muc tieu',
  'nhiem vu',
  'giai phap',
  'quy dinh',
  'noi dung',
  'chu truong',
  'y nghia',
  'van de',
]);

function dropFrames(tokens: string[]): string[] {
  const out = [...tokens];
  for (let i = 2; i < out.length; i++) {
    if ((out[i] === 'gi' || out[i] === 'nao') && FRAMES.has(`${out[i - 2]} ${out[i - 1]}`)) {
      out[i - 2] = 'gi';
      out[i - 1] = 'gi';
    }
  }
  return out;
}

export function analyseQuestion(raw: string): AnalysedQuestion {
  const text = raw.slice(0, MAX_QUESTION_CHARS).trim();
  const folded = fold(text.toLowerCase());
  let type = TYPE_RULES.find(([re]) => re.test(folded))?.[1] ?? 'text';
  // "mấy" asks a number; its folded form would also match "máy" (machine), so it is checked as written.
  if (type === 'text' && /(^|\s)mấy(\s|$)/u.test(text.toLowerCase())) type = 'number';
  const tokens = dropFrames(tokenize(text).map((t) => t.folded.toLowerCase()));
  const terms = tokens.filter((t) => !STOP.has(t));
  // Bigrams only of syllables that stand side by side in the question ("kinh te", "te so").
  const bigrams: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    if (!STOP.has(tokens[i - 1]!) && !STOP.has(tokens[i]!)) bigrams.push(`${tokens[i - 1]} ${tokens[i]}`);
  }
  return { text, type, terms: [...new Set(terms)], bigrams: [...new Set(bigrams)] };
}
