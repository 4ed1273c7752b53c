import { sql } from 'kysely';
import { mutate, type AppContext } from '../../platform/context.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import { syncDocumentSearch } from './search.ts';
import { syncNewsSearch } from '../news/search.ts';
import { bumpFeedStamp } from '../news/feed-stamp.ts';

// Content stores the paths it is published to and published from; when a subtree moves, those paths follow.
export const PATH_COLUMNS = [
  ['documents', 'org_path'],
  ['document_audience', 'audience_path'],
  ['news', 'org_path'],
  ['news_audience', 'audience_path'],
  ['exchange_messages', 'sender_org_path'],
  ['exchange_recipients', 'org_path'],
] as const;

/**
 * Rewrites the moved prefix in every content path and re-indexes the items whose audience changed. Idempotent:
 * in scale-out every process receives the event, and only the first finds rows still under the old path.
 */
export async function followOrgMove(ctx: AppContext, oldPath: string, newPath: string): Promise<void> {
  const [lo, hi] = subtreeBounds(oldPath);
  const cut = oldPath.length + 1;
  await mutate(ctx, { accountId: null, ip: null, requestId: 'org-moved' }, async (uow) => {
    const docs = await uow.trx
      .selectFrom('document_audience')
      .select('document_id')
      .where('audience_path', '>=', lo)
      .where('audience_path', '<', hi)
      .execute();
    const news = await uow.trx
      .selectFrom('news_audience')
      .select('news_id')
      .where('audience_path', '>=', lo)
      .where('audience_path', '<', hi)
      .execute();
    for (const [table, column] of PATH_COLUMNS) {
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${newPath} || substr(${sql.ref(column)}, ${cut})
        where ${sql.ref(column)} >= ${lo} and ${sql.ref(column)} < ${hi}`.execute(uow.trx);
    }
    for (const id of new Set(docs.map((d) => d.document_id))) await syncDocumentSearch(uow, id);
    if (news.length > 0) await bumpFeedStamp(uow.trx);
    for (const id of new Set(news.map((n) => n.news_id))) await syncNewsSearch(uow, id);
  });
}

/** Subscribes to organisation moves; returns the unsubscriber. */
export function watchOrgMoves(ctx: AppContext): () => void {
  return ctx.bus.subscribe('org.moved', (event) => {
    const { oldPath, newPath } = event.payload as { oldPath?: string; newPath?: string };
    if (typeof oldPath !== 'string' || typeof newPath !== 'string') return;
    followOrgMove(ctx, oldPath, newPath).catch((err: unknown) =>
      ctx.log.error({ err, oldPath, newPath }, 'content paths not moved'),
    );
  });
}
