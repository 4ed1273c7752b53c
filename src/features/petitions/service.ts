import { nfc } from '../../text/index.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { nowIso } from '../../platform/db/database.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import type { Principal } from '../../platform/permissions/check.ts';
import { ROLE_PERMISSIONS } from '../../platform/permissions/roles.ts';
import type { Org } from '../orgs/queries.ts';
import {
  PetitionRuleError,
  checkAddress,
  checkForward,
  dueOn,
  transition,
  type PetitionAction,
} from './domain/petitions.ts';
import { addresseePaths, factsOf, responseDaysFor, type PetitionRow } from './queries.ts';
import { scheduleOverdueReminder } from './overdue.ts';

export const CATEGORIES = [
  'cong_tac_dang', // party work
  'kinh_te_xa_hoi', // economy and society
  'chinh_sach', // policies for members and people
  'can_bo', // cadres
  'khac', // other
] as const;
export type Category = (typeof CATEGORIES)[number];

export const MAX_TITLE = 200;
export const MAX_TEXT = 10_000;

// Control characters other than line breaks; built from code points so the pattern stays readable.
const CONTROL = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(9)}${String.fromCharCode(11)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
  'g',
);

/** Plain text only: NFC, no control characters except line breaks; the app shows it as text, never as HTML. */
export function cleanText(value: string, max: number): string {
  return nfc(value).replace(CONTROL, '').trim().slice(0, max);
}

function rule<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PetitionRuleError) throw new AppError(e.code);
    throw e;
  }
}

async function event(
  uow: UnitOfWork,
  petitionId: string,
  kind: string,
  actor: string | null,
  orgId: string | null,
  note: string | null,
  at: string,
) {
  await uow.trx
    .insertInto('petition_events')
    .values({ id: newId(), petition_id: petitionId, kind, org_id: orgId, note, actor_account_id: actor, at })
    .execute();
}

export interface SendInput {
  sender: { accountId: string; memberId: string; branch: Org };
  to: Org;
  category: Category;
  title: string;
  body: string;
  confidential: boolean;
}

