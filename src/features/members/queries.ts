import type { DbOrTx } from '../../platform/db/database.ts';
import { prepareQuery } from '../../platform/db/prepared.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import { fold } from '../../text/fold.ts';
import type { MemberTable } from './tables.ts';

export interface Member {
  id: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  fullName: string;
  gender: MemberTable['gender'];
  birthDate: string | null;
  phone: string | null;
  cardNumber: string | null;
  admittedOn: string | null;
  fullMemberOn: string | null;
  kind: MemberTable['kind'];
  status: MemberTable['status'];
  hostOrgId: string | null;
  position: string | null;
  erased: boolean;
}

function selectMembers(db: DbOrTx) {
  return db
    .selectFrom('members')
    .innerJoin('orgs', 'orgs.id', 'members.org_id')
    .select([
      'members.id',
      'members.org_id',
      'members.org_path',
      'orgs.name as org_name',
      'members.full_name',
      'members.gender',
      'members.birth_date',
      'members.phone',
      'members.card_number',
      'members.admitted_on',
      'members.full_member_on',
      'members.kind',
      'members.status',
      'members.host_org_id',
      'members.position',
      'members.erased_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectMembers>['executeTakeFirstOrThrow']>>;

function toMember(r: Row): Member {
  return {
    id: r.id,
    orgId: r.org_id,
    orgPath: r.org_path,
    orgName: r.org_name,
    fullName: r.full_name,
    gender: r.gender,
    birthDate: r.birth_date,
    phone: r.phone,
    cardNumber: r.card_number,
    admittedOn: r.admitted_on,
    fullMemberOn: r.full_member_on,
    kind: r.kind,
    status: r.status,
    hostOrgId: r.host_org_id,
    position: r.position,
    erased: r.erased_at !== null,
  };
}

const memberById = prepareQuery((db, p: { id: string }) => selectMembers(db).where('members.id', '=', p.id));

export async function findMember(db: DbOrTx, id: string): Promise<Member | null> {
  const r = await memberById.first(db, { id });
  return r ? toMember(r) : null;
}

export interface MemberFilter {
  q?: string;
  status?: MemberTable['status'];
  kind?: MemberTable['kind'];
  limit: number;
  /** Keyset cursor: the last row's `name_folded|id`. */
  cursor?: string;
}

/** Members of a subtree, ordered by folded name; keyset paging keeps every page one index range scan. */
export async function listMembersUnder(
  db: DbOrTx,
  path: string,
  f: MemberFilter,
): Promise<{ items: Member[]; nextCursor: string | null }> {
  const [lo, hi] = subtreeBounds(path);
  let q = selectMembers(db)
    .select('members.name_folded')
    .where('members.org_path', '>=', lo)
    .where('members.org_path', '<', hi)
    .where('members.erased_at', 'is', null);
  if (f.status) q = q.where('members.status', '=', f.status);
  if (f.kind) q = q.where('members.kind', '=', f.kind);
  if (f.q) {
    const needle = fold(f.q).trim();
    const digits = f.q.replace(/\D/g, '');
    q = q.where((eb) =>
      eb.or([
        eb('members.name_folded', 'like', `%${needle.replace(/[%_\\]/g, '')}%`),
        ...(digits.length >= 4
          ? [eb('members.phone', 'like', `%${digits}%`), eb('members.card_number', 'like', `%${digits}%`)]
          : []),
      ]),
    );
  }
  if (f.cursor) {
    const sep = f.cursor.lastIndexOf('|');
    const name = f.cursor.slice(0, sep);
    const id = f.cursor.slice(sep + 1);
    q = q.where((eb) =>
      eb.or([
        eb('members.name_folded', '>', name),
        eb.and([eb('members.name_folded', '=', name), eb('members.id', '>', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('members.name_folded')
    .orderBy('members.id')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toMember),
    nextCursor: rows.length > f.limit && last ? `${last.name_folded}|${last.id}` : null,
  };
}

export async function memberByCardOrPhone(db: DbOrTx, field: 'card_number' | 'phone', value: string) {
  return db.selectFrom('members').select(['id']).where(field, '=', value).executeTakeFirst();
}
