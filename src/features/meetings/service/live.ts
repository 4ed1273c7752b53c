// The meeting itself: roll call, check-in, notes.
import type { UnitOfWork } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { MEETING_NOTICES, type RollCallMark } from '../domain/index.ts';
import { issueCheckIn, verifyCheckInToken, type IssuedCheckIn } from '../checkin.ts';
import { attendanceOf, stateOf, type MeetingRow } from '../queries.ts';
import { now, assertLive, emitLive } from './common.ts';

export async function saveAttendance(uow: UnitOfWork, m: MeetingRow, marks: RollCallMark[]): Promise<void> {
  assertLive(m);
  const { members } = await attendanceOf(uow.trx, m);
  const ids = new Set(members.map((x) => x.id));
  const at = now();
  for (const mark of marks) {
    if (!ids.has(mark.memberId))
      throw new AppError('MEETING_INVALID', {
        details: [{ field: 'memberId', message: MEETING_NOTICES.ROLL_CALL_UNKNOWN_MEMBER.vi }],
      });
    if (mark.mark === 'absent_with_reason' && mark.reason.trim() === '')
      throw new AppError('MEETING_INVALID', {
        details: [{ field: 'reason', message: MEETING_NOTICES.ROLL_CALL_REASON_MISSING.vi }],
      });
    const row = {
      mark: mark.mark,
      reason: mark.mark === 'absent_with_reason' ? mark.reason.normalize('NFC').trim() : null,
      remote: mark.mark === 'present' && mark.remote ? 1 : 0,
      source: 'secretary' as const,
      at,
    };
    await uow.trx
      .insertInto('meeting_attendance')
      .values({ meeting_id: m.id, member_id: mark.memberId, ...row })
      .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doUpdateSet(row))
      .execute();
  }
  await uow.audit({
    action: 'meeting.roll_call',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  await emitLive(uow, m.id, 'attendance');
}

export async function issueQr(uow: UnitOfWork, m: MeetingRow, at: number): Promise<IssuedCheckIn> {
  assertLive(m);
  const issued = issueCheckIn(m.qr_secret, m.id, at);
  await uow.trx
    .updateTable('meetings')
    .set({ qr_code: issued.code, qr_expires_at: issued.expiresAt })
    .where('id', '=', m.id)
    .execute();
  return issued;
}

export async function checkIn(
  uow: UnitOfWork,
  m: MeetingRow,
  memberId: string | null,
  proof: { token?: string; code?: string },
  at: number,
): Promise<void> {
  assertLive(m);
  if (proof.token) {
    const verdict = verifyCheckInToken(m.qr_secret, m.id, proof.token, at);
    if (verdict === 'invalid') throw new AppError('MEETING_CHECKIN_INVALID');
    if (verdict === 'expired') throw new AppError('MEETING_CHECKIN_EXPIRED');
  } else if (proof.code) {
    if (!m.qr_code || proof.code.trim() !== m.qr_code) throw new AppError('MEETING_CHECKIN_INVALID');
    if (!m.qr_expires_at || Date.parse(m.qr_expires_at) < at) throw new AppError('MEETING_CHECKIN_EXPIRED');
  } else throw new AppError('MEETING_CHECKIN_INVALID');
  const { members } = await attendanceOf(uow.trx, m);
  if (!memberId || !members.some((x) => x.id === memberId)) throw new AppError('MEETING_CHECKIN_NOT_MEMBER');
  const row = {
    mark: 'present' as const,
    reason: null,
    remote: 0,
    source: 'check_in' as const,
    at: new Date(at).toISOString(),
  };
  await uow.trx
    .insertInto('meeting_attendance')
    .values({ meeting_id: m.id, member_id: memberId, ...row })
    .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doUpdateSet(row))
    .execute();
  await uow.audit({ action: 'meeting.check_in', entityType: 'meeting', entityId: m.id, orgPath: m.org_path });
  await emitLive(uow, m.id, 'attendance');
}

export async function addNote(
  uow: UnitOfWork,
  m: MeetingRow,
  input: { stepId: string; text: string; speaker?: string | null; kind?: 'note' | 'conclusion' },
): Promise<string> {
  assertLive(m);
  if (!stateOf(m).steps.some((s) => s.id === input.stepId)) throw new AppError('MEETING_STEP_NOT_FOUND');
  const text = input.text.normalize('NFC').trim();
  if (!text)
    throw new AppError('MEETING_INVALID', { details: [{ field: 'text', message: 'Ghi chép trống' }] });
  const id = newId();
  await uow.trx
    .insertInto('meeting_notes')
    .values({
      id,
      meeting_id: m.id,
      step_id: input.stepId,
      speaker: input.speaker?.normalize('NFC').trim() || null,
      text,
      kind: input.kind ?? 'note',
      created_at: now(),
    })
    .execute();
  return id;
}
