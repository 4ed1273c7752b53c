import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';
import { prepareQuery } from '../../platform/db/prepared.ts';
import type { AudienceView } from '../../platform/permissions/check.ts';
import { audienceSql } from './audience.ts';
import type { DocumentTable } from './tables.ts';

export type DocumentRow = DocumentTable;

export interface DocumentFile {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  textStatus: 'ok' | 'empty' | 'failed';
  textError: string | null;
}

const documentById = prepareQuery((db, p: { id: string }) =>
  db.selectFrom('documents').selectAll().where('id', '=', p.id),
);

export async function findDocument(db: DbOrTx, id: string): Promise<DocumentRow | null> {
  return (await documentById.first(db, { id })) ?? null;
}

export async function audienceOf(db: DbOrTx, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('document_audience')
    .select('audience_path')
    .where('document_id', '=', id)
    .orderBy('audience_path')
    .execute();
  return rows.map((r) => r.audience_path);
}

const audienceRows = prepareQuery((db, p: { id: string }) =>
  db
    .selectFrom('document_audience as a')
    .leftJoin('orgs as o', 'o.path', 'a.audience_path')
    .select(['a.audience_path', 'o.id', 'o.name'])
    .where('a.document_id', '=', p.id)
    .orderBy('a.audience_path'),
);

/** The audience paths with the organisation at each (one statement; a path whose organisation is gone has none). */
export async function audienceWithOrgs(
  db: DbOrTx,
  id: string,
): Promise<Array<{ path: string; orgId: string | null; orgName: string | null }>> {
  const rows = await audienceRows.all(db, { id });
  return rows.map((r) => ({ path: r.audience_path, orgId: r.id, orgName: r.name }));
}

const fileRows = prepareQuery((db, p: { id: string }) =>
  db
    .selectFrom('document_files')
    .select(['id', 'file_name', 'mime', 'size', 'text_status', 'text_error'])
    .where('document_id', '=', p.id)
    .orderBy('created_at'),
);

export async function filesOf(db: DbOrTx, id: string): Promise<DocumentFile[]> {
  const rows = await fileRows.all(db, { id });
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mime: r.mime,
    size: Number(r.size),
    textStatus: r.text_status,
    textError: r.text_error,
  }));
}

export interface ListFilter {
  kind?: string;
  level?: string;
  year?: number;
  /** Only the account's bookmarks. */
  bookmarked?: boolean;
  limit: number;
  cursor?: string;
}

export interface DocumentListItem {
  id: string;
  kind: string;
  number: string | null;
  issuedOn: string | null;
  issuer: string;
  level: string;
  title: string;
  summary: string | null;
  year: number;
  bookmarked: boolean;
  openedAt: string | null;
  finishedAt: string | null;
}

function encodeCursor(sortDate: string, id: string): string {
  return Buffer.from(`${sortDate}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | null {
  const [a, b] = Buffer.from(cursor, 'base64url').toString().split('|');
  return a && b ? [a, b] : null;
}

/** Published documents the view may see, newest first, keyset-paged on (sort_date, id). */
export async function listDocuments(
  db: DbOrTx,
  view: AudienceView,
  accountId: string,
  f: ListFilter,
): Promise<{ items: DocumentListItem[]; nextCursor: string | null }> {
  let q = db
    .selectFrom('documents as d')
    .leftJoin('document_bookmarks as b', (j) =>
      j.onRef('b.document_id', '=', 'd.id').on('b.account_id', '=', accountId),
    )
    .leftJoin('document_reads as r', (j) =>
      j.onRef('r.document_id', '=', 'd.id').on('r.account_id', '=', accountId),
    )
    .select([
      'd.id',
      'd.kind',
      'd.number',
      'd.issued_on',
      'd.issuer',
      'd.level',
      'd.title',
      'd.summary',
      'd.year',
      'd.sort_date',
      'b.created_at as bookmarked_at',
      'r.opened_at',
      'r.finished_at',
    ])
    .where('d.status', '=', 'published')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('document_audience as a')
          .select(sql`1`.as('one'))
          .whereRef('a.document_id', '=', 'd.id')
          .where(audienceSql('a.audience_path', view)),
      ),
    );
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  if (f.level) q = q.where('d.level', '=', f.level);
  if (f.year) q = q.where('d.year', '=', f.year);
  if (f.bookmarked) q = q.where('b.created_at', 'is not', null);
  const c = f.cursor ? decodeCursor(f.cursor) : null;
  if (c) {
    const [date, id] = c;
    q = q.where((eb) =>
      eb.or([eb('d.sort_date', '<', date), eb.and([eb('d.sort_date', '=', date), eb('d.id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('d.sort_date', 'desc')
    .orderBy('d.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      number: r.number,
      issuedOn: r.issued_on,
      issuer: r.issuer,
      level: r.level,
      title: r.title,
      summary: r.summary,
      year: Number(r.year),
      bookmarked: r.bookmarked_at !== null,
      openedAt: r.opened_at,
      finishedAt: r.finished_at,
    })),
    nextCursor: rows.length > f.limit && last ? encodeCursor(last.sort_date, last.id) : null,
  };
}

/** How many published documents of each kind, level and year the view may see (the browse facets). */
export async function documentFacets(db: DbOrTx, view: AudienceView) {
  const rows = await db
    .selectFrom('documents as d')
    .select(['d.kind', 'd.level', 'd.year', (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.status', '=', 'published')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('document_audience as a')
          .select(sql`1`.as('one'))
          .whereRef('a.document_id', '=', 'd.id')
          .where(audienceSql('a.audience_path', view)),
      ),
    )
    .groupBy(['d.kind', 'd.level', 'd.year'])
    .execute();
  const sum = (key: 'kind' | 'level' | 'year') => {
    const m = new Map<string, number>();
    for (const r of rows) m.set(String(r[key]), (m.get(String(r[key])) ?? 0) + Number(r.n));
    return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value < b.value ? -1 : 1));
  };
  return { kinds: sum('kind'), levels: sum('level'), years: sum('year').reverse() };
}

const readStateRow = prepareQuery((db, p: { accountId: string; documentId: string }) =>
  db
    .selectFrom('documents as d')
    .leftJoin('document_reads as r', (j) =>
      j.onRef('r.document_id', '=', 'd.id').on('r.account_id', '=', p.accountId),
    )
    .leftJoin('document_bookmarks as b', (j) =>
      j.onRef('b.document_id', '=', 'd.id').on('b.account_id', '=', p.accountId),
    )
    .select(['r.opened_at', 'r.finished_at', 'b.created_at as bookmarked_at'])
    .where('d.id', '=', p.documentId),
);

export async function readState(db: DbOrTx, accountId: string, documentId: string) {
  // One statement for both marks: the document page asks on every view.
  const row = await readStateRow.first(db, { accountId, documentId });
  return {
    openedAt: row?.opened_at ?? null,
    finishedAt: row?.finished_at ?? null,
    bookmarked: Boolean(row?.bookmarked_at),
  };
}
