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
  let kept = recent.get(text);
  if (kept) {
    recent.delete(text);
  } else {
    kept = split(text);
    keptChars += text.length;
    while (keptChars > KEEP_CHARS && recent.size > 0) {
      const oldest = recent.keys().next().value as string;
      recent.delete(oldest);
      keptChars -= oldest.length;
    }
  }
  recent.set(text, kept);
  // A fresh array over shared frozen paragraphs: callers may reorder or filter their copy.
  return kept.slice();
}

// The same few texts (the documents people are reading) are split again on every page view: splitting and
// hashing a long text costs more than the rest of the request. Kept by the text itself, so an edited text is
// simply another key; the most recently used texts stay, up to KEEP_CHARS characters in all (a few MB).
const KEEP_CHARS = 2_000_000;
const recent = new Map<string, readonly Paragraph[]>();
let keptChars = 0;

function split(text: string): readonly Paragraph[] {
  const seen = new Map<string, number>();
  return splitParagraphs(text).map((span) => {
    const base = createHash('sha256').update(span.text).digest('hex').slice(0, 10);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return Object.freeze({ id: n === 1 ? base : `${base}-${n}`, text: span.text });
  });
}
