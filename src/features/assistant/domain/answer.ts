import { findFacts, fold, splitSentences, tokenize, type Fact } from '../../../text/index.ts';
import { analyseQuestion, type AnalysedQuestion, type AnswerType } from './question.ts';

/** A passage (paragraph) a person may see, as retrieval returns it. */
export interface Passage {
  id: string;
  documentId: string;
  title: string;
  text: string;
  /** Score from the retrieval stage (lexical and/or embeddings); only its order matters here. */
  retrievalScore?: number;
}

export interface ScoredPassage {
  passage: Passage;
  score: number;
  /** Share of the question's weighted terms found in the passage, 0–1. */
  coverage: number;
}

export interface ExtractedAnswer {
  /** False when no passage answers well enough: the caller offers the closest documents instead. */
  found: boolean;
  /** The span that answers ("20%", "năm 2030", a list, a sentence). */
  answer: string;
  /** The sentence the answer comes from, for display and citation. */
  sentence: string;
  passage: Passage | null;
  confidence: number;
  type: AnswerType;
  ranked: ScoredPassage[];
}

interface Indexed {
  passage: Passage;
  tokens: string[];
  set: Set<string>;
  bigrams: Set<string>;
  titleSet: Set<string>;
}

const MIN_COVERAGE = 0.5;

function foldedTokens(text: string): string[] {
  return tokenize(text).map((t) => t.folded.toLowerCase());
}

/** The tokens plus the parts of document codes, so "nghị quyết 02" matches "02-NQ/TU". */
function matchSet(tokens: string[]): Set<string> {
  const set = new Set(tokens);
  for (const t of tokens) if (/[-/]/.test(t)) for (const part of t.split(/[-/.]/)) if (part) set.add(part);
  return set;
}

function bigramSet(tokens: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < tokens.length; i++) out.add(`${tokens[i - 1]} ${tokens[i]}`);
  return out;
}

function weights(q: AnalysedQuestion, docs: Indexed[]): Map<string, number> {
  const n = docs.length || 1;
  const w = new Map<string, number>();
  for (const term of q.terms) {
    const df = docs.reduce((c, d) => c + (d.set.has(term) ? 1 : 0), 0);
    // Rare syllables tell passages apart; a syllable in every passage still counts a little.
    w.set(term, Math.log(1 + n / (df + 0.5)) + 0.1);
  }
  return w;
}

function coverageOf(q: AnalysedQuestion, w: Map<string, number>, set: Set<string>): number {
  let total = 0;
  let hit = 0;
  for (const t of q.terms) {
    const x = w.get(t) ?? 0;
    total += x;
    if (set.has(t)) hit += x;
  }
  return total > 0 ? hit / total : 0;
}

/** Ranks candidate passages by weighted term coverage, phrase (bigram) matches and title matches. */
export function rankPassages(q: AnalysedQuestion, passages: Passage[]): ScoredPassage[] {
  const docs: Indexed[] = passages.map((passage) => {
    const tokens = foldedTokens(passage.text);
    return {
      passage,
      tokens,
      set: matchSet(tokens),
      bigrams: bigramSet(tokens),
      titleSet: matchSet(foldedTokens(passage.title)),
    };
  });
  const w = weights(q, docs);
  const scored = docs.map((d) => {
    const coverage = coverageOf(q, w, d.set);
    const phrase = q.bigrams.length ? q.bigrams.filter((b) => d.bigrams.has(b)).length / q.bigrams.length : 0;
    const title = coverageOf(q, w, d.titleSet);
    // Retrieval's own view (search order, embeddings) counts a little; the words decide.
    const retrieval = 0.2 * Math.max(0, Math.min(1, d.passage.retrievalScore ?? 0));
    return { passage: d.passage, coverage, score: coverage + 0.6 * phrase + 0.15 * title + retrieval };
  });
  return scored.sort((a, b) => b.score - a.score);
}

