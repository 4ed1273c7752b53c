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

/**
 * The sentence found by its words in the scope's text (whitespace runs compared as one space), for content a
 * page renders as HTML without paragraph ids. Searches from the previous hit on, so repeated sentences keep order.
 */
let searchFrom = 0;
function findInText(scope: ParentNode, sentence: PlanSentence): Range | null {
  const root = scope instanceof Document ? scope.body : (scope as Node);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let flat = '';
  const map: Array<[Text, number]> = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.nodeValue ?? '';
    for (let i = 0; i < value.length; i++) {
      const space = /\s/.test(value[i]!);
      if (space && flat.endsWith(' ')) continue;
      flat += space ? ' ' : value[i]!;
      map.push([node, i]);
    }
  }
  const wanted = sentence.text.normalize('NFC').replace(/\s+/g, ' ');
  const text = flat.normalize('NFC');
  let at = sentence.index === 0 ? -1 : text.indexOf(wanted, searchFrom);
  if (at < 0) at = text.indexOf(wanted);
  // NFC may change lengths if the page is not NFC; the map is then only approximate, so give up on it.
  if (at < 0 || text.length !== flat.length) return null;
  searchFrom = at + wanted.length;
  const [startNode, startOffset] = map[at]!;
  const [endNode, endOffset] = map[at + wanted.length - 1]!;
  const range = document.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset + 1);
  return range;
}

const BLOCKS = 'p,li,h1,h2,h3,h4,h5,h6,blockquote,td,th,dd,dt,figcaption,div';

export function clearHighlight(scope: ParentNode = document): void {
  registry()?.delete(HIGHLIGHT);
  for (const el of scope.querySelectorAll(`[${CURRENT}]`)) el.removeAttribute(CURRENT);
}

/**
 * Marks the sentence being read inside the page element with its `data-paragraph-id`: the exact words with the
 * CSS Custom Highlight API (no change to the page's DOM), the paragraph itself with `data-speech-current` as a
 * fallback, and scrolls it into view when it is off screen. Without such an element (HTML rendered as is), a
 * `scope` other than the whole document is searched for the sentence's words. Returns false when not found.
 */
export function highlightSentence(sentence: PlanSentence, scope: ParentNode = document): boolean {
  clearHighlight(scope);
  let element =
    sentence.paragraphId === null
      ? null
      : scope.querySelector(`[data-paragraph-id="${CSS.escape(sentence.paragraphId)}"]`);
  let range: Range | null = null;
  if (element) {
    const at = locate(element, sentence);
    range = at ? rangeOf(element, at[0], at[1]) : null;
  } else if (scope !== document) {
    range = findInText(scope, sentence);
    element = range?.startContainer.parentElement?.closest(BLOCKS) ?? null;
  }
  if (!element) return false;
  element.setAttribute(CURRENT, String(sentence.index));
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
