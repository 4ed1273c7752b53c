import { fold, nfc, tokenize, type Token } from '../../text/index.ts';

/** Longest text indexed per item; longer bodies are cut (their start is what search and snippets use). */
export const MAX_INDEXED_CHARS = 100_000;
const MAX_TOKEN_CHARS = 64;

/** One searchable unit: a syllable, a number, or one part of a document code / date. */
export interface Term {
  /** Lower-cased NFC form, diacritics kept. */
  exact: string;
  folded: string;
  /** Offsets into the NFC text. */
  start: number;
  end: number;
  /** Punctuation separates this term from the previous one (phrases do not cross it). */
  breakBefore: boolean;
}

const PART = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The terms of a text: tokenize() syllables, with document codes and numbers split into their alphanumeric
 * parts ("02-NQ/TU" → 02 nq tu, "19/11/2021" → 19 11 2021) so a code typed in lower case or with other
 * separators still matches as a phrase; the whole code is matched separately through `numberKey`.
 */
export function terms(text: string): Term[] {
  return termsOf(tokenize(text));
}

export function termsOf(tokens: readonly Token[]): Term[] {
  const out: Term[] = [];
  for (const t of tokens) {
    if (t.kind === 'word') {
      const exact = t.text.toLowerCase().slice(0, MAX_TOKEN_CHARS);
      out.push({ exact, folded: fold(exact), start: t.start, end: t.end, breakBefore: t.breakBefore });
      continue;
    }
    let first = true;
    for (const m of t.text.matchAll(PART)) {
      const exact = m[0].toLowerCase().slice(0, MAX_TOKEN_CHARS);
      const start = t.start + (m.index ?? 0);
      out.push({
        exact,
        folded: fold(exact),
        start,
        end: start + m[0].length,
        breakBefore: first && t.breakBefore,
      });
      first = false;
    }
  }
  return out;
}

/** The folded stream stored and indexed: terms joined by spaces, " | " where punctuation breaks a phrase. */
export function foldedStream(list: readonly Term[]): string {
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as Term;
    if (i > 0) out += t.breakBefore ? ' | ' : ' ';
    out += t.folded;
  }
  return out;
}

/** Whole-number key: folded, letters and digits only ("02-NQ/TU" → "02nqtu", "749/QĐ-TTg" → "749qdttg"). */
export function numberKey(number: string | null | undefined): string | null {
  if (!number) return null;
  const key = fold(nfc(number)).replace(/[^\p{L}\p{N}]+/gu, '');
  return key.length > 0 ? key : null;
}

/** Text cut to the indexed length, in NFC, without a dangling half of a surrogate pair. */
export function capText(text: string, max = MAX_INDEXED_CHARS): string {
  const s = nfc(text);
  if (s.length <= max) return s;
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * Terms indexed for the title: the title's own, then the document number's parts after a break, so
 * "nghị quyết 02 chuyển đổi số" finds "02-NQ/TU" (members cite documents by number) without a phrase across them.
 */
export function titleTerms(title: string, number: string | null | undefined): Term[] {
  const own = terms(title);
  if (!number) return own;
  const parts = terms(number).map((t, i) => (i === 0 ? { ...t, breakBefore: true } : t));
  return own.concat(parts);
}