const FACT_KINDS: Partial<Record<AnswerType, Array<Fact['kind']>>> = {
  percent: ['percent'],
  year: ['year', 'date'],
  date: ['date', 'year'],
  number: ['count', 'money', 'percent'],
};

const RANK = /thứ \d+(?:\s*(?:\/|trên)\s*\d+)?/u;
const PERSON = /(?:ông|bà|đồng chí|anh|chị)\s+(?:\p{Lu}\p{Ll}*\s+){1,3}\p{Lu}\p{Ll}*/u;

/** How many of the question's words the comma-separated clause around a fact holds. */
function clauseScore(q: AnalysedQuestion, clause: string): number {
  const tokens = tokenize(clause).map((t) => t.folded.toLowerCase());
  const terms = new Set(q.terms);
  let score = 0;
  // Years are weighed by the qualifier rule in typedSpan; here only words count.
  for (const t of new Set(tokens)) if (terms.has(t) && !/^\d+$/.test(t)) score += 1;
  return score;
}

function clauseAround(sentence: string, at: number): string {
  const before = sentence.slice(0, at).search(/[,;:][^,;:]*$/u);
  const afterRel = sentence.slice(at).search(/[,;]/u);
  return sentence.slice(before < 0 ? 0 : before + 1, afterRel < 0 ? sentence.length : at + afterRel);
}

function foldWord(w: string): string {
  return fold(w.toLowerCase());
}

function typedSpan(q: AnalysedQuestion, sentence: string): string | null {
  const kinds = FACT_KINDS[q.type];
  if (kinds) {
    const facts = findFacts(sentence).filter((f) => kinds.includes(f.kind));
    if (!facts.length) return null;
    const tokens = tokenize(sentence);
    const asked = new Set(q.terms);
    const years = tokens.filter(
      (t) => /^\d{4}$/.test(t.text) && Number(t.text) >= 1900 && Number(t.text) <= 2100,
    );
    // The year a value belongs to is the nearest one written before it ("năm 2025 … 20%, năm 2030 … 30%").
    const qualifier = (f: Fact) => [...years].reverse().find((y) => y.end <= f.start)?.text ?? null;
    const questionYears = years.filter((y) => asked.has(y.text)).map((y) => y.text);
    const yearFit = (f: Fact) => {
      if (f.kind === 'year' || questionYears.length === 0) return 0;
      const y = qualifier(f);
      return y === null ? 0 : questionYears.includes(y) ? 1 : -1;
    };
    // Numbers the question names ("100%") anchor the answer: take the fact nearest to one.
    const anchors = tokens.filter((t) => /\d/.test(t.text) && asked.has(t.folded.toLowerCase()));
    const distance = (f: Fact) => {
      const others = anchors.filter((a) => a.end <= f.start || a.start >= f.end);
      return others.length ? Math.min(...others.map((a) => Math.abs(a.start - f.start))) : 1e9;
    };
    // "bao nhiêu trụ cột" asks for the count of trụ cột, not of nhóm.
    const unitFit = (f: Fact) => (f.kind === 'count' && asked.has(foldWord(f.unit)) ? 1 : 0);
    const fit = (f: Fact) => clauseScore(q, clauseAround(sentence, f.start));
    const ranked = [...facts].sort(
      (a, b) =>
        kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
        unitFit(b) - unitFit(a) ||
        yearFit(b) - yearFit(a) ||
        (questionYears.length
          ? fit(b) - fit(a) || distance(a) - distance(b)
          : distance(a) - distance(b) || fit(b) - fit(a)),
    );
    const best = ranked[0]!;
    if (best.kind !== 'count') return best.phrase;
    // A count keeps the rest of its noun when the question names it ("38 sản phẩm", not "38 sản").
    let end = best.end;
    for (const t of tokens) {
      if (t.start < end) continue;
      if (t.start - end > 1 || !asked.has(t.folded.toLowerCase())) break;
      end = t.end;
    }
    return sentence.slice(best.start, end);
  }
  if (q.type === 'person') return PERSON.exec(sentence)?.[0] ?? null;
  if (q.type === 'rank') return RANK.exec(sentence)?.[0] ?? null;
  if (q.type === 'list') {
    const colon = sentence.indexOf(':');
    return colon >= 0
      ? sentence
          .slice(colon + 1)
          .trim()
          .replace(/[.;]+$/u, '')
      : null;
  }
  return null;
}

