import { createHash } from 'node:crypto';
import { splitParagraphs } from '../../text/index.ts';

export interface Paragraph {
  id: string;
  text: string;
}

/**
 * Paragraphs with ids derived from their own text, so a citation (`#p-<id>`) from a meeting, a quiz or the
 * assistant still points at the same paragraph after others are added, removed or edited. Repeated paragraphs
 * get a counter suffix in order of appearance.
 */
export function paragraphsOf(text: string): Paragraph[] {
  const seen = new Map<string, number>();
  return splitParagraphs(text).map((span) => {
    const base = createHash('sha256').update(span.text).digest('hex').slice(0, 10);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, text: span.text };
  });
}
