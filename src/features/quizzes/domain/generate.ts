import { findFacts, fold, nfc, splitSentences, tokenize, type Fact } from '../../../text/index.ts';
import { rng } from '../../../demo/names.ts';
import { distractorsFor, mentions, optionText } from './distractors.ts';

export interface SourceParagraph {
  id: string;
  text: string;
}

export type QuestionKind = 'single' | 'multiple' | 'true_false';
export type QuestionOrigin = Fact['kind'] | 'list' | 'definition' | 'statement';

/** The tag a generated question starts with, in the editor's language: what kind of fact it asks about. */
export const ORIGIN_TAGS: Record<QuestionOrigin, string> = {
  percent: 'tỷ lệ',
  year: 'năm',
  date: 'ngày tháng',
  count: 'số lượng',
  money: 'kinh phí',
  list: 'liệt kê',
  definition: 'khái niệm',
  statement: 'đúng sai',
};

export interface GeneratedQuestion {
  kind: QuestionKind;
  stem: string;
  options: string[];
  /** Indexes into `options` of the correct answers. */
  correct: number[];
  paragraphId: string;
  /** Text that must appear in the cited paragraph for the question to be valid. */
  evidence: string[];
  origin: QuestionOrigin;
}

export interface GenerateOptions {
  seed?: number;
  /** Upper bound on questions returned (the review queue is for people; do not flood it). */
  max?: number;
}

interface Clause {
  paragraphId: string;
  paragraphText: string;
  documentText: string;
  text: string;
  facts: Fact[];
}

const MIN_SYLLABLES = 6;
const MAX_SYLLABLES = 60;
const LEADING_CONJUNCTIONS = /^(nhưng|và|còn|tuy nhiên|do đó|vì vậy|theo đó|đồng thời),?\s+/iu;

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

function syllables(text: string): number {
  return tokenize(text).length;
}

/** Clauses of a paragraph: sentences, cut at ';' so one question asks about one statement. */
function clausesOf(p: SourceParagraph, documentText: string): Clause[] {
  const paragraphText = nfc(p.text);
  const out: Clause[] = [];
  for (const sentence of splitSentences(paragraphText)) {
    for (const part of sentence.text.split(/;\s*/)) {
      const text = part.trim().replace(/^[-–•+*]\s*/, '');
      if (!text) continue;
      out.push({ paragraphId: p.id, paragraphText, documentText, text, facts: findFacts(text) });
    }
  }
  return out;
}

/** Keeps a long clause readable: the comma-separated pieces around the fact, at least MIN_SYLLABLES long. */
function focus(clause: string, fact: Fact): { text: string; fact: Fact } {
  if (syllables(clause) <= MAX_SYLLABLES) return { text: clause, fact };
  const pieces: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of clause.matchAll(/,\s+/g)) {
    pieces.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  pieces.push({ start, end: clause.length });
  let i = pieces.findIndex((p) => fact.start >= p.start && fact.end <= p.end);
  if (i < 0) return { text: clause, fact };
  let from = pieces[i]!.start;
  const to = pieces[i]!.end;
  while (syllables(clause.slice(from, to)) < MIN_SYLLABLES * 2 && i > 0) from = pieces[--i]!.start;
  const shifted = { ...fact, start: fact.start - from, end: fact.end - from };
  return { text: clause.slice(from, to), fact: shifted };
}

function asQuestion(text: string): string {
  const body = text.replace(/[\s.;:,…!]+$/u, '').replace(LEADING_CONJUNCTIONS, '');
  return `${body.charAt(0).toLocaleUpperCase('vi')}${body.slice(1)}?`;
}

function shuffleWithAnswers(
  random: () => number,
  correct: string[],
  wrong: string[],
): { options: string[]; correct: number[] } {
  const all = [...correct.map((t) => ({ t, ok: true })), ...wrong.map((t) => ({ t, ok: false }))];
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return {
    options: all.map((o) => o.t),
    correct: all.flatMap((o, i) => (o.ok ? [i] : [])),
  };
}

function factQuestion(
  clause: Clause,
  fact: Fact,
  pool: Fact[],
  random: () => number,
): GeneratedQuestion | null {
  const { text, fact: f } = focus(clause.text, fact);
  const n = syllables(text);
  if (n < MIN_SYLLABLES || n > MAX_SYLLABLES) return null;
  const wrong = distractorsFor(f, pool, text, random);
  if (!wrong) return null;
  const stem = asQuestion(`${text.slice(0, f.start)}${f.asked}${text.slice(f.end)}`);
  const answer = optionText(f.kind, f.value, f.unit);
  const { options, correct } = shuffleWithAnswers(random, [answer], wrong);
  return {
    kind: 'single',
    stem,
    options,
    correct,
    paragraphId: clause.paragraphId,
    evidence: [f.value],
    origin: f.kind,
  };
}