/**
 * The extractive answerer: rank passages, pick the sentence that covers the question best, then the span the
 * question asks for (a number, a year, a person, a list) or the sentence itself. Needs no outside service.
 */
export function extractAnswer(question: string, passages: Passage[]): ExtractedAnswer {
  const q = analyseQuestion(question);
  const ranked = rankPassages(q, passages);
  const none: ExtractedAnswer = {
    found: false,
    answer: '',
    sentence: '',
    passage: null,
    confidence: 0,
    type: q.type,
    ranked,
  };
  if (!q.terms.length || !ranked.length) return none;

  const w = weights(
    q,
    ranked.map((r) => {
      const tokens = foldedTokens(r.passage.text);
      return { passage: r.passage, tokens, set: new Set(tokens), bigrams: new Set(), titleSet: new Set() };
    }),
  );
  let best: {
    passage: Passage;
    sentence: string;
    span: string | null;
    score: number;
    coverage: number;
  } | null = null;
  for (const r of ranked.slice(0, 8)) {
    // Words of the title are already matched by the document; in its sentences they count a third.
    const title = matchSet(foldedTokens(r.passage.title));
    const sw = new Map([...w].map(([t, x]) => [t, title.has(t) ? x / 3 : x]));
    for (const s of splitSentences(r.passage.text)) {
      const tokens = foldedTokens(s.text);
      // Words of the title count as said: the sentence is read within its document.
      const set = new Set([...matchSet(tokens), ...title]);
      const coverage = coverageOf(q, sw, set);
      const phrase = q.bigrams.length
        ? q.bigrams.filter((b) => bigramSet(tokens).has(b)).length / q.bigrams.length
        : 0;
      const span = typedSpan(q, s.text);
      // Passage context counts too: the heading of a list item often holds half the question's words.
      const score = coverage + 0.5 * phrase + 0.3 * r.coverage + (span ? 0.25 : 0);
      if (!best || score > best.score) best = { passage: r.passage, sentence: s.text, span, score, coverage };
    }
  }
  if (!best) return none;
  const confidence = Math.min(1, 0.7 * best.coverage + 0.3 * (ranked[0]?.coverage ?? 0));
  const typed = FACT_KINDS[q.type] || q.type === 'person' || q.type === 'rank';
  const found = confidence >= MIN_COVERAGE && (!typed || best.span !== null);
  let answer = best.span ?? best.sentence;
  if (q.type === 'procedure') {
    const sentences = splitSentences(best.passage.text).map((s) => s.text);
    const at = sentences.indexOf(best.sentence);
    answer = sentences.slice(Math.max(0, at), at + 3).join(' ');
  }
  return {
    found,
    answer: found ? answer : '',
    sentence: best.sentence,
    passage: best.passage,
    confidence,
    type: q.type,
    ranked,
  };
}

/** Token-level F1 between a predicted and an expected answer, on folded syllables (for the quality harness). */
export function answerF1(predicted: string, expected: string): number {
  const p = foldedTokens(predicted);
  const e = foldedTokens(expected);
  if (!p.length || !e.length) return p.length === e.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of e) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of p) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      common++;
      counts.set(t, c - 1);
    }
  }
  if (!common) return 0;
  const precision = common / p.length;
  const recall = common / e.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Exact match after folding and dropping punctuation and spaces. */
export function answerExact(predicted: string, expected: string): boolean {
  const norm = (s: string) => fold(s.toLowerCase()).replace(/[^\p{L}\p{N}%]+/gu, '');
  return norm(expected).length > 0 && norm(predicted) === norm(expected);
}
