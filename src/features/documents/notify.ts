import type { UnitOfWork } from '../../platform/context.ts';
import { audienceOf, findDocument } from './queries.ts';

/** Tells the audience of a document published through the app (notifications topic `documents.published`). */
export async function emitDocumentPublished(uow: UnitOfWork, documentId: string): Promise<void> {
  const doc = await findDocument(uow.trx, documentId);
  if (!doc || doc.status !== 'published') return;
  uow.emit({
    topic: 'documents.published',
    payload: {
      title: doc.number ? `${doc.number} — ${doc.title}` : doc.title,
      body: doc.summary ?? undefined,
      url: `/documents/${doc.id}`,
      audience: await audienceOf(uow.trx, doc.id),
      eventId: `document:${doc.id}`,
    },
  });
}
