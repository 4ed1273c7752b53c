import { createChatProvider, type ChatProvider } from '../assistant/providers/openai.ts';
import { isValidQuestion, type GeneratedQuestion, type SourceParagraph } from './domain/generate.ts';
import { TRUE_FALSE_OPTIONS } from './bank.ts';

/**
 * Optional outside question provider (OpenAI-compatible chat API), configured by SOTAY_QUIZ_LLM_URL,
 * SOTAY_QUIZ_LLM_KEY and SOTAY_QUIZ_LLM_MODEL. Its proposals pass the same gate as the built-in generator.
 */
export function quizProviderFromEnv(env: NodeJS.ProcessEnv = process.env): ChatProvider | null {
  const url = env.SOTAY_QUIZ_LLM_URL?.trim();
  if (!url) return null;
  return createChatProvider({
    url,
    key: env.SOTAY_QUIZ_LLM_KEY?.trim() || undefined,
    model: env.SOTAY_QUIZ_LLM_MODEL?.trim() || 'gpt-4o-mini',
    timeoutMs: 60_000,
  });
}

const SYSTEM = [
  'Bạn soạn câu hỏi trắc nghiệm tiếng Việt để học tập nghị quyết, chỉ dựa trên các đoạn văn được cung cấp.',
  'Trả lời DUY NHẤT một mảng JSON, mỗi phần tử:',
  '{"kind":"single"|"multiple"|"true_false","stem":"…","options":["…"],"correct":[0],"paragraphId":"…","quote":"…"}',
  'Đáp án đúng phải được viết nguyên văn trong đoạn có paragraphId; "quote" là câu trích nguyên văn từ đoạn đó.',
  'Với true_false, options là ["Đúng","Sai"].',
].join('\n');

function parseArray(text: string): unknown[] {
  const start = text.indexOf('[');
  const end = text.lastIndexOf(']');
  if (start < 0 || end <= start) return [];
  try {
    const v = JSON.parse(text.slice(start, end + 1)) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function asQuestion(v: unknown): GeneratedQuestion | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const kind = o.kind;
  if (kind !== 'single' && kind !== 'multiple' && kind !== 'true_false') return null;
  if (typeof o.stem !== 'string' || typeof o.paragraphId !== 'string') return null;
  const options =
    kind === 'true_false'
      ? TRUE_FALSE_OPTIONS
      : Array.isArray(o.options) && o.options.every((x) => typeof x === 'string')
        ? (o.options as string[]).map((x) => x.normalize('NFC').trim())
        : null;
  if (!options) return null;
  if (!Array.isArray(o.correct) || !o.correct.every((i) => Number.isInteger(i))) return null;
  const correct = o.correct as number[];
  if (kind !== 'multiple' && correct.length !== 1) return null;
  const quote = typeof o.quote === 'string' ? o.quote.normalize('NFC').trim() : '';
  // A true/false statement's evidence is its quote; a choice question's is the text of its correct options.
  const evidence =
    kind === 'true_false' ? (quote ? [quote] : []) : correct.map((i) => options[i] ?? '\u0000');
  if (evidence.length === 0) return null;
  return {
    kind,
    stem: o.stem.normalize('NFC').trim(),
    options,
    correct,
    paragraphId: o.paragraphId,
    evidence,
    origin: 'statement',
  };
}

/** Asks the provider for questions; returns only those whose answer is written in the cited paragraph. */
export async function proposeWithProvider(
  provider: ChatProvider,
  paragraphs: SourceParagraph[],
  max: number,
): Promise<{ kept: GeneratedQuestion[]; discarded: number }> {
  const byId = new Map(paragraphs.map((p) => [p.id, p.text]));
  const source = paragraphs
    .slice(0, 40)
    .map((p) => `[${p.id}] ${p.text}`)
    .join('\n\n');
  const answer = await provider.complete([
    { role: 'system', content: SYSTEM },
    { role: 'user', content: `Soạn tối đa ${max} câu hỏi từ các đoạn sau:\n\n${source}` },
  ]);
  const kept: GeneratedQuestion[] = [];
  let discarded = 0;
  for (const raw of parseArray(answer).slice(0, max * 2)) {
    const q = asQuestion(raw);
    const text = q ? byId.get(q.paragraphId) : undefined;
    if (q && text !== undefined && q.stem && isValidQuestion(q, text) && kept.length < max) kept.push(q);
    else discarded++;
  }
  return { kept, discarded };
}
