import type { PlanSentence } from './types.ts';

const HIGHLIGHT = 'speech-sentence';
const CURRENT = 'data-speech-current';

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

function registry(): HighlightRegistry | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Ctor = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return css?.highlights && Ctor ? css.highlights : null;
}

/** A DOM range over characters [start, end) of the element's text, across nested inline markup. */
function rangeOf(element: Element, start: number, end: number): Range | null {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0;
  let started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.nodeValue?.length ?? 0;
    if (!started && start <= offset + length) {
      range.setStart(node, start - offset);
      started = true;
    }
    if (started && end <= offset + length) {
      range.setEnd(node, end - offset);
      return range;
    }
    offset += length;
  }
  return null;
}

/** Offsets are into the NFC text the server planned; a page that shows other spacing is matched by search. */
function locate(element: Element, sentence: PlanSentence): [number, number] | null {
  const text = (element.textContent ?? '').normalize('NFC');
  if (text.slice(sentence.start, sentence.end) === sentence.text) return [sentence.start, sentence.end];
  const found = text.indexOf(sentence.text);
  return found >= 0 ? [found, found + sentence.text.length] : null;
}

export function clearHighlight(scope: ParentNode = document): void {
  registry()?.delete(HIGHLIGHT);
  for (const el of scope.querySelectorAll(`[${CURRENT}]`)) el.removeAttribute(CURRENT);
}

/**
 * Marks the sentence being read inside the page element with its `data-paragraph-id`: the exact words with the
 * CSS Custom Highlight API (no change to the page's DOM), the paragraph itself with `data-speech-current` as a
 * fallback, and scrolls it into view when it is off screen. Returns false when the page has no such paragraph.
 */
export function highlightSentence(sentence: PlanSentence, scope: ParentNode = document): boolean {
  clearHighlight(scope);
  if (sentence.paragraphId === null) return false;
  const element = scope.querySelector(`[data-paragraph-id="${CSS.escape(sentence.paragraphId)}"]`);
  if (!element) return false;
  element.setAttribute(CURRENT, String(sentence.index));
  const at = locate(element, sentence);
  const range = at ? rangeOf(element, at[0], at[1]) : null;
  const highlights = registry();
  if (range && highlights) {
    const Ctor = (globalThis as unknown as { Highlight: new (...ranges: Range[]) => unknown }).Highlight;
    highlights.set(HIGHLIGHT, new Ctor(range));
  }
  const box = (range ?? element).getBoundingClientRect();
  const header = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
  if (box.top < header || box.bottom > window.innerHeight - 160) {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: reduce ? 'auto' : 'smooth' });
  }
  return true;
}
