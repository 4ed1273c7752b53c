import type { UnitOfWork } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/database.ts';
import { indexSearchItem, removeSearchItem } from '../search/index-writer.ts';
import { SECTION_NAMES } from './sections.ts';
import { findNews, newsAudience } from './queries.ts';

/**
 * Live items are in the search index, others are not. A scheduled item stays out until its time comes
 * (`indexDueNews` puts it in), so search never shows an item before the feed does.
 */
export async function syncNewsSearch(uow: UnitOfWork, id: string): Promise<void> {
  const n = await findNews(uow.trx, id);
  const live = n !== null && n.status === 'published' && n.publish_at <= nowIso();
  if (!n || !live) {
    await removeSearchItem(uow.trx, 'news', id);
    if (n && n.indexed) await uow.trx.updateTable('news').set({ indexed: 0 }).where('id', '=', id).execute();
    return;
  }
  await indexSearchItem(uow.trx, {
    type: 'news',
    id,
    title: n.title,
    body: [SECTION_NAMES[n.section], n.source ?? '', n.body_text].filter(Boolean).join('\n\n'),
    number: null,
    level: null,
    date: n.publish_at.slice(0, 10),
    source: null,
    url: `/news/${id}`,
    audience: await newsAudience(uow.trx, id),
  });
  if (!n.indexed) await uow.trx.updateTable('news').set({ indexed: 1 }).where('id', '=', id).execute();
}
