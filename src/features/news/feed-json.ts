import { SECTION_NAMES, type NewsSection } from './sections.ts';
import type { FeedRow } from './queries.ts';

// The feed is the most read answer of the API: every member opens it, and members of one branch share its items.
// Each item is written as UTF-8 JSON once per kept page, up to the value of its unread mark (the only per-reader
// part), and a request joins the bytes instead of building, serialising and encoding twenty objects again.

const OPEN = 'false}';
const READ = Buffer.from('false}');
const UNREAD = Buffer.from('true}');
const COMMA = Buffer.from(',');
const START = Buffer.from('{"items":[');

/** An item as the feed sends it (the API's FeedItemView), ending just before the value of `unread`. */
export function feedItemPrefix(r: FeedRow): Buffer {
  const json = JSON.stringify({
    id: r.id,
    section: r.section,
    sectionName: SECTION_NAMES[r.section as NewsSection],
    title: r.title,
    excerpt: r.excerpt,
    source: r.source,
    publishedAt: r.publishedAt,
    pinned: r.pinned,
    unread: false,
  });
  return Buffer.from(json.slice(0, -OPEN.length));
}

/** The page `{ items, nextCursor }` as UTF-8 JSON, with the reader's unread marks. */
export function feedJson(
  prefixes: readonly Buffer[],
  rows: readonly FeedRow[],
  read: ReadonlySet<string>,
  nextCursor: string | null,
): Buffer {
  const parts: Buffer[] = [START];
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) parts.push(COMMA);
    parts.push(prefixes[i]!, read.has(rows[i]!.id) ? READ : UNREAD);
  }
  parts.push(Buffer.from(`],"nextCursor":${JSON.stringify(nextCursor)}}`));
  return Buffer.concat(parts);
}
