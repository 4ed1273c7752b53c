import type { AppContext, UnitOfWork } from '../../platform/context.ts';
import { mutate } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { AppError } from '../../platform/errors.ts';
import { htmlToPlainText, sanitizeRichText } from '../../platform/html/sanitize.ts';
import type { Org } from '../orgs/queries.ts';
import { outermostPaths } from '../documents/audience.ts';
import { excerptOf, type NewsSection } from './sections.ts';
import { findNews, type NewsRow } from './queries.ts';
import { syncNewsSearch } from './search.ts';
import { bumpFeedStamp } from './feed-stamp.ts';
import { emitNewsPublished } from './notify.ts';
import './errors.ts';

export interface NewsInput {
  section: NewsSection;
  title: string;
  bodyHtml: string;
  source: string | null;
  sourceUrl: string | null;
  /** ISO time; null = now. */
  publishAt: string | null;
  pinned: boolean;
}

function content(input: NewsInput) {
  const html = sanitizeRichText(input.bodyHtml);
  const text = htmlToPlainText(html);
  if (text.trim() === '' && !/<img\b/.test(html)) throw new AppError('NEWS_EMPTY');
  return { body_html: html, body_text: text, excerpt: excerptOf(text) };
}

async function writeAudience(uow: UnitOfWork, id: string, audience: Org[]) {
  const paths = outermostPaths(audience.map((o) => o.path));
  if (paths.length === 0) throw new AppError('NEWS_AUDIENCE_REQUIRED');
  await uow.trx.deleteFrom('news_audience').where('news_id', '=', id).execute();
  await uow.trx
    .insertInto('news_audience')
    .values(paths.map((p) => ({ news_id: id, audience_path: p })))
    .execute();
  return paths;
}

export async function createNews(
  uow: UnitOfWork,
  org: Org,
  audience: Org[],
  input: NewsInput,
  by: string | null,
): Promise<NewsRow> {
  const id = newId();
  const now = nowIso();
  await uow.trx
    .insertInto('news')
    .values({
      id,
      section: input.section,
      title: input.title,
      ...content(input),
      source: input.source,
      source_url: input.sourceUrl,
      org_id: org.id,
      org_path: org.path,
      status: 'published',
      publish_at: input.publishAt ?? now,
      pinned: input.pinned ? 1 : 0,
      indexed: 0,
      created_by: by,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const paths = await writeAudience(uow, id, audience);
  await uow.audit({
    action: 'news.create',
    entityType: 'news',
    entityId: id,
    orgPath: org.path,
    after: { section: input.section, title: input.title, publishAt: input.publishAt, audience: paths },
  });
  await bumpFeedStamp(uow.trx);
  await syncNewsSearch(uow, id);
  return (await findNews(uow.trx, id))!;
}

export async function updateNews(
  uow: UnitOfWork,
  n: NewsRow,
  audience: Org[] | null,
  input: NewsInput,
): Promise<void> {
  await uow.trx
    .updateTable('news')
    .set({
      section: input.section,
      title: input.title,
      ...content(input),
      source: input.source,
      source_url: input.sourceUrl,
      publish_at: input.publishAt ?? n.publish_at,
      pinned: input.pinned ? 1 : 0,
      updated_at: nowIso(),
    })
    .where('id', '=', n.id)
    .execute();
  const paths = audience ? await writeAudience(uow, n.id, audience) : undefined;
  await uow.audit({
    action: 'news.update',
    entityType: 'news',
    entityId: n.id,
    orgPath: n.org_path,
    before: { section: n.section, title: n.title, publishAt: n.publish_at, pinned: Number(n.pinned) === 1 },
    after: {
      section: input.section,
      title: input.title,
      publishAt: input.publishAt ?? n.publish_at,
      pinned: input.pinned,
      audience: paths,
    },
  });
  await bumpFeedStamp(uow.trx);
  await syncNewsSearch(uow, n.id);
}

export async function setNewsState(
  uow: UnitOfWork,
  n: NewsRow,
  change: { status?: NewsRow['status']; pinned?: boolean },
): Promise<void> {
  await uow.trx
    .updateTable('news')
    .set({
      ...(change.status ? { status: change.status } : {}),
      ...(change.pinned === undefined ? {} : { pinned: change.pinned ? 1 : 0 }),
      updated_at: nowIso(),
    })
    .where('id', '=', n.id)
    .execute();
  await uow.audit({
    action: change.status ? `news.${change.status === 'published' ? 'publish' : 'unpublish'}` : 'news.pin',
    entityType: 'news',
    entityId: n.id,
    orgPath: n.org_path,
    after: change,
  });
  await bumpFeedStamp(uow.trx);
  await syncNewsSearch(uow, n.id);
}

export async function markNewsRead(uow: UnitOfWork, accountId: string, newsId: string): Promise<void> {
  await uow.trx
    .insertInto('news_reads')
    .values({ account_id: accountId, news_id: newsId, read_at: nowIso() })
    .onConflict((oc) => oc.columns(['account_id', 'news_id']).doNothing())
    .execute();
}

/** Indexes scheduled items whose time has come; returns how many went live. */
export async function indexDueNews(ctx: AppContext): Promise<number> {
  const due = await ctx.db
    .selectFrom('news')
    .select('id')
    .where('status', '=', 'published')
    .where('indexed', '=', 0)
    .where('publish_at', '<=', nowIso())
    .limit(200)
    .execute();
  for (const { id } of due)
    await mutate(ctx, { accountId: null, ip: null, requestId: 'news-schedule' }, async (uow) => {
      await bumpFeedStamp(uow.trx);
      await syncNewsSearch(uow, id);
      await emitNewsPublished(uow, id);
    });
  return due.length;
}
