import type { UnitOfWork } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/database.ts';
import { findNews, newsAudience } from './queries.ts';

/**
 * Tells the audience that an item went live (notifications topic `news.published`). Only for items published
 * through the app or whose scheduled time came: imports and generated data do not notify.
 */
export async function emitNewsPublished(uow: UnitOfWork, newsId: string): Promise<void> {
  const n = await findNews(uow.trx, newsId);
  if (!n || n.status !== 'published' || n.publish_at > nowIso()) return;
  uow.emit({
    topic: 'news.published',
    payload: {
      title: n.title,
      body: n.excerpt,
      url: `/news/${n.id}`,
      audience: await newsAudience(uow.trx, n.id),
      eventId: `news:${n.id}`,
    },
  });
}
