import { nowIso } from '../../platform/db/database.ts';
import { uniqueViolation } from '../../platform/db/constraint.ts';
import { newId } from '../../platform/ids.ts';
import { AppError } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import type { SavedUpload } from '../../platform/files/index.ts';
import type { ExtractResult } from '../../platform/files/index.ts';
import { fold } from '../../text/fold.ts';
import type { Org } from '../orgs/queries.ts';
import { outermostPaths } from './audience.ts';
import { findDocument, type DocumentRow } from './queries.ts';
import { syncDocumentSearch } from './search.ts';
import './errors.ts';

export interface DocumentInput {
  kind: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string;
  level: string;
  title: string;
  summary: string | null;
  body: string;
  sourceName?: string | null;
}

function rethrowUnique(err: unknown): never {
  if (uniqueViolation(err)) throw new AppError('DOCUMENT_DUPLICATE');
  throw err;
}

function dates(input: DocumentInput, now: string) {
  const sortDate = input.issuedOn ?? now.slice(0, 10);
  return { sort_date: sortDate, year: Number(sortDate.slice(0, 4)) };
}

async function writeAudience(uow: UnitOfWork, id: string, audience: Org[]) {
  const paths = outermostPaths(audience.map((o) => o.path));
  if (paths.length === 0) throw new AppError('DOCUMENT_AUDIENCE_REQUIRED');
  await uow.trx.deleteFrom('document_audience').where('document_id', '=', id).execute();
  await uow.trx
    .insertInto('document_audience')
    .values(paths.map((p) => ({ document_id: id, audience_path: p })))
    .execute();
  return paths;
}

/** A document issued in the name of `org`, published to the subtrees of `audience`. */
export async function createDocument(
  uow: UnitOfWork,
  org: Org,
  audience: Org[],
  input: DocumentInput,
  by: string | null,
): Promise<DocumentRow> {
  const id = newId();
  const now = nowIso();
  await uow.trx
    .insertInto('documents')
    .values({
      id,
      kind: input.kind,
      number: input.number,
      issued_on: input.issuedOn,
      issuer: input.issuer,
      level: input.level,
      title: input.title,
      title_folded: fold(input.title),
      summary: input.summary,
      body: input.body,
      body_file_id: null,
      source_name: input.sourceName ?? null,
      ...dates(input, now),
      org_id: org.id,
      org_path: org.path,
      status: 'published',
      created_by: by,
      created_at: now,
      updated_at: now,
    })
    .execute()
    .catch(rethrowUnique);
  const paths = await writeAudience(uow, id, audience);
  await uow.audit({
    action: 'document.create',
    entityType: 'document',
    entityId: id,
    orgPath: org.path,
    after: { kind: input.kind, number: input.number, title: input.title, audience: paths },
  });
  await syncDocumentSearch(uow, id);
  return (await findDocument(uow.trx, id))!;
}

export async function updateDocument(
  uow: UnitOfWork,
  doc: DocumentRow,
  audience: Org[] | null,
  input: DocumentInput,
): Promise<DocumentRow> {
  const now = nowIso();
  await uow.trx
    .updateTable('documents')
    .set({
      kind: input.kind,
      number: input.number,
      issued_on: input.issuedOn,
      issuer: input.issuer,
      level: input.level,
      title: input.title,
      title_folded: fold(input.title),
      summary: input.summary,
      body: input.body,
      // A typed body replaces text taken from an attachment.
      body_file_id: input.body === doc.body ? doc.body_file_id : null,
      ...dates(input, now),
      updated_at: now,
    })
    .where('id', '=', doc.id)
    .execute()
    .catch(rethrowUnique);
  const paths = audience ? await writeAudience(uow, doc.id, audience) : undefined;
  await uow.audit({
    action: 'document.update',
    entityType: 'document',
    entityId: doc.id,
    orgPath: doc.org_path,
    before: { title: doc.title, number: doc.number },
    after: { title: input.title, number: input.number, audience: paths },
  });
  await syncDocumentSearch(uow, doc.id);
  return (await findDocument(uow.trx, doc.id))!;
}

