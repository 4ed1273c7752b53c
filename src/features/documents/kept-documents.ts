import type { DbOrTx } from '../../platform/db/database.ts';
import { deepFreeze } from '../../platform/deep-freeze.ts';
import { prepareQuery } from '../../platform/db/prepared.ts';
import { paragraphsOf, type Paragraph } from './paragraphs.ts';
import { audienceWithOrgs, filesOf, findDocument, type DocumentFile, type DocumentRow } from './queries.ts';

/** What a document page shows to every reader alike; who may see it and the reader's marks are decided per request. */
export interface SharedDocument {
  doc: DocumentRow;
  audience: string[];
  audienceOrgs: Array<{ id: string; name: string }>;
  files: DocumentFile[];
  paragraphs: readonly Paragraph[];
}

// Members of a province read the same few documents (the resolution being studied) over and over: the document,
// its audience and its files are kept in this process while `documents_stamp` is unchanged. The stamp is moved by
// triggers in the transaction of any change of a document, its audience, its files or an organisation's name or
// path (migration 20261207_30), by whichever process makes it, so one primary-key read per view tells whether
// what is kept is still right. Bounded by number and by body size.
const MAX_DOCUMENTS = 1_000;
const MAX_CHARS = 4_000_000;

interface Kept {
  stamp: number;
  entries: Map<string, SharedDocument>;
  chars: number;
}

const keptByDb = new WeakMap<object, Kept>();

const stampRow = prepareQuery((db, p: { id: number }) =>
  db.selectFrom('documents_stamp').select('value').where('id', '=', p.id),
);

async function load(db: DbOrTx, id: string): Promise<SharedDocument | null> {
  const doc = await findDocument(db, id);
  if (!doc) return null;
  const [withOrgs, files] = await Promise.all([audienceWithOrgs(db, id), filesOf(db, id)]);
  // Frozen: one object is shared by every request that reads the document.
  return deepFreeze({
    doc,
    audience: withOrgs.map((a) => a.path),
    audienceOrgs: withOrgs.flatMap((a) => (a.orgId ? [{ id: a.orgId, name: a.orgName ?? '' }] : [])),
    files,
    paragraphs: paragraphsOf(doc.body),
  });
}

/** The shared part of a document page, or null when there is no such document. */
export async function sharedDocument(db: DbOrTx, id: string): Promise<SharedDocument | null> {
  // Inside a transaction the caller may have changed the document itself: read what it sees.
  if (db.isTransaction) return load(db, id);
  // Read before the document: a change committed in between moves the stamp past what is kept.
  const stamp = Number((await stampRow.first(db, { id: 1 }))?.value ?? 0);
  let kept = keptByDb.get(db);
  if (!kept || kept.stamp !== stamp) {
    kept = { stamp, entries: new Map(), chars: 0 };
    keptByDb.set(db, kept);
  }
  const hit = kept.entries.get(id);
  if (hit) return hit;
  const loaded = await load(db, id);
  if (!loaded || keptByDb.get(db) !== kept) return loaded;
  while (kept.entries.size > 0 && (kept.entries.size >= MAX_DOCUMENTS || kept.chars > MAX_CHARS)) {
    const [oldId, old] = kept.entries.entries().next().value as [string, SharedDocument];
    kept.entries.delete(oldId);
    kept.chars -= old.doc.body.length;
  }
  kept.entries.set(id, loaded);
  kept.chars += loaded.doc.body.length;
  return loaded;
}