/** "Đúng hay sai" on a fact's clause, stated as written or with the value replaced by a near one. */
function statementQuestion(
  clause: Clause,
  fact: Fact,
  pool: Fact[],
  random: () => number,
): GeneratedQuestion | null {
  const { text, fact: f } = focus(clause.text, fact);
  const n = syllables(text);
  if (n < MIN_SYLLABLES || n > MAX_SYLLABLES) return null;
  const wrong = distractorsFor(f, pool, text, random, 1);
  const isTrue = random() < 0.5 || !wrong;
  const shown = isTrue
    ? text
    : `${text.slice(0, f.start)}${f.phrase.replace(f.value, wrongValue(f, wrong![0]!))}${text.slice(f.end)}`;
  const statement = shown.replace(/[\s.;:,…]+$/u, '');
  return {
    kind: 'true_false',
    stem: `Đúng hay sai: “${statement}”`,
    options: ['Đúng', 'Sai'],
    correct: [isTrue ? 0 : 1],
    paragraphId: clause.paragraphId,
    evidence: [f.value],
    origin: 'statement',
  };
}

function wrongValue(f: Fact, option: string): string {
  if (f.kind === 'year') return option.replace(/^Năm /, '');
  if (f.kind === 'money') return option.slice(0, option.length - f.unit.length - 1);
  return option;
}

interface ListFact {
  clause: Clause;
  head: string;
  items: string[];
}

const ITEM_MAX_SYLLABLES = 7;
const QUESTION_WORDS = /(^|\s)(gì|nào|đâu|bao nhiêu|bao giờ|sao|thế nào)(\s|$)/u;
// Pronouns and deictic words make a subject that means nothing out of its sentence.
const VAGUE_SUBJECT = /(^|\s)(đây|đó|này|kia|ấy|nó|họ|chúng ta|chúng tôi|điều|việc)(\s|$)/u;

