import type { UnitOfWork } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { buildMinutes, type Minutes, type StepRecord, type VoteOutcome } from './domain/index.ts';
import { attendanceOf, stateOf, type MeetingRow } from './queries.ts';
import { assertOpen } from './service.ts';

async function personOf(db: DbOrTx, memberId: string | null) {
  if (!memberId) return { name: '……………………' };
  const row = await db
    .selectFrom('members')
    .select(['full_name', 'position'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!row) return { name: '……………………' };
  return row.position ? { name: row.full_name, position: row.position } : { name: row.full_name };
}

/** Builds the minutes from what was recorded: roll call, notes per step, votes. */
export async function generateMinutes(db: DbOrTx, m: MeetingRow): Promise<Minutes> {
  const state = stateOf(m);
  const org = await db
    .selectFrom('orgs')
    .select(['name', 'parent_id'])
    .where('id', '=', m.org_id)
    .executeTakeFirstOrThrow();
  const parent = org.parent_id
    ? await db.selectFrom('orgs').select('name').where('id', '=', org.parent_id).executeTakeFirst()
    : undefined;
  const { members, attendance } = await attendanceOf(db, m);
  const notes = await db
    .selectFrom('meeting_notes')
    .selectAll()
    .where('meeting_id', '=', m.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const motions = await db
    .selectFrom('meeting_motions')
    .selectAll()
    .where('meeting_id', '=', m.id)
    .where('status', '=', 'closed')
    .orderBy('created_at')
    .execute();
  const steps: StepRecord[] = state.steps.map((s) => {
    const mine = notes.filter((n) => n.step_id === s.id);
    const record: StepRecord = {
      title: s.title,
      kind: s.kind,
      notes: mine
        .filter((n) => n.kind === 'note')
        .map((n) => (n.speaker ? { speaker: n.speaker, text: n.text } : { text: n.text })),
      skipped: s.state === 'skipped',
    };
    const conclusion = mine.filter((n) => n.kind === 'conclusion').at(-1);
    if (conclusion) record.conclusion = conclusion.text;
    return record;
  });
  const locality = parent?.name.match(/^Đảng bộ (?:xã|phường|thị trấn|thị xã)\s+(.+)$/u)?.[1];
  return buildMinutes({
    upperOrganisation: parent?.name,
    organisation: org.name,
    locality,
    meetingKind: m.kind,
    theme: m.theme ?? undefined,
    startedAt: m.started_at ?? m.starts_at,
    endedAt: m.ended_at ?? undefined,
    place: m.place,
    online: m.online === 1,
    chair: await personOf(db, m.chair_member_id),
    minuteTaker: await personOf(db, m.minute_taker_member_id),
    guests: [],
    members: members.map((x) => ({ id: x.id, name: x.name, kind: x.kind, status: x.status })),
    attendance,
    steps,
    votes: motions.map((v) => ({
      motion: v.title,
      method: v.method,
      outcome: JSON.parse(v.outcome ?? '{}') as VoteOutcome,
    })),
    minutesApproved: m.status === 'minutes_approved',
  });
}

export async function storeGeneratedMinutes(uow: UnitOfWork, m: MeetingRow): Promise<Minutes> {
  const minutes = await generateMinutes(uow.trx, m);
  await uow.trx
    .updateTable('meetings')
    .set({ minutes: JSON.stringify(minutes) })
    .where('id', '=', m.id)
    .execute();
  return minutes;
}

export function storedMinutes(m: MeetingRow): Minutes | null {
  return m.minutes ? (JSON.parse(m.minutes) as Minutes) : null;
}

export interface MinutesEdit {
  items: Array<{
    index: number;
    notes: Array<{ speaker?: string; text: string }>;
    conclusion?: string | null;
  }>;
  conclusion?: string | null;
}

/** The minute-taker corrects what was said per item and the conclusion; the figures stay those recorded. */
export async function editMinutes(uow: UnitOfWork, m: MeetingRow, edit: MinutesEdit): Promise<Minutes> {
  if (m.status !== 'ended') {
    assertOpen(m);
    throw new AppError('MEETING_NOT_ENDED');
  }
  const minutes = storedMinutes(m) ?? (await generateMinutes(uow.trx, m));
  const clean = (s: string) => s.normalize('NFC').trim();
  for (const e of edit.items) {
    const item = minutes.items.find((i) => i.index === e.index);
    if (!item) continue;
    item.notes = e.notes
      .filter((n) => clean(n.text) !== '')
      .map((n) =>
        n.speaker && clean(n.speaker)
          ? { speaker: clean(n.speaker), text: clean(n.text) }
          : { text: clean(n.text) },
      );
    if (e.conclusion !== undefined) {
      if (e.conclusion && clean(e.conclusion)) item.conclusion = clean(e.conclusion);
      else delete item.conclusion;
    }
  }
  if (edit.conclusion !== undefined) {
    if (edit.conclusion && clean(edit.conclusion)) minutes.conclusion = clean(edit.conclusion);
    else delete minutes.conclusion;
  }
  await uow.trx
    .updateTable('meetings')
    .set({ minutes: JSON.stringify(minutes) })
    .where('id', '=', m.id)
    .execute();
  await uow.audit({
    action: 'meeting.minutes.edit',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  return minutes;
}
