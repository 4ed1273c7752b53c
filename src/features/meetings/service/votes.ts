// Motions, ballots, show of hands; adopting the resolution turns its tasks into tasks.
import type { UnitOfWork } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import {
  castVote,
  tallyVote,
  voteEligibility,
  type Ballot,
  type VoteChoice,
  type VoteCounts,
} from '../domain/index.ts';
import { attendanceOf, latestDraft, type MeetingRow } from '../queries.ts';
import { now, isClosed, assertLive, emitLive } from './common.ts';

export async function createMotion(
  uow: UnitOfWork,
  m: MeetingRow,
  input: { title: string; method: 'show_of_hands' | 'app'; isResolution: boolean },
): Promise<string> {
  assertLive(m);
  const open = await uow.trx
    .selectFrom('meeting_motions')
    .select('id')
    .where('meeting_id', '=', m.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) throw new AppError('MEETING_VOTE_OPEN_EXISTS');
  const id = newId();
  await uow.trx
    .insertInto('meeting_motions')
    .values({
      id,
      meeting_id: m.id,
      title: input.title.normalize('NFC').trim(),
      method: input.method,
      is_resolution: input.isResolution ? 1 : 0,
      status: 'open',
      hands: null,
      outcome: null,
      created_at: now(),
      closed_at: null,
    })
    .execute();
  await uow.audit({
    action: 'meeting.motion.open',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  await emitLive(uow, m.id, 'vote');
  return id;
}

async function loadMotion(db: DbOrTx, m: MeetingRow, motionId: string) {
  const motion = await db
    .selectFrom('meeting_motions')
    .selectAll()
    .where('id', '=', motionId)
    .where('meeting_id', '=', m.id)
    .executeTakeFirst();
  if (!motion) throw new AppError('MEETING_MOTION_NOT_FOUND');
  return motion;
}

export async function castBallot(
  uow: UnitOfWork,
  m: MeetingRow,
  motionId: string,
  memberId: string | null,
  choice: VoteChoice,
): Promise<void> {
  const motion = await loadMotion(uow.trx, m, motionId);
  if (motion.status === 'closed' || isClosed(m)) throw new AppError('VOTE_CLOSED');
  assertLive(m);
  if (motion.method !== 'app') throw new AppError('MEETING_VOTE_METHOD');
  const { members, attendance, rules } = await attendanceOf(uow.trx, m);
  const member = members.find((x) => x.id === memberId);
  if (!member || !memberId) throw new AppError('VOTE_NOT_A_MEMBER');
  const ballots = await uow.trx
    .selectFrom('meeting_ballots')
    .select(['member_id', 'choice'])
    .where('motion_id', '=', motionId)
    .execute();
  const result = castVote(
    { closed: false, ballots: ballots.map((b): Ballot => ({ memberId: b.member_id, choice: b.choice })) },
    { memberId, choice },
    voteEligibility(member, attendance, rules),
  );
  if (!result.ok) throw new AppError(result.code);
  const inserted = await uow.trx
    .insertInto('meeting_ballots')
    .values({ motion_id: motionId, member_id: memberId, choice, at: now() })
    .onConflict((oc) => oc.columns(['motion_id', 'member_id']).doNothing())
    .executeTakeFirst();
  // A concurrent second vote loses on the primary key.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw new AppError('VOTE_DUPLICATE');
  await uow.audit({ action: 'meeting.vote', entityType: 'meeting', entityId: m.id, orgPath: m.org_path });
  await emitLive(uow, m.id, 'vote');
}

export async function recordHands(
  uow: UnitOfWork,
  m: MeetingRow,
  motionId: string,
  counts: VoteCounts,
): Promise<void> {
  const motion = await loadMotion(uow.trx, m, motionId);
  if (motion.status === 'closed' || isClosed(m)) throw new AppError('VOTE_CLOSED');
  assertLive(m);
  if (motion.method !== 'show_of_hands') throw new AppError('MEETING_VOTE_METHOD');
  const { attendance } = await attendanceOf(uow.trx, m);
  if (counts.for + counts.against + counts.abstain > attendance.voteBase)
    throw new AppError('MEETING_VOTE_COUNTS_INVALID');
  await uow.trx
    .updateTable('meeting_motions')
    .set({ hands: JSON.stringify(counts) })
    .where('id', '=', motionId)
    .execute();
  await emitLive(uow, m.id, 'vote');
}

/** Closes a vote: the outcome is computed by the rules and final. An adopted resolution publishes its tasks. */
export async function closeMotion(uow: UnitOfWork, m: MeetingRow, motionId: string) {
  const motion = await loadMotion(uow.trx, m, motionId);
  if (motion.status === 'closed') throw new AppError('VOTE_CLOSED');
  assertLive(m);
  const { attendance, rules } = await attendanceOf(uow.trx, m);
  let votes: VoteCounts | Ballot[];
  if (motion.method === 'show_of_hands') {
    votes = motion.hands ? (JSON.parse(motion.hands) as VoteCounts) : { for: 0, against: 0, abstain: 0 };
  } else {
    const rows = await uow.trx
      .selectFrom('meeting_ballots')
      .select(['member_id', 'choice'])
      .where('motion_id', '=', motionId)
      .execute();
    votes = rows.map((b) => ({ memberId: b.member_id, choice: b.choice }));
  }
  const outcome = tallyVote({ votes, eligibleBase: attendance.voteBase, rules });
  const at = now();
  const res = await uow.trx
    .updateTable('meeting_motions')
    .set({ status: 'closed', outcome: JSON.stringify(outcome), closed_at: at })
    .where('id', '=', motionId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('VOTE_CLOSED');
  await uow.audit({
    action: 'meeting.motion.close',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
    after: { passed: outcome.passed, for: outcome.for, base: outcome.base },
  });
  if (motion.is_resolution === 1 && outcome.passed) await adoptResolution(uow, m, at);
  await emitLive(uow, m.id, 'vote');
  return outcome;
}

async function adoptResolution(uow: UnitOfWork, m: MeetingRow, at: string): Promise<void> {
  const draft = (await latestDraft(uow.trx, m.id, true)) ?? (await latestDraft(uow.trx, m.id, false));
  if (!draft) return;
  await uow.trx.deleteFrom('meeting_resolution_tasks').where('meeting_id', '=', m.id).execute();
  const tasks = draft.draft.tasks.map((t, i) => ({
    id: newId(),
    meeting_id: m.id,
    org_id: m.org_id,
    org_path: m.org_path,
    content: t.content,
    owner: t.owner,
    deadline: t.deadline ?? null,
    position: i,
    created_at: at,
  }));
  if (tasks.length > 0) await uow.trx.insertInto('meeting_resolution_tasks').values(tasks).execute();
  uow.emit({
    topic: 'meeting.resolution.adopted',
    payload: {
      meetingId: m.id,
      orgId: m.org_id,
      orgPath: m.org_path,
      draftVersion: draft.version,
      title: draft.draft.title,
      tasks: tasks.map((t) => ({ id: t.id, content: t.content, owner: t.owner, deadline: t.deadline })),
    },
  });
}
