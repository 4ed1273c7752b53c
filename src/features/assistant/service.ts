import type { AppContext } from '../../platform/context.ts';
import type { AudienceView } from '../../platform/permissions/check.ts';
import { analyseQuestion, MAX_QUESTION_CHARS } from './domain/question.ts';
import { extractAnswer } from './domain/answer.ts';
import { generateGrounded } from './grounded.ts';
import { cosine } from './providers/openai.ts';
import { providersFor } from './config.ts';
import { retrievePassages, snippetOf, type RetrievedPassage } from './retrieve.ts';

export interface Citation {
  documentId: string;
  type: string;
  title: string;
  source: string | null;
  passage: string;
  snippet: string;
  url: string;
}

export interface AskResult {
  question: string;
  /** The question was longer than MAX_QUESTION_CHARS and was cut. */
  truncated: boolean;
  found: boolean;
  answer: string;
  /** Who wrote the answer: the built-in extractive answerer or the configured model (grounded, cited). */
  answeredBy: 'extractive' | 'generative';
  confidence: number;
  citations: Citation[];
  /** When nothing answers well enough: the closest items the person may see. */
  closest: Array<{ type: string; id: string; title: string; url: string }>;
}

const NOT_FOUND =
  'Chưa tìm thấy câu trả lời trong các tài liệu bạn được xem. Bạn có thể mở các tài liệu gần nhất dưới đây.';
const EMBED_TOP = 40;
/** A question with fewer content words than this, asked after another, is read as a follow-up. */
const FOLLOW_UP_TERMS = 5;

function citationOf(p: RetrievedPassage, sentence?: string): Citation {
  return {
    documentId: p.documentId,
    type: p.type,
    title: p.title,
    source: p.source,
    passage: p.id,
    snippet: snippetOf(sentence || p.text),
    url: p.url,
  };
}

/**
 * Answers a question from what `view` may see. Follow-up questions with few words of their own borrow the
 * previous question's words for retrieval ("còn năm 2030 thì sao?").
 */
export async function ask(
  ctx: AppContext,
  view: AudienceView,
  input: { question: string; previous?: string[] },
  /** Filled with the passages in answer order, for the quality harness. */
  trace?: { ranked: RetrievedPassage[] },
): Promise<AskResult> {
  const question = input.question.trim();
  const truncated = question.length > MAX_QUESTION_CHARS;
  const q = analyseQuestion(question);
  let retrievalQuestion = q.text;
  const last = input.previous?.at(-1);
  if (last && q.terms.length < FOLLOW_UP_TERMS) {
    // The new question's numbers replace the old ones ("còn năm 2030 thì sao?" after a question about 2025).
    const before = /\d/.test(q.text)
      ? analyseQuestion(last).text.replace(/\d[\d.,%]*/g, ' ')
      : analyseQuestion(last).text;
    retrievalQuestion = `${before} ${q.text}`;
  }
  const rq = analyseQuestion(retrievalQuestion);
  const { passages, items } = await retrievePassages(ctx.db, ctx.dialect, view, retrievalQuestion, rq);
  const providers = providersFor(ctx);

  if (providers.embeddings && passages.length > 1) {
    try {
      const top = passages.slice(0, EMBED_TOP);
      const [qv, ...pv] = await providers.embeddings.embed([q.text, ...top.map((p) => p.text)]);
      top.forEach((p, i) => {
        p.retrievalScore = 0.5 * (p.retrievalScore ?? 0) + Math.max(0, cosine(qv!, pv[i]!));
      });
    } catch (err) {
      ctx.log.warn({ err }, 'embeddings provider failed; lexical ranking only');
    }
  }

  // Follow-ups are answered with the merged words, typed by the new question's own words.
  const extracted = extractAnswer(
    last && q.terms.length < FOLLOW_UP_TERMS ? retrievalQuestion : question,
    passages,
  );
  const best = extracted.passage as RetrievedPassage | null;
  if (trace) trace.ranked = extracted.ranked.map((r) => r.passage as RetrievedPassage);
  const base: AskResult = {
    question: q.text,
    truncated,
    found: extracted.found,
    answer: extracted.found ? extracted.answer : NOT_FOUND,
    answeredBy: 'extractive',
    confidence: Math.round(extracted.confidence * 100) / 100,
    citations: extracted.found && best ? [citationOf(best, extracted.sentence)] : [],
    closest: extracted.found
      ? []
      : items.slice(0, 3).map((c) => ({ type: c.type, id: c.id, title: c.title, url: c.url })),
  };
  if (!extracted.found || !providers.chat) return base;

  const context = extracted.ranked.slice(0, 4).map((r) => r.passage as RetrievedPassage);
  try {
    const generated = await generateGrounded(providers.chat, question, context);
    if (!generated) return base;
    return {
      ...base,
      answer: generated.answer,
      answeredBy: 'generative',
      citations: generated.cited.map((n) => citationOf(context[n - 1]!)),
    };
  } catch (err) {
    ctx.log.warn({ err }, 'chat provider failed; extractive answer kept');
    return base;
  }
}
