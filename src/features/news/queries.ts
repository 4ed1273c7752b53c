import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { AudienceView } from '../../platform/permissions/check.ts';
import { audienceSql, insideSql } from '../documents/audience.ts';
import type { NewsTable } from './tables.ts';

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

/** The live items the view may see: pinned first, then newest first; keyset-paged on (pinned, publish_at, id). */
export async function newsFeed(
  db: DbOrTx,
  view: AudienceView,
  accountId: string,
  opts: { section?: string; limit: number; cursor?: string; now: string },
): Promise<{ items: FeedItem[]; nextCursor: string | null }> {
  let q = db
    .selectFrom('news as n')
    .leftJoin('news_reads as r', (j) => j.onRef('r.news_id', '=', 'n.id').on('r.account_id', '=', accountId))
    .select([
      'n.id',
      'n.section',
      'n.title',
      'n.excerpt',
      'n.source',
      'n.publish_at',
      'n.pinned',
      'r.read_at',
    ])
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
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      section: r.section,
      title: r.title,
      excerpt: r.excerpt,
      source: r.source,
      publishedAt: r.publish_at,
      pinned: Number(r.pinned) === 1,
      unread: r.read_at === null,
    })),
    nextCursor:
      rows.length > opts.limit && last
        ? encodeCursor({ pinned: Number(last.pinned), publish_at: last.publish_at, id: last.id })
        : null,
  };
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