/** "3 trụ cột chính: chính quyền số, kinh tế số, xã hội số" → head and items. */
function findList(clause: Clause): ListFact | null {
  const colon = clause.text.indexOf(':');
  if (colon < 0) return null;
  const head = clause.text.slice(0, colon).trim();
  const headLength = syllables(head);
  if (headLength < 3 || headLength > 14 || /\slà$/u.test(head)) return null;
  const items = clause.text
    .slice(colon + 1)
    .replace(/[.…]+$/u, '')
    .split(/,\s*|\s+và\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length < 3 || items.length > 8) return null;
  const unfit = (s: string) =>
    /\d|["“”]/.test(s) || QUESTION_WORDS.test(s) || syllables(s) > ITEM_MAX_SYLLABLES || syllables(s) < 1;
  if (items.some(unfit)) return null;
  return { clause, head, items };
}

function listQuestion(list: ListFact, others: ListFact[], random: () => number): GeneratedQuestion | null {
  const own = new Set(list.items.map((s) => fold(s)));
  const foreign = [
    ...new Set(
      others
        .flatMap((o) => o.items)
        .filter((s) => !own.has(fold(s)) && !mentions(fold(list.clause.text), fold(s))),
    ),
  ];
  if (foreign.length < 2) return null;
  const correct = list.items.slice(0, 3);
  const wrong: string[] = [];
  while (wrong.length < 2 && foreign.length)
    wrong.push(foreign.splice(Math.floor(random() * foreign.length), 1)[0]!);
  const { options, correct: idx } = shuffleWithAnswers(random, correct, wrong);
  return {
    kind: 'multiple',
    stem: `Những nội dung nào được nêu trong “${list.head}”? (chọn tất cả các ý đúng)`,
    options,
    correct: idx,
    paragraphId: list.clause.paragraphId,
    evidence: correct,
    origin: 'list',
  };
}

interface Definition {
  clause: Clause;
  subject: string;
  predicate: string;
}

function findDefinition(clause: Clause): Definition | null {
  const text = clause.text.replace(LEADING_CONJUNCTIONS, '');
  const m = /^(.{2,60}?) (?:có nghĩa )?là (.{8,160})$/u.exec(text.replace(/[.…"”]+$/u, ''));
  if (!m) return null;
  const subject = m[1]!.trim();
  const predicate = m[2]!.trim();
  const sn = syllables(subject);
  if (sn < 1 || sn > 6 || /[\d,"“”:()]/.test(subject)) return null;
  if (VAGUE_SUBJECT.test(subject.toLowerCase()) || QUESTION_WORDS.test(subject.toLowerCase())) return null;
  if (/^một cách/u.test(predicate) || /["“”]/.test(predicate)) return null;
  if (syllables(predicate) < 3 || syllables(predicate) > 25) return null;
  // A subject the document names only once is rarely a term it defines.
  if (count(fold(clause.documentText), fold(subject)) < 2) return null;
  return { clause, subject, predicate };
}

function definitionQuestion(
  def: Definition,
  others: Definition[],
  random: () => number,
): GeneratedQuestion | null {
  const wrong = others
    .filter((o) => fold(o.subject) !== fold(def.subject) && fold(o.predicate) !== fold(def.predicate))
    .map((o) => o.predicate);
  if (wrong.length < 3) return null;
  const picked: string[] = [];
  const pool = [...new Set(wrong)];
  while (picked.length < 3 && pool.length)
    picked.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  if (picked.length < 3) return null;
  const { options, correct } = shuffleWithAnswers(random, [def.predicate], picked);
  return {
    kind: 'single',
    stem: `Theo văn bản, ${def.subject.charAt(0).toLocaleLowerCase('vi')}${def.subject.slice(1)} là gì?`,
    options,
    correct,
    paragraphId: def.clause.paragraphId,
    evidence: [def.predicate],
    origin: 'definition',
  };
}

/**
 * A question is kept only when its answer is written in the paragraph it cites and its options are all
 * different; anything else is discarded rather than sent for review.
 */
export function isValidQuestion(q: GeneratedQuestion, paragraphText: string): boolean {
  const para = fold(nfc(paragraphText));
  if (q.correct.length === 0 || q.options.length < 2) return false;
  if (!q.evidence.every((e) => para.includes(fold(nfc(e))))) return false;
  // "80 %" and "80%" are the same option to a reader.
  const keys = q.options.map((o) => fold(o).replace(/\s+/g, ''));
  if (new Set(keys).size !== keys.length) return false;
  return q.correct.every((i) => i >= 0 && i < q.options.length);
}

/**
 * Questions from a document's paragraphs, with no outside service: facts with numbers, dates, percentages and
 * amounts become "bao nhiêu / năm nào / ngày nào" questions with distractors from the same document or near
 * values; lists become "chọn tất cả các ý đúng"; "X là Y" sentences become definition questions; some facts
 * become true/false statements. Deterministic for a given seed.
 */
export function generateQuestions(
  paragraphs: SourceParagraph[],
  options: GenerateOptions = {},
): GeneratedQuestion[] {
  const random = rng(options.seed ?? 1);
  const max = options.max ?? 60;
  const documentText = paragraphs.map((p) => p.text).join('\n\n');
  const clauses = paragraphs.flatMap((p) => clausesOf(p, documentText));
  const pool = clauses.flatMap((c) => c.facts);
  const byParagraph = new Map(paragraphs.map((p) => [p.id, p.text]));
  const out: GeneratedQuestion[] = [];
  const stems = new Set<string>();
  const keep = (q: GeneratedQuestion | null) => {
    if (!q || stems.has(fold(q.stem))) return;
    if (!isValidQuestion(q, byParagraph.get(q.paragraphId) ?? '')) return;
    stems.add(fold(q.stem));
    out.push(q);
  };

  let factIndex = 0;
  for (const clause of clauses) {
    for (const fact of clause.facts) {
      // Every third fact is asked as a statement, so a quiz mixes question forms.
      if (++factIndex % 3 === 0) keep(statementQuestion(clause, fact, pool, random));
      else keep(factQuestion(clause, fact, pool, random));
    }
  }
  const lists = clauses.map(findList).filter((l): l is ListFact => l !== null);
  for (const list of lists)
    keep(
      listQuestion(
        list,
        lists.filter((l) => l !== list),
        random,
      ),
    );
  const defs = clauses.map(findDefinition).filter((d): d is Definition => d !== null);
  for (const def of defs) keep(definitionQuestion(def, defs, random));
  return out.slice(0, max);
}
