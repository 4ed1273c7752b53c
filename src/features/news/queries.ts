import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { prepareQuery } from '../../platform/db/prepared.ts';
import type { AudienceView } from '../../platform/permissions/check.ts';
import { audienceSql, insideSql } from '../documents/audience.ts';
import type { NewsTable } from './tables.ts';
import { readFeedStamp } from './feed-stamp.ts';
import { feedItemPrefix, feedJson } from './feed-json.ts';

export type NewsRow = NewsTable;

export async function findNews(db: DbOrTx, id: string): Promise<NewsRow | null> {
  return (await db.selectFrom('news').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function newsAudience(db: DbOrTx, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('news_audience')
    .select('audience_path')
    .where('news_id', '=', id)
    .orderBy('audience_path')
    .execute();
  return rows.map((r) => r.audience_path);
}

export interface FeedItem {
  id: string;
  section: string;
  title: string;
  excerpt: string;
  source: string | null;
  publishedAt: string;
  pinned: boolean;
  unread: boolean;
}

function encodeCursor(r: { pinned: number; publish_at: string; id: string }) {
  return Buffer.from(`${r.pinned}|${r.publish_at}|${r.id}`).toString('base64url');
}

function decodeCursor(c: string): [number, string, string] | null {
  const [p, at, id] = Buffer.from(c, 'base64url').toString().split('|');
  if (!p || !at || !id) return null;
  return [Number(p), at, id];
}

const visibleTo = (view: AudienceView) =>
  sql<boolean>`exists (select 1 from news_audience a where a.news_id = n.id and ${audienceSql('a.audience_path', view)})`;

export type FeedRow = Omit<FeedItem, 'unread'>;

interface PageRows {
  rows: FeedRow[];
  hasMore: boolean;
  /** Each row as JSON up to its unread mark (feed-json.ts); made once for a kept page. */
  prefixes?: readonly Buffer[];
}

interface KeptPage extends PageRows {
  stamp: number;
  /** The page is right until then: the next scheduled item goes live, or a minute passes. */
  until: string;
}

const KEPT_FOR_MS = 60_000;
const MAX_KEPT = 2_000;
/** First pages by database and by audience view: every member of a branch sees the same page. */
const keptPages = new WeakMap<object, Map<string, KeptPage>>();

function pageKey(view: AudienceView, opts: { section?: string; limit: number }): string {
  return `${view.ancestors.join(',')}|${view.subtrees.join(',')}|${opts.section ?? ''}|${opts.limit}`;
}

/** Live items the view may see, without read marks (the part every member of an audience shares). */
async function feedRows(
  db: DbOrTx,
  view: AudienceView,
  opts: { section?: string; limit: number; cursor?: string; now: string },
): Promise<{ rows: FeedRow[]; hasMore: boolean }> {
  let q = db
    .selectFrom('news as n')
    .select(['n.id', 'n.section', 'n.title', 'n.excerpt', 'n.source', 'n.publish_at', 'n.pinned'])
    .where('n.status', '=', 'published')
    .where('n.publish_at', '<=', opts.now)
    .where(visibleTo(view));
  if (opts.section) q = q.where('n.section', '=', opts.section as NewsRow['section']);
  const c = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (c) {
    const [p, at, id] = c;
    q = q.where((eb) =>
      eb.or([
        eb('n.pinned', '<', p),
        eb.and([
          eb('n.pinned', '=', p),
          eb.or([eb('n.publish_at', '<', at), eb.and([eb('n.publish_at', '=', at), eb('n.id', '<', id)])]),
        ]),
      ]),
    );
  }
  const rows = await q
    .orderBy('n.pinned', 'desc')
    .orderBy('n.publish_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(opts.limit + 1)
    .execute();
  return {
    rows: rows.slice(0, opts.limit).map((r) => ({
      id: r.id,
      section: r.section,
      title: r.title,
      excerpt: r.excerpt,
      source: r.source,
      publishedAt: r.publish_at,
      pinned: Number(r.pinned) === 1,
    })),
    hasMore: rows.length > opts.limit,
  };
}

/**
 * The first page for this view, kept in memory while the news feed stamp is unchanged (any publication, edit,
 * withdrawal, pin or audience move bumps it, in whichever process) and no scheduled item has gone live since.
 */
async function firstPage(
  db: Db,
  view: AudienceView,
  opts: { section?: string; limit: number; now: string },
): Promise<PageRows> {
  let pages = keptPages.get(db);
  if (!pages) keptPages.set(db, (pages = new Map()));
  const key = pageKey(view, opts);
  const stamp = await readFeedStamp(db);
  const kept = pages.get(key);
  if (kept && kept.stamp === stamp && opts.now < kept.until) return kept;
  const page = await feedRows(db, view, opts);
  const next = await db
    .selectFrom('news')
    .select((eb) => eb.fn.min('publish_at').as('at'))
    .where('status', '=', 'published')
    .where('publish_at', '>', opts.now)
    .executeTakeFirst();
  const minute = new Date(Date.parse(opts.now) + KEPT_FOR_MS).toISOString();
  const until = next?.at && next.at < minute ? next.at : minute;
  if (pages.size >= MAX_KEPT) pages.clear();
  const keptPage: KeptPage = { stamp, until, ...page, prefixes: page.rows.map(feedItemPrefix) };
  pages.set(key, keptPage);
  return keptPage;
}

/** Which of a page's items the account has read (a page has at most 51 items, so few shapes). */
const readMarks = prepareQuery((db, p: { accountId: string; ids: string[] }) =>
  db
    .selectFrom('news_reads')
    .select('news_id')
    .where('account_id', '=', p.accountId)
    .where('news_id', 'in', p.ids),
);

type FeedOptions = { section?: string; limit: number; cursor?: string; now: string };

/** The live items the view may see: pinned first, then newest first; keyset-paged on (pinned, publish_at, id). */
async function feedPage(db: DbOrTx, view: AudienceView, accountId: string, opts: FeedOptions) {
  const page: PageRows =
    opts.cursor || db.isTransaction ? await feedRows(db, view, opts) : await firstPage(db as Db, view, opts);
  const { rows } = page;
  const read =
    rows.length === 0
      ? new Set<string>()
      : new Set((await readMarks.all(db, { accountId, ids: rows.map((r) => r.id) })).map((r) => r.news_id));
  const last = rows[rows.length - 1];
  const nextCursor =
    page.hasMore && last
      ? encodeCursor({ pinned: last.pinned ? 1 : 0, publish_at: last.publishedAt, id: last.id })
      : null;
  return { ...page, read, nextCursor };
}

export async function newsFeed(
  db: DbOrTx,
  view: AudienceView,
  accountId: string,
  opts: FeedOptions,
): Promise<{ items: FeedItem[]; nextCursor: string | null }> {
  const { rows, read, nextCursor } = await feedPage(db, view, accountId, opts);
  return { items: rows.map((r) => ({ ...r, unread: !read.has(r.id) })), nextCursor };
}

/** The same page as the API's UTF-8 JSON (`{ items, nextCursor }`, items with their section names). */
export async function newsFeedJson(
  db: DbOrTx,
  view: AudienceView,
  accountId: string,
  opts: FeedOptions,
): Promise<Buffer> {
  const { rows, read, nextCursor, prefixes } = await feedPage(db, view, accountId, opts);
  return feedJson(prefixes ?? rows.map(feedItemPrefix), rows, read, nextCursor);
}

/** Unread live items per section, for the tabs and the home tile. */
export async function unreadCounts(db: DbOrTx, view: AudienceView, accountId: string, now: string) {
  const rows = await db
    .selectFrom('news as n')
    .leftJoin('news_reads as r', (j) => j.onRef('r.news_id', '=', 'n.id').on('r.account_id', '=', accountId))
    .select(['n.section', (eb) => eb.fn.countAll<number>().as('c')])
    .where('n.status', '=', 'published')
    .where('n.publish_at', '<=', now)
    .where('r.read_at', 'is', null)
    .where(visibleTo(view))
    .groupBy('n.section')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.section, Number(r.c)])) as Record<string, number>;
}

/** Everything published by organisations in these subtrees, including scheduled and withdrawn items. */
export async function editorList(db: DbOrTx, scopes: string[], limit: number) {
  return db
    .selectFrom('news')
    .select(['id', 'section', 'title', 'excerpt', 'source', 'status', 'publish_at', 'pinned', 'org_id'])
    .where(insideSql('org_path', scopes))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}
