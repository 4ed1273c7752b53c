import type { UnitOfWork } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import '../errors.ts';
import { findMeeting, liveSnapshot, type MeetingRow } from '../queries.ts';

export const now = () => new Date().toISOString();

export function isClosed(m: Pick<MeetingRow, 'status'>): boolean {
  return m.status === 'ended' || m.status === 'minutes_approved';
}

export function assertOpen(m: Pick<MeetingRow, 'status'>): void {
  if (isClosed(m)) throw new AppError('MEETING_CLOSED');
}

export function assertLive(m: Pick<MeetingRow, 'status'>): void {
  assertOpen(m);
  if (m.status !== 'live') throw new AppError('MEETING_NOT_LIVE');
}

/** Publishes the live state of the meeting to every process (members' devices follow it). */
export async function emitLive(uow: UnitOfWork, meetingId: string, what: string): Promise<void> {
  const fresh = await findMeeting(uow.trx, meetingId);
  if (!fresh) return;
  uow.emit({
    topic: `meeting.${meetingId}.${what}`,
    payload: (await liveSnapshot(uow.trx, fresh)) as unknown as Record<string, unknown>,
  });
}

export async function reloadMeeting(db: DbOrTx, id: string): Promise<MeetingRow> {
  const m = await findMeeting(db, id);
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}
