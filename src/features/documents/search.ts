import type { UnitOfWork } from '../../platform/context.ts';
import { indexSearchItem, removeSearchItem, type SearchLevel } from '../search/index-writer.ts';
import { DOCUMENT_TYPE_NAMES, type DocumentType } from './kinds.ts';
import { audienceOf, findDocument } from './queries.ts';

/** Puts the document as it now stands into the search index (or takes it out), in the caller's transaction. */
export async function syncDocumentSearch(uow: UnitOfWork, id: string): Promise<void> {
  const doc = await findDocument(uow.trx, id);
  if (!doc || doc.status !== 'published') {
    await removeSearchItem(uow.trx, 'document', id);
    return;
  }
  const files = await uow.trx
    .selectFrom('document_files')
    .select(['id', 'text'])
    .where('document_id', '=', id)
    .orderBy('created_at')
    .execute();
  // The body already holds the text of the attachment it came from; other attachments add theirs.
  const extra = files.filter((f) => f.id !== doc.body_file_id && f.text !== '').map((f) => f.text);
  const kindName = DOCUMENT_TYPE_NAMES[doc.kind as DocumentType] ?? '';
  await indexSearchItem(uow.trx, {
    type: 'document',
    id,
    title: doc.title,
    body: [kindName, doc.issuer, doc.summary ?? '', doc.body, ...extra].filter(Boolean).join('\n\n'),
    number: doc.number,
    level: doc.level as SearchLevel,
    date: doc.sort_date,
    source: doc.source_name,
    url: `/documents/${id}`,
    audience: await audienceOf(uow.trx, id),
  });
}