export async function setDocumentStatus(
  uow: UnitOfWork,
  doc: DocumentRow,
  status: DocumentRow['status'],
): Promise<void> {
  await uow.trx
    .updateTable('documents')
    .set({ status, updated_at: nowIso() })
    .where('id', '=', doc.id)
    .execute();
  await uow.audit({
    action: status === 'withdrawn' ? 'document.withdraw' : 'document.republish',
    entityType: 'document',
    entityId: doc.id,
    orgPath: doc.org_path,
  });
  await syncDocumentSearch(uow, doc.id);
}

/**
 * Records a stored attachment with its extracted text. When the document has no body yet, the attachment's
 * text becomes the body, so paragraphs, speech and quizzes work on uploaded files too.
 */
export async function attachFile(
  uow: UnitOfWork,
  doc: DocumentRow,
  saved: SavedUpload,
  extracted: ExtractResult,
): Promise<string> {
  const id = newId();
  const text = extracted.status === 'ok' ? extracted.text : '';
  await uow.trx
    .insertInto('document_files')
    .values({
      id,
      document_id: doc.id,
      file_key: saved.key,
      file_name: saved.fileName,
      mime: saved.mime,
      size: saved.size,
      text_status: extracted.status,
      text_error: extracted.status === 'ok' ? null : (extracted.error ?? 'Không trích xuất được văn bản.'),
      text,
      created_at: nowIso(),
    })
    .execute();
  if (doc.body.trim() === '' && text !== '') {
    await uow.trx
      .updateTable('documents')
      .set({ body: text, body_file_id: id, updated_at: nowIso() })
      .where('id', '=', doc.id)
      .execute();
  }
  await uow.audit({
    action: 'document.attach',
    entityType: 'document',
    entityId: doc.id,
    orgPath: doc.org_path,
    after: { file: saved.fileName, size: saved.size, text: extracted.status },
  });
  await syncDocumentSearch(uow, doc.id);
  return id;
}

export async function removeFile(uow: UnitOfWork, doc: DocumentRow, fileId: string): Promise<void> {
  await uow.trx
    .deleteFrom('document_files')
    .where('id', '=', fileId)
    .where('document_id', '=', doc.id)
    .execute();
  if (doc.body_file_id === fileId) {
    await uow.trx
      .updateTable('documents')
      .set({ body: '', body_file_id: null, updated_at: nowIso() })
      .where('id', '=', doc.id)
      .execute();
  }
  await uow.audit({
    action: 'document.detach',
    entityType: 'document',
    entityId: doc.id,
    orgPath: doc.org_path,
    before: { file: fileId },
  });
  await syncDocumentSearch(uow, doc.id);
}

export async function setBookmark(uow: UnitOfWork, accountId: string, documentId: string, on: boolean) {
  if (!on) {
    await uow.trx
      .deleteFrom('document_bookmarks')
      .where('account_id', '=', accountId)
      .where('document_id', '=', documentId)
      .execute();
    return;
  }
  await uow.trx
    .insertInto('document_bookmarks')
    .values({ account_id: accountId, document_id: documentId, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['account_id', 'document_id']).doNothing())
    .execute();
}

/** First opening and reading to the end are kept once each: the first time is what counts. */
export async function markRead(
  uow: UnitOfWork,
  accountId: string,
  documentId: string,
  finished: boolean,
): Promise<void> {
  const now = nowIso();
  await uow.trx
    .insertInto('document_reads')
    .values({
      account_id: accountId,
      document_id: documentId,
      opened_at: now,
      finished_at: finished ? now : null,
    })
    .onConflict((oc) => oc.columns(['account_id', 'document_id']).doNothing())
    .execute();
  if (finished) {
    await uow.trx
      .updateTable('document_reads')
      .set({ finished_at: now })
      .where('account_id', '=', accountId)
      .where('document_id', '=', documentId)
      .where('finished_at', 'is', null)
      .execute();
  }
}
