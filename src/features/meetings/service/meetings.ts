// A meeting: create, edit, move through its states.
import { syncMeetingSearch } from '../search.ts';
import type { UnitOfWork } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Org } from '../../orgs/queries.ts';
import {
  advanceStep,
  materialsWarning,
  MEETING_NOTICES,
  type MeetingAction,
  type MeetingKind,
  type MeetingState,
} from '../domain/index.ts';
import { createMeetingState } from '../domain/index.ts';
import { newMeetingSecret } from '../checkin.ts';
import { stateOf, type MeetingRow } from '../queries.ts';
import { now, assertOpen, emitLive } from './common.ts';
import { effectiveTemplates } from './templates.ts';

export interface MeetingInput {
  kind: MeetingKind;
  title?: string;
  theme?: string | null;
  startsAt: string;
  place: string;
  online: boolean;
  templateId?: string;
}

const KIND_TITLES: Record<MeetingKind, string> = {
  regular: 'Sinh hoạt chi bộ thường kỳ',
  themed: 'Sinh hoạt chuyên đề',
  regular_and_themed: 'Sinh hoạt thường kỳ kết hợp chuyên đề',
};

function checkStart(startsAt: string): string {
  const d = new Date(startsAt);
  if (Number.isNaN(d.getTime()))
    throw new AppError('MEETING_INVALID', {
      details: [{ field: 'startsAt', message: 'Thời gian không hợp lệ' }],
    });
  return d.toISOString();
}

export async function createMeeting(
  uow: UnitOfWork,
  org: Org,
  input: MeetingInput,
  by: { accountId: string; memberId: string | null },
): Promise<string> {
  const templates = await effectiveTemplates(uow.trx, org);
  const template = input.templateId
    ? templates.find((t) => t.id === input.templateId)
    : templates.find((t) => t.meetingKind === input.kind);
  if (!template)
    throw new AppError('MEETING_INVALID', {
      details: [{ field: 'templateId', message: 'Không có quy trình này' }],
    });
  const startsAt = checkStart(input.startsAt);
  const state = createMeetingState(template.steps);
  const local = new Date(new Date(startsAt).getTime() + 7 * 3600_000);
  const title =
    input.title?.normalize('NFC').trim() ||
    `${KIND_TITLES[input.kind]} tháng ${local.getUTCMonth() + 1}/${local.getUTCFullYear()}`;
  const id = newId();
  const at = now();
  await uow.trx
    .insertInto('meetings')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      kind: input.kind,
      title,
      theme: input.theme?.normalize('NFC').trim() || null,
      starts_at: startsAt,
      place: input.place.normalize('NFC').trim(),
      online: input.online ? 1 : 0,
      status: state.status,
      version: state.version,
      state: JSON.stringify(state),
      published_at: null,
      started_at: null,
      ended_at: null,
      chair_member_id: by.memberId,
      minute_taker_member_id: null,
      minutes: null,
      minutes_approved_at: null,
      qr_secret: newMeetingSecret(),
      qr_code: null,
      qr_expires_at: null,
      created_by: by.accountId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await uow.audit({ action: 'meeting.create', entityType: 'meeting', entityId: id, orgPath: org.path });
  return id;
}

export async function updateMeeting(
  uow: UnitOfWork,
  m: MeetingRow,
  input: Partial<Omit<MeetingInput, 'templateId' | 'kind'>> & {
    chairMemberId?: string | null;
    minuteTakerMemberId?: string | null;
  },
): Promise<void> {
  assertOpen(m);
  await uow.trx
    .updateTable('meetings')
    .set({
      ...(input.title !== undefined ? { title: input.title.normalize('NFC').trim() } : {}),
      ...(input.theme !== undefined ? { theme: input.theme?.normalize('NFC').trim() || null } : {}),
      ...(input.startsAt !== undefined ? { starts_at: checkStart(input.startsAt) } : {}),
      ...(input.place !== undefined ? { place: input.place.normalize('NFC').trim() } : {}),
      ...(input.online !== undefined ? { online: input.online ? 1 : 0 } : {}),
      ...(input.chairMemberId !== undefined ? { chair_member_id: input.chairMemberId } : {}),
      ...(input.minuteTakerMemberId !== undefined
        ? { minute_taker_member_id: input.minuteTakerMemberId }
        : {}),
      updated_at: now(),
    })
    .where('id', '=', m.id)
    .execute();
  await uow.audit({ action: 'meeting.update', entityType: 'meeting', entityId: m.id, orgPath: m.org_path });
}

/**
 * Applies one state-machine action and stores it only if nobody else changed the meeting since it was read:
 * the version in the WHERE clause is the optimistic lock between two secretaries.
 */
export async function transition(
  uow: UnitOfWork,
  m: MeetingRow,
  action: MeetingAction,
  topic = 'step',
): Promise<MeetingState> {
  const before = stateOf(m);
  const result = advanceStep(before, action);
  if (!result.ok) throw new AppError(result.code);
  const s = result.state;
  const updated = await uow.trx
    .updateTable('meetings')
    .set({
      state: JSON.stringify(s),
      version: s.version,
      status: s.status,
      published_at: s.publishedAt ?? m.published_at,
      started_at: s.startedAt ?? m.started_at,
      ended_at: s.endedAt ?? m.ended_at,
      minutes_approved_at: s.minutesApprovedAt ?? m.minutes_approved_at,
      updated_at: now(),
    })
    .where('id', '=', m.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('MEETING_VERSION_CONFLICT');
  await uow.audit({
    action: `meeting.${action.type}`,
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
    after: 'stepId' in action ? { stepId: action.stepId } : undefined,
  });
  await emitLive(uow, m.id, topic);
  if (s.status !== before.status) await syncMeetingSearch(uow, m.id);
  return s;
}

export function publishWarning(m: MeetingRow, publishedAt: string | null) {
  const check = materialsWarning(publishedAt, m.starts_at);
  if (!check.warning || !check.code) return null;
  return {
    code: check.code,
    message: MEETING_NOTICES[check.code].vi,
    leadMinutes: check.leadMinutes ?? null,
  };
}
