import type { Term } from './analyze.ts';

// PostgreSQL limits: positions 1..16383, at most 256 positions per lexeme, lexemes under 2 KB.
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;

/** A lexeme quoted for a tsvector/tsquery literal: no parser or dictionary touches it. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The tsvector of an item as a literal: folded title terms weighted A, body terms D (after a gap, so no phrase
 * spans title and body), the whole document number A. Built here rather than by to_tsvector so PostgreSQL
 * indexes exactly the terms SQLite's FTS5 indexes.
 */
export function tsvectorLiteral(
  title: readonly Term[],
  body: readonly Term[],
  numberKey: string | null,
): string {
  const lexemes = new Map<string, string[]>();
  const add = (lexeme: string, position: number, weight: 'A' | 'D') => {
    if (lexeme.length === 0) return;
    let list = lexemes.get(lexeme);
    if (!list) lexemes.set(lexeme, (list = []));
    if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${Math.min(position, MAX_POSITION)}${weight}`);
  };
  let pos = 1;
  for (const t of title) add(t.folded, pos++, 'A');
  pos += 1;
  for (const t of body) {
    if (t.breakBefore) pos += 1; // a gap at punctuation keeps phrases from crossing it
    add(t.folded, pos++, 'D');
  }
  if (numberKey) add(numberKey, 1, 'A');
  let out = '';
  for (const [lexeme, positions] of lexemes) {
    if (out) out += ' ';
    out += `${quoteLexeme(lexeme)}:${positions.join(',')}`;
  }
  return out;
}
