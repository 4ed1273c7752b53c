import { SECTION_NAMES, type NewsSection } from './sections.ts';
import type { FeedRow } from './queries.ts';

// The feed is the most read answer of the API: every member opens it, and members of one branch share its items.
// Each item is written as JSON once per kept page, up to the value of its unread mark (the only per-reader part),
// and a request joins the pieces instead of building and serialising twenty objects again.

const OPEN = 'false}';

/** An item as the feed sends it (the API's FeedItemView), ending just before the value of `unread`. */
export function feedItemPrefix(r: FeedRow): string {
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
  return json.slice(0, -OPEN.length);
}

/** The page `{ items, nextCursor }` as JSON text, with the reader's unread marks. */
export function feedJson(
  prefixes: readonly string[],
  rows: readonly FeedRow[],
  read: ReadonlySet<string>,
  nextCursor: string | null,
): string {
  let out = '{"items":[';
  for (let i = 0; i < rows.length; i++) {
    if (i > 0) out += ',';
    out += prefixes[i]! + (read.has(rows[i]!.id) ? 'false}' : 'true}');
  }
  return `${out}],"nextCursor":${JSON.stringify(nextCursor)}}`;
}
