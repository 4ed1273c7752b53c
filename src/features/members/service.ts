import { nowIso } from '../../platform/db/database.ts';
import { uniqueViolation } from '../../platform/db/constraint.ts';
import { newId } from '../../platform/ids.ts';
import { AppError } from '../../platform/errors.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import { fold } from '../../text/fold.ts';
import type { Org } from '../orgs/queries.ts';
import { findOrgType } from '../orgs/queries.ts';
import { findMember, memberByCardOrPhone, type Member } from './queries.ts';
import type { MemberInput } from './input.ts';
import './errors.ts';

export async function requireBranch(uow: UnitOfWork, org: Org): Promise<void> {
  if (org.status === 'closed') throw new AppError('ORG_CLOSED');
  const type = await findOrgType(uow.trx, org.type);
  if (!type || type.holds_members !== 1) throw new AppError('MEMBER_ORG_NOT_BRANCH');
}

async function checkUnique(
  uow: UnitOfWork,
  input: Pick<MemberInput, 'cardNumber' | 'phone'>,
  selfId?: string,
) {
  if (input.cardNumber) {
    const other = await memberByCardOrPhone(uow.trx, 'card_number', input.cardNumber);
    if (other && other.id !== selfId) throw new AppError('MEMBER_DUPLICATE_CARD');
  }
  if (input.phone) {
    const other = await memberByCardOrPhone(uow.trx, 'phone', input.phone);
    if (other && other.id !== selfId) throw new AppError('MEMBER_DUPLICATE_PHONE');
  }
}

function rethrowUnique(err: unknown): never {
  const v = uniqueViolation(err);
  if (v?.includes('card')) throw new AppError('MEMBER_DUPLICATE_CARD');
  if (v?.includes('phone')) throw new AppError('MEMBER_DUPLICATE_PHONE');
  throw err;
}

export async function insertMember(
  uow: UnitOfWork,
  org: Org,
  input: MemberInput,
  id = newId(),
): Promise<string> {
  const now = nowIso();
  await uow.trx
    .insertInto('members')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      province_id: org.provinceId,
      full_name: input.fullName,
      name_folded: fold(input.fullName),
      gender: input.gender,
      birth_date: input.birthDate,
      phone: input.phone,
      card_number: input.cardNumber,
      admitted_on: input.admittedOn,
      full_member_on: input.fullMemberOn,
      kind: input.kind,
      status: input.status,
      host_org_id: null,
      position: input.position,
      created_at: now,
      updated_at: now,
      erased_at: null,
    })
    .execute()
    .catch(rethrowUnique);
  return id;
}

export async function createMember(uow: UnitOfWork, org: Org, input: MemberInput): Promise<Member> {
  await requireBranch(uow, org);
  await checkUnique(uow, input);
  const id = await insertMember(uow, org, input);
  const member = (await findMember(uow.trx, id))!;
  await uow.audit({
    action: 'member.create',
    entityType: 'member',
    entityId: id,
    orgPath: org.path,
    after: member,
  });
  uow.emit({ topic: 'member.created', payload: { memberId: id, orgId: org.id } });
  return member;
}

export async function updateMember(uow: UnitOfWork, member: Member, input: MemberInput): Promise<Member> {
  await checkUnique(uow, input, member.id);
  await uow.trx
    .updateTable('members')
    .set({
      full_name: input.fullName,
      name_folded: fold(input.fullName),
      gender: input.gender,
      birth_date: input.birthDate,
      phone: input.phone,
      card_number: input.cardNumber,
      admitted_on: input.admittedOn,
      full_member_on: input.fullMemberOn,
      kind: input.kind,
      status: input.status === 'temporarily_transferred' && !member.hostOrgId ? member.status : input.status,
      position: input.position,
      updated_at: nowIso(),
    })
    .where('id', '=', member.id)
    .execute()
    .catch(rethrowUnique);
  const after = (await findMember(uow.trx, member.id))!;
  await uow.audit({
    action: 'member.update',
    entityType: 'member',
    entityId: member.id,
    orgPath: member.orgPath,
    before: member,
    after,
  });
  return after;
}

/**
 * permanent: the member's branch changes. temporary: the member stays at home (votes there) and takes part at the
 * host branch. return: a temporary transfer ends.
 */
export async function transferMember(
  uow: UnitOfWork,
  member: Member,
  kind: 'permanent' | 'temporary' | 'return',
  target: Org | null,
  note: string | null,
  actorAccountId: string | null,
): Promise<Member> {
  const now = nowIso();
  if (kind === 'return') {
    if (!member.hostOrgId) throw new AppError('MEMBER_NOT_TRANSFERRED');
    await uow.trx
      .updateTable('members')
      .set({ host_org_id: null, status: 'active', updated_at: now })
      .where('id', '=', member.id)
      .execute();
  } else {
    if (!target) throw new AppError('NOT_FOUND');
    await requireBranch(uow, target);
    if (target.id === member.orgId) throw new AppError('MEMBER_TRANSFER_SAME_ORG');
    if (kind === 'permanent') {
      await uow.trx
        .updateTable('members')
        .set({
          org_id: target.id,
          org_path: target.path,
          province_id: target.provinceId,
          host_org_id: null,
          status: member.status === 'temporarily_transferred' ? 'active' : member.status,
          updated_at: now,
        })
        .where('id', '=', member.id)
        .execute();
    } else {
      await uow.trx
        .updateTable('members')
        .set({ host_org_id: target.id, status: 'temporarily_transferred', updated_at: now })
        .where('id', '=', member.id)
        .execute();
    }
  }
  await uow.trx
    .insertInto('member_transfers')
    .values({
      id: newId(),
      member_id: member.id,
      from_org_id: kind === 'return' ? member.hostOrgId! : member.orgId,
      to_org_id: kind === 'return' ? member.orgId : target!.id,
      kind,
      note,
      at: now,
      actor_account_id: actorAccountId,
    })
    .execute();
  const after = (await findMember(uow.trx, member.id))!;
  await uow.audit({
    action: `member.transfer.${kind}`,
    entityType: 'member',
    entityId: member.id,
    orgPath: after.orgPath,
    before: member,
    after,
  });
  uow.emit({ topic: 'member.transferred', payload: { memberId: member.id, kind } });
  return after;
}
