import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';
import { prepareQuery } from '../../platform/db/prepared.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import type { OrgTable } from './tables.ts';
import { idsOnPath } from './paths.ts';

export interface Org {
  id: string;
  parentId: string | null;
  path: string;
  depth: number;
  type: string;
  typeName: string;
  name: string;
  provinceId: string;
  status: 'active' | 'closed';
  closedAt: string | null;
}

type OrgRow = Pick<
  OrgTable,
  'id' | 'parent_id' | 'path' | 'depth' | 'type_code' | 'name' | 'province_id' | 'status' | 'closed_at'
> & { type_name: string };

function toOrg(r: OrgRow): Org {
  return {
    id: r.id,
    parentId: r.parent_id,
    path: r.path,
    depth: r.depth,
    type: r.type_code,
    typeName: r.type_name,
    name: r.name,
    provinceId: r.province_id,
    status: r.status,
    closedAt: r.closed_at,
  };
}

function selectOrgs(db: DbOrTx) {
  return db
    .selectFrom('orgs')
    .innerJoin('org_types', 'org_types.code', 'orgs.type_code')
    .select([
      'orgs.id',
      'orgs.parent_id',
      'orgs.path',
      'orgs.depth',
      'orgs.type_code',
      'orgs.name',
      'orgs.province_id',
      'orgs.status',
      'orgs.closed_at',
      'org_types.name_vi as type_name',
    ]);
}

const orgById = prepareQuery((db, p: { id: string }) => selectOrgs(db).where('orgs.id', '=', p.id));
const orgsByIds = prepareQuery((db, p: { ids: string[] }) => selectOrgs(db).where('orgs.id', 'in', p.ids));

export async function findOrg(db: DbOrTx, id: string): Promise<Org | null> {
  const row = await orgById.first(db, { id });
  return row ? toOrg(row) : null;
}

export async function findOrgs(db: DbOrTx, ids: string[]): Promise<Org[]> {
  if (ids.length === 0) return [];
  // Long lists (imports, reports) are built each time: a prepared shape per length would only fill the cache.
  const rows =
    ids.length <= 8
      ? await orgsByIds.all(db, { ids })
      : await selectOrgs(db).where('orgs.id', 'in', ids).execute();
  return rows.map(toOrg);
}

export async function listChildren(db: DbOrTx, parentId: string, includeClosed: boolean): Promise<Org[]> {
  let q = selectOrgs(db).where('orgs.parent_id', '=', parentId);
  if (!includeClosed) q = q.where('orgs.status', '=', 'active');
  const rows = await q.orderBy('org_types.rank').orderBy('orgs.name').execute();
  return rows.map(toOrg);
}

export async function ancestorsOf(db: DbOrTx, org: Org): Promise<Array<{ id: string; name: string }>> {
  const ids = idsOnPath(org.path).slice(0, -1);
  const rows = await findOrgs(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [{ id: r.id, name: r.name }] : [];
  });
}

/** Active members counted per child subtree, in one grouped range scan per child. */
export async function memberCountUnder(db: DbOrTx, path: string): Promise<number> {
  const [lo, hi] = subtreeBounds(path);
  const row = await db
    .selectFrom('members')
    .select(sql<number>`count(*)`.as('n'))
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('erased_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function childCount(db: DbOrTx, id: string): Promise<number> {
  const row = await db
    .selectFrom('orgs')
    .select(sql<number>`count(*)`.as('n'))
    .where('parent_id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findOrgType(db: DbOrTx, code: string) {
  return db.selectFrom('org_types').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listOrgTypes(db: DbOrTx) {
  return db.selectFrom('org_types').selectAll().orderBy('rank').execute();
}

/** Everything under X in one indexed range query. */
export async function subtreeOrgs(
  db: DbOrTx,
  path: string,
  opts: { limit: number; type?: string },
): Promise<Org[]> {
  const [lo, hi] = subtreeBounds(path);
  let q = selectOrgs(db).where('orgs.path', '>=', lo).where('orgs.path', '<', hi);
  if (opts.type) q = q.where('orgs.type_code', '=', opts.type);
  const rows = await q.orderBy('orgs.path').limit(opts.limit).execute();
  return rows.map(toOrg);
}
