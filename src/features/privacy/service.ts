import type { AppContext, UnitOfWork } from '../../platform/context.ts';
import { nowIso, type DbOrTx } from '../../platform/db/database.ts';
import type { DataSubject, PersonalDataPart, RegisteredContributor } from './registry.ts';
import './errors.ts';
import './tables.ts';

export { ERASED_NAME } from './registry.ts';

export interface PersonalDataSection {
  feature: string;
  title: string;
  data: Record<string, PersonalDataPart>;
}

export interface PersonalData {
  generatedAt: string;
  sections: PersonalDataSection[];
}

/**
 * Everything the installation holds about one account and its member profile (Decree 13/2023, art. 14): one
 * section per feature, each built by that feature's contributor from the subject's own rows only.
 */
export async function personalData(
  ctx: AppContext,
  db: DbOrTx,
  contributors: readonly RegisteredContributor[],
  accountId: string,
): Promise<PersonalData> {
  const account = await db
    .selectFrom('accounts')
    .select(['member_id'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  const subject: DataSubject = { accountId, memberId: account.member_id };
  const sections: PersonalDataSection[] = [];
  for (const c of contributors)
    sections.push({ feature: c.feature, title: c.title, data: await c.collect(ctx, db, subject) });
  return { generatedAt: nowIso(), sections };
}

/**
 * Erases a departed member's personal data: every contributor erases or anonymises its part, latest feature
 * first (they build on the platform tables), so the member row stays for meeting records with nothing personal
 * left and the account can no longer sign in.
 */
export async function eraseMember(
  uow: UnitOfWork,
  ctx: AppContext,
  contributors: readonly RegisteredContributor[],
  member: { id: string; orgPath: string },
  reason: string,
): Promise<void> {
  const account = await uow.trx
    .selectFrom('accounts')
    .select('id')
    .where('member_id', '=', member.id)
    .executeTakeFirst();
  const subject: DataSubject = { accountId: account?.id ?? null, memberId: member.id };
  for (const c of [...contributors].reverse()) await c.erase(uow, subject, ctx);
  await uow.trx
    .insertInto('privacy_erasures')
    .values({ member_id: member.id, account_id: subject.accountId, erased_at: nowIso(), purged_at: null })
    .execute();
  // The audit record names the member by id only and keeps the reason, never the erased data.
  await uow.audit({
    action: 'member.erase',
    entityType: 'member',
    entityId: member.id,
    orgPath: member.orgPath,
    after: { reason },
  });
}