export async function sendPetition(uow: UnitOfWork, input: SendInput): Promise<string> {
  rule(() => checkAddress(input.sender.branch.path, input.to.path));
  const title = cleanText(input.title, MAX_TITLE);
  const body = cleanText(input.body, MAX_TEXT);
  if (!title || !body) throw new AppError('PETITION_EMPTY');
  const id = newId();
  const at = nowIso();
  const days = await responseDaysFor(uow.trx, input.to.id);
  await uow.trx
    .insertInto('petitions')
    .values({
      id,
      sender_account_id: input.sender.accountId,
      sender_member_id: input.sender.memberId,
      sender_org_id: input.sender.branch.id,
      sender_path: input.sender.branch.path,
      province_id: input.sender.branch.provinceId,
      addressed_org_id: input.to.id,
      addressed_path: input.to.path,
      category: input.category,
      title,
      body,
      confidential: input.confidential ? 1 : 0,
      status: 'sent',
      handler_account_id: null,
      received_at: at,
      due_at: dueOn(at, days ?? undefined),
      answer: null,
      answered_at: null,
      answered_by: null,
      reply: null,
      rating: null,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  await uow.trx
    .insertInto('petition_addressees')
    .values({ petition_id: id, org_id: input.to.id, org_path: input.to.path, at })
    .execute();
  await event(uow, id, 'sent', input.sender.accountId, input.to.id, null, at);
  await scheduleOverdueReminder(uow, id, at, dueOn(at, days ?? undefined));
  // The audit log is readable by administrators: it records the fact, never the text.
  await uow.audit({
    action: 'petition.send',
    entityType: 'petition',
    entityId: id,
    orgPath: input.to.path,
    after: { category: input.category, confidential: input.confidential },
  });
  uow.emit({
    topic: 'petition.sent',
    payload: { petitionId: id, orgId: input.to.id, confidential: input.confidential },
  });
  return id;
}

export interface ActInput {
  action: PetitionAction;
  version: number;
  actorAccountId: string;
  note?: string;
  text?: string;
  rating?: number;
  to?: Org;
  handlerAccountId?: string;
  handlerPrincipal?: Principal | null;
}

/** One step of the workflow, refused unless the petition is still at the version the caller saw. */
export async function actOnPetition(uow: UnitOfWork, p: PetitionRow, input: ActInput): Promise<void> {
  if (p.version !== input.version) throw new AppError('PETITION_VERSION_CONFLICT');
  const history = await addresseePaths(uow.trx, p.id);
  const facts = factsOf(p, history);
  const status = rule(() => transition(facts, input.action, input.rating));
  const at = nowIso();
  const changes: Partial<PetitionRow> = { status, updated_at: at, version: p.version + 1 };
  let orgId: string | null = p.addressed_org_id;
  let note: string | null = input.note ? cleanText(input.note, MAX_TEXT) : null;

  switch (input.action) {
    case 'forward': {
      const to = input.to!;
      rule(() => checkForward(facts, to.path));
      const days = await responseDaysFor(uow.trx, to.id);
      Object.assign(changes, {
        addressed_org_id: to.id,
        addressed_path: to.path,
        handler_account_id: null,
        received_at: at,
        due_at: dueOn(at, days ?? undefined),
      });
      orgId = to.id;
      await scheduleOverdueReminder(uow, p.id, at, changes.due_at!);
      await uow.trx
        .insertInto('petition_addressees')
        .values({ petition_id: p.id, org_id: to.id, org_path: to.path, at })
        .onConflict((oc) => oc.columns(['petition_id', 'org_id']).doNothing())
        .execute();
      break;
    }
    case 'assign': {
      const handler = input.handlerPrincipal;
      const ok = handler?.grants.some(
        (g) =>
          !g.implicit &&
          ROLE_PERMISSIONS[g.role].has('petition.handle') &&
          (p.confidential ? g.orgPath === p.addressed_path : p.addressed_path.startsWith(g.orgPath)),
      );
      if (!ok) throw new AppError('PETITION_HANDLER_INVALID');
      changes.handler_account_id = input.handlerAccountId!;
      break;
    }
    case 'answer': {
      const text = cleanText(input.text ?? '', MAX_TEXT);
      if (!text) throw new AppError('PETITION_EMPTY');
      Object.assign(changes, { answer: text, answered_at: at, answered_by: input.actorAccountId });
      note = null;
      break;
    }
    case 'reply': {
      const text = cleanText(input.text ?? '', MAX_TEXT);
      if (!text) throw new AppError('PETITION_EMPTY');
      changes.reply = text;
      note = null;
      break;
    }
    case 'rate':
      changes.rating = input.rating!;
      break;
    default:
      break;
  }
  await uow.trx.updateTable('petitions').set(changes).where('id', '=', p.id).execute();
  await event(uow, p.id, input.action, input.actorAccountId, orgId, note, at);
  await uow.audit({
    action: `petition.${input.action}`,
    entityType: 'petition',
    entityId: p.id,
    orgPath: changes.addressed_path ?? p.addressed_path,
    after: { status, addressedOrgId: changes.addressed_org_id ?? p.addressed_org_id },
  });
  if (input.action === 'answer')
    uow.emit({
      topic: 'petition.answered',
      payload: {
        petitionId: p.id,
        senderAccountId: p.sender_account_id,
        // Read by the notifications feature: the sender is told in the inbox.
        title: `Kiến nghị đã được trả lời: ${p.title}`,
        body: typeof changes.answer === 'string' ? changes.answer.slice(0, 1000) : undefined,
        url: `/petitions/${p.id}`,
        accountIds: p.sender_account_id ? [p.sender_account_id] : [],
        eventId: `petition:${p.id}:answered`,
      },
    });
  if (input.action === 'forward')
    uow.emit({
      topic: 'petition.sent',
      payload: { petitionId: p.id, orgId, confidential: p.confidential === 1 },
    });
}
