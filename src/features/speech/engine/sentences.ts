/** Longest piece sent to a provider at once. */
export const MAX_CHUNK_CHARS = 300;
/** The first piece of a text is kept shorter: the listener waits for it, later pieces are made while it plays. */
export const FIRST_CHUNK_CHARS = 100;

/** A piece of the input with its UTF-16 offsets, as the Vietnamese text module's splitter returns them. */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** NFC, single spaces, trimmed: two spellings of the same sentence share one cache entry. */
export function canonicalText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * Splits an over-long sentence at the last clause break (, ; :) before the limit, else at the last space, else
 * hard at the limit, so no piece exceeds `maxChars` (the first piece: `firstMaxChars`). Offsets stay relative to
 * the same string as the input span, so the player can still highlight each piece.
 */
export function chunkSentence(
  span: TextSpan,
  maxChars = MAX_CHUNK_CHARS,
  firstMaxChars = maxChars,
): TextSpan[] {
  const pieces: TextSpan[] = [];
  let from = 0;
  const text = span.text;
  const push = (start: number, end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') {
      pieces.push({
        text: trimmed,
        start: span.start + start + lead,
        end: span.start + start + lead + trimmed.length,
      });
    }
  };
  let limit = Math.min(firstMaxChars, maxChars);
  while (text.length - from > limit) {
    const window = text.slice(from, from + limit + 1);
    const clause = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf(': '));
    const space = window.search(/\s\S*$/u);
    const cut = clause > limit / 3 ? clause + 1 : space > 0 ? space : limit;
    push(from, from + cut);
    from += cut;
    limit = maxChars;
  }
  push(from, text.length);
  return pieces;
}
