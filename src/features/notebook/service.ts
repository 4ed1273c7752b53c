import type { DbOrTx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import { fold } from '../../text/fold.ts';
import type { NotebookKeyring } from './crypto.ts';
import { MAX_NOTES_PER_ACCOUNT, searchableText, type NoteContent } from './content.ts';
import './errors.ts';

export interface Note extends NoteContent {
  id: string;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  owner_account_id: string;
  sealed: string;
  created_at: string;
  updated_at: string;
}

function openRow(ring: NotebookKeyring, row: Row): Note {
  let content: NoteContent;
  try {
    content = JSON.parse(ring.open(row.owner_account_id, row.id, row.sealed)) as NoteContent;
  } catch (cause) {
    throw new AppError('NOTE_UNREADABLE', { cause });
  }
  return { id: row.id, createdAt: row.created_at, updatedAt: row.updated_at, ...content };
}

function linkRefOf(ring: NotebookKeyring, ownerId: string, c: NoteContent): string | null {
  return c.link ? ring.linkRef(ownerId, c.link.type, c.link.id) : null;
}

/**
 * Audit records say that a note was written, changed or deleted, by whom and when; never what it says. Their
 * org path is null, so they appear in no organisation's audit view.
 */
async function auditNote(uow: UnitOfWork, action: string, id: string): Promise<void> {
  await uow.audit({ action, entityType: 'note', entityId: id, orgPath: null });
}

export async function createNote(
  uow: UnitOfWork,
  ring: NotebookKeyring,
  ownerId: string,
  content: NoteContent,
): Promise<Note> {
  const { n } = await uow.trx
    .selectFrom('notebook_notes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_account_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  if (Number(n) >= MAX_NOTES_PER_ACCOUNT) throw new AppError('NOTEBOOK_FULL');
  const id = newId();
  const now = nowIso();
  await uow.trx
    .insertInto('notebook_notes')
    .values({
      id,
      owner_account_id: ownerId,
      sealed: ring.seal(ownerId, id, JSON.stringify(content)),
      link_ref: linkRefOf(ring, ownerId, content),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await auditNote(uow, 'note.create', id);
  return { id, createdAt: now, updatedAt: now, ...content };
}

/** The owner's note, or NOT_FOUND: a note of someone else does not exist as far as the caller can tell. */
export async function getNote(db: DbOrTx, ring: NotebookKeyring, ownerId: string, id: string): Promise<Note> {
  const row = await db
    .selectFrom('notebook_notes')
    .select(['id', 'owner_account_id', 'sealed', 'created_at', 'updated_at'])
    .where('id', '=', id)
    .where('owner_account_id', '=', ownerId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return openRow(ring, row);
}

/** NOT_FOUND unless the note exists and belongs to the caller: checked before anything about the input is said. */
export async function assertOwnNote(db: DbOrTx, ownerId: string, id: string): Promise<void> {
  const row = await db
    .selectFrom('notebook_notes')
    .select('id')
    .where('id', '=', id)
    .where('owner_account_id', '=', ownerId)
    .executeTakeFirst();
  if (!row) throw notFound();
}

export async function updateNote(
  uow: UnitOfWork,
  ring: NotebookKeyring,
  ownerId: string,
  id: string,
  content: NoteContent,
): Promise<Note> {
  const existing = await getNote(uow.trx, ring, ownerId, id);
  const now = nowIso();
  await uow.trx
    .updateTable('notebook_notes')
    .set({
      sealed: ring.seal(ownerId, id, JSON.stringify(content)),
      link_ref: linkRefOf(ring, ownerId, content),
      updated_at: now,
    })
    .where('id', '=', id)
    .where('owner_account_id', '=', ownerId)
    .execute();
  await auditNote(uow, 'note.update', id);
  return { id, createdAt: existing.createdAt, updatedAt: now, ...content };
}

export async function deleteNote(uow: UnitOfWork, ownerId: string, id: string): Promise<void> {
  const res = await uow.trx
    .deleteFrom('notebook_notes')
    .where('id', '=', id)
    .where('owner_account_id', '=', ownerId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound();
  await auditNote(uow, 'note.delete', id);
}

const BATCH = 200;

/**
 * Visits the owner's notes, newest change first, decrypting one batch at a time: memory stays bounded by the
 * batch and the work by the per-account note limit. `visit` returns false to stop.
 */
export async function scanNotes(
  db: DbOrTx,
  ring: NotebookKeyring,
  ownerId: string,
  visit: (note: Note) => boolean | void,
  opts: { linkRef?: string; after?: { updatedAt: string; id: string } } = {},
): Promise<void> {
  let after = opts.after ?? null;
  for (;;) {
    let q = db
      .selectFrom('notebook_notes')
      .select(['id', 'owner_account_id', 'sealed', 'created_at', 'updated_at'])
      .where('owner_account_id', '=', ownerId);
    if (opts.linkRef) q = q.where('link_ref', '=', opts.linkRef);
    if (after) {
      const a = after;
      q = q.where((eb) =>
        eb.or([
          eb('updated_at', '<', a.updatedAt),
          eb.and([eb('updated_at', '=', a.updatedAt), eb('id', '<', a.id)]),
        ]),
      );
    }
    const rows = await q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(BATCH).execute();
    for (const row of rows) if (visit(openRow(ring, row)) === false) return;
    if (rows.length < BATCH) return;
    const last = rows[rows.length - 1]!;
    after = { updatedAt: last.updated_at, id: last.id };
  }
}

export interface NotePage {
  items: Note[];
  nextCursor: string | null;
}

export function encodeCursor(n: { updatedAt: string; id: string }): string {
  return Buffer.from(`${n.updatedAt}|${n.id}`).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { updatedAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!updatedAt || !id) throw new AppError('VALIDATION_FAILED');
  return { updatedAt, id };
}

export async function listNotes(
  db: DbOrTx,
  ring: NotebookKeyring,
  ownerId: string,
  opts: { tag?: string; limit: number; cursor?: string; link?: { type: string; id: string } },
): Promise<NotePage> {
  const items: Note[] = [];
  const tag = opts.tag ? fold(opts.tag) : null;
  let more = false;
  await scanNotes(
    db,
    ring,
    ownerId,
    (note) => {
      if (tag && !note.tags.some((t) => fold(t) === tag)) return;
      if (items.length === opts.limit) {
        more = true;
        return false;
      }
      items.push(note);
    },
    {
      after: decodeCursor(opts.cursor),
      linkRef: opts.link ? ring.linkRef(ownerId, opts.link.type, opts.link.id) : undefined,
    },
  );
  return { items, nextCursor: more ? encodeCursor(items[items.length - 1]!) : null };
}

export async function listTags(
  db: DbOrTx,
  ring: NotebookKeyring,
  ownerId: string,
): Promise<Array<{ tag: string; count: number }>> {
  const counts = new Map<string, { tag: string; count: number }>();
  await scanNotes(db, ring, ownerId, (note) => {
    for (const tag of note.tags) {
      const key = fold(tag);
      const entry = counts.get(key) ?? { tag, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
  });
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'vi'));
}

export interface NoteHit {
  note: Note;
  score: number;
  snippet: string;
}

function snippetOf(plain: string, token: string): string {
  const folded = fold(plain);
  const at = folded.length === plain.length ? folded.indexOf(token) : -1;
  if (at < 0) return plain.slice(0, 160);
  const start = Math.max(0, at - 60);
  return (start > 0 ? '…' : '') + plain.slice(start, start + 160) + (start + 160 < plain.length ? '…' : '');
}

/**
 * Search decrypts the owner's notes in memory, batch by batch (at most MAX_NOTES_PER_ACCOUNT notes), and keeps
 * the best hits: no index of note words exists anywhere, so search leaks nothing a stored index could.
 */
export async function searchNotes(
  db: DbOrTx,
  ring: NotebookKeyring,
  ownerId: string,
  query: string,
  limit = 50,
): Promise<NoteHit[]> {
  const tokens = fold(query.normalize('NFC'))
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
  if (tokens.length === 0) return [];
  const hits: NoteHit[] = [];
  await scanNotes(db, ring, ownerId, (note) => {
    const text = searchableText(note);
    if (!tokens.every((t) => text.all.includes(t))) return;
    let score = 0;
    for (const t of tokens) {
      if (text.title.includes(t)) score += 3;
      score += Math.min(5, text.all.split(t).length - 1);
    }
    hits.push({ note, score, snippet: snippetOf(text.plain || note.quote || '', tokens[0]!) });
  });
  return hits
    .sort((a, b) => b.score - a.score || b.note.updatedAt.localeCompare(a.note.updatedAt))
    .slice(0, limit);
}
