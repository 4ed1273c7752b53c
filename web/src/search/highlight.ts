/** A text cut into plain and marked parts by [start, end) offsets: rendered as text nodes, never as HTML. */
export interface Part {
  text: string;
  marked: boolean;
}

export function highlightParts(text: string, ranges: ReadonlyArray<readonly [number, number]>): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > text.length || end <= start) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
