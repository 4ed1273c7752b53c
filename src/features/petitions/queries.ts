import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';
import { ROLE_PERMISSIONS } from '../../platform/permissions/roles.ts';
import { subtreeBounds, type Principal } from '../../platform/permissions/check.ts';
import type { PetitionFacts } from './domain/petitions.ts';
import type { PetitionTable } from './tables.ts';

export type PetitionRow = PetitionTable & { addressed_name: string; sender_name: string };

export async function findPetition(db: DbOrTx, id: string): Promise<PetitionRow | null> {
  const row = await db
    .selectFrom('petitions')
    .innerJoin('orgs', 'orgs.id', 'petitions.addressed_org_id')
    .innerJoin('members', 'members.id', 'petitions.sender_member_id')
    .selectAll('petitions')
    .select(['orgs.name as addressed_name', 'members.full_name as sender_name'])
    .where('petitions.id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export async function addresseePaths(db: DbOrTx, petitionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('petition_addressees')
    .select('org_path')
    .where('petition_id', '=', petitionId)
    .execute();
  return rows.map((r) => r.org_path);
}

export function factsOf(p: PetitionTable, history: string[]): PetitionFacts {
  return {
    senderPath: p.sender_path,
    senderAccountId: p.sender_account_id,
    addressedPath: p.addressed_path,
    addressedHistory: history,
    confidential: p.confidential === 1,
    status: p.status,
    replied: p.reply !== null,
    rated: p.rating !== null,
  };
}

/** Organisation paths where the principal holds petition.handle by an explicit role (never the member role). */
export function handlerPaths(principal: Principal): string[] {
  return principal.grants
    .filter((g) => !g.implicit && ROLE_PERMISSIONS[g.role].has('petition.handle'))
    .map((g) => g.orgPath);
}

export interface InboxFilter {
  status?: string;
  category?: string;
  overdue?: boolean;
  limit: number;
  now: string;
}

/**
 * Petitions a committee sees for the subtree of `orgPath`: addressed (now or before) to an organisation in it,
 * and — when confidential — addressed to an organisation where the principal itself handles petitions. The
 * filter is in SQL so a hidden petition is never counted.
 */
export function visibleUnder(db: DbOrTx, principal: Principal, orgPath: string) {
  const [lo, hi] = subtreeBounds(orgPath);
  const own = handlerPaths(principal);
  return db
    .selectFrom('petitions')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('petition_addressees as a')
          .select(sql`1`.as('one'))
          .whereRef('a.petition_id', '=', 'petitions.id')
          .where('a.org_path', '>=', lo)
          .where('a.org_path', '<', hi),
      ),
    )
    .where((eb) =>
      eb.or([
        eb('petitions.confidential', '=', 0),
        own.length
          ? eb.exists(
              eb
                .selectFrom('petition_addressees as c')
                .select(sql`1`.as('one'))
                .whereRef('c.petition_id', '=', 'petitions.id')
                .where('c.org_path', 'in', own),
            )
          : eb.val(false),
      ]),
    );
}

export async function listInbox(db: DbOrTx, principal: Principal, orgPath: string, f: InboxFilter) {
  let q = visibleUnder(db, principal, orgPath)
    .innerJoin('orgs', 'orgs.id', 'petitions.addressed_org_id')
    .select([
      'petitions.id',
      'petitions.title',
      'petitions.category',
      'petitions.status',
      'petitions.confidential',
      'petitions.created_at',
      'petitions.received_at',
      'petitions.due_at',
      'petitions.answered_at',
      'petitions.addressed_org_id',
      'orgs.name as addressed_name',
    ]);
  if (f.status) q = q.where('petitions.status', '=', f.status as PetitionTable['status']);
  if (f.category) q = q.where('petitions.category', '=', f.category);
  if (f.overdue)
    q = q
      .where('petitions.due_at', '<', f.now)
      .where('petitions.status', 'not in', ['answered', 'closed', 'withdrawn']);
  return q.orderBy('petitions.created_at', 'desc').orderBy('petitions.id', 'desc').limit(f.limit).execute();
}

export async function listMine(db: DbOrTx, accountId: string, limit: number) {
  return db
    .selectFrom('petitions')
    .innerJoin('orgs', 'orgs.id', 'petitions.addressed_org_id')
    .select([
      'petitions.id',
      'petitions.title',
      'petitions.category',
      'petitions.status',
      'petitions.confidential',
      'petitions.created_at',
      'petitions.received_at',
      'petitions.due_at',
      'petitions.answered_at',
      'petitions.addressed_org_id',
      'orgs.name as addressed_name',
    ])
    .where('petitions.sender_account_id', '=', accountId)
    .orderBy('petitions.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function countSentSince(db: DbOrTx, accountId: string, since: string): Promise<number> {
  const r = await db
    .selectFrom('petitions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sender_account_id', '=', accountId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function responseDaysFor(db: DbOrTx, orgId: string): Promise<number | null> {
  const r = await db
    .selectFrom('petition_settings')
    .select('response_days')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return r?.response_days ?? null;
}

export async function petitionEvents(db: DbOrTx, petitionId: string) {
  return db
    .selectFrom('petition_events')
    .leftJoin('orgs', 'orgs.id', 'petition_events.org_id')
    .select([
      'petition_events.kind',
      'petition_events.note',
      'petition_events.at',
      'petition_events.org_id',
      'orgs.name as org_name',
    ])
    .where('petition_events.petition_id', '=', petitionId)
    .orderBy('petition_events.at')
    .orderBy('petition_events.id')
    .execute();
}

/** Counts by category and status, overdue, and mean days to answer, over what the principal may see. */
export async function petitionStats(db: DbOrTx, principal: Principal, orgPath: string, now: string) {
  const rows = await visibleUnder(db, principal, orgPath)
    .select([
      'petitions.category',
      'petitions.status',
      'petitions.received_at',
      'petitions.answered_at',
      'petitions.due_at',
    ])
    .execute();
  const byCategory: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  let overdue = 0;
  let answered = 0;
  let days = 0;
  for (const r of rows) {
    byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (r.answered_at) {
      answered++;
      days += Math.max(0, (Date.parse(r.answered_at) - Date.parse(r.received_at)) / 86_400_000);
    } else if (r.due_at < now && r.status !== 'withdrawn' && r.status !== 'closed') overdue++;
  }
  return {
    total: rows.length,
    byCategory,
    byStatus,
    overdue,
    averageResponseDays: answered ? Math.round((days / answered) * 10) / 10 : null,
  };
}
