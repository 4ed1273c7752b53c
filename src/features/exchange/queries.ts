import type { DbOrTx } from '../../platform/db/database.ts';
import { fold } from '../../text/fold.ts';
import { insideSql } from '../documents/audience.ts';
import { findOrgs, type Org } from '../orgs/queries.ts';

export interface RecipientOrg {
  id: string;
  name: string;
  typeName: string;
  /** The parent's name, so the many "Chi bộ thôn 1" of a province can be told apart. */
  parentName: string | null;
}

/**
 * Active organisations a committee of `from` may send to: with no query its direct subordinates (the first level
 * of the tree), with a query any organisation in its subtree whose folded name contains it, nearest level first.
 */
export async function recipientOrgs(
  db: DbOrTx,
  from: Org,
  opts: { q?: string; limit: number },
): Promise<RecipientOrg[]> {
  let q = db
    .selectFrom('orgs')
    .innerJoin('org_types', 'org_types.code', 'orgs.type_code')
    .select(['orgs.id', 'orgs.name', 'orgs.parent_id', 'org_types.name_vi as type_name'])
    .where('orgs.status', '=', 'active')
    .where('orgs.id', '!=', from.id);
  const needle = fold(opts.q ?? '')
    .trim()
    .replace(/[%_\\]/g, '');
  if (needle)
    q = q.where(insideSql('orgs.path', [from.path])).where('orgs.name_folded', 'like', `%${needle}%`);
  else q = q.where('orgs.parent_id', '=', from.id);
  const rows = await q.orderBy('orgs.depth').orderBy('orgs.name_folded').limit(opts.limit).execute();
  const parents = new Map(
    (await findOrgs(db, [...new Set(rows.flatMap((r) => (r.parent_id ? [r.parent_id] : [])))])).map((p) => [
      p.id,
      p.name,
    ]),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    typeName: r.type_name,
    parentName: r.parent_id ? (parents.get(r.parent_id) ?? null) : null,
  }));
}

/** Attached files of these messages, by message. */
export async function filesOf(db: DbOrTx, messageIds: string[]) {
  const out = new Map<
    string,
    Array<{ id: string; fileName: string; mime: string; size: number; url: string }>
  >();
  if (messageIds.length === 0) return out;
  const rows = await db
    .selectFrom('exchange_files')
    .select(['id', 'message_id', 'file_name', 'mime', 'size'])
    .where('message_id', 'in', messageIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const f of rows) {
    const list = out.get(f.message_id) ?? [];
    list.push({
      id: f.id,
      fileName: f.file_name,
      mime: f.mime,
      size: Number(f.size),
      url: `/api/v1/exchange/${f.message_id}/files/${f.id}`,
    });
    out.set(f.message_id, list);
  }
  return out;
}
