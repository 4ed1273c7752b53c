import type { PersonalDataContributor } from '../privacy/registry.ts';
import { ERASED_NAME } from '../privacy/registry.ts';

/**
 * Attendance, votes, comments, reading of materials, meeting roles and quality scores. Meeting records are kept
 * for the organisation: erasure leaves attendance, ballots and comments pointing at the anonymised member, takes
 * the name off their comments, the notes where they spoke and the resolution tasks they own, and the free-text
 * reason off their attendance marks. Approved minutes are a record and stay as approved.
 */
export const meetingsPersonalData: PersonalDataContributor = {
  title: 'Sinh hoạt chi bộ',
  tables: [
    'meetings',
    'meeting_reads',
    'meeting_comments',
    'meeting_attendance',
    'meeting_ballots',
    'meeting_quality',
  ],
  async collect(_ctx, db, { accountId, memberId }) {
    const attendance = memberId
      ? await db
          .selectFrom('meeting_attendance')
          .innerJoin('meetings', 'meetings.id', 'meeting_attendance.meeting_id')
          .select([
            'meetings.title',
            'meetings.starts_at',
            'meeting_attendance.mark',
            'meeting_attendance.reason',
            'meeting_attendance.remote',
            'meeting_attendance.at',
          ])
          .where('meeting_attendance.member_id', '=', memberId)
          .orderBy('meetings.starts_at', 'desc')
          .execute()
      : [];
    const votes = memberId
      ? await db
          .selectFrom('meeting_ballots')
          .innerJoin('meeting_motions', 'meeting_motions.id', 'meeting_ballots.motion_id')
          .innerJoin('meetings', 'meetings.id', 'meeting_motions.meeting_id')
          .select([
            'meetings.title as meeting',
            'meeting_motions.title',
            'meeting_ballots.choice',
            'meeting_ballots.at',
          ])
          .where('meeting_ballots.member_id', '=', memberId)
          .orderBy('meeting_ballots.at', 'desc')
          .execute()
      : [];
    const comments = accountId
      ? await db
          .selectFrom('meeting_comments')
          .innerJoin('meetings', 'meetings.id', 'meeting_comments.meeting_id')
          .select([
            'meetings.title as meeting',
            'meeting_comments.body',
            'meeting_comments.status',
            'meeting_comments.answer',
            'meeting_comments.created_at',
          ])
          .where('meeting_comments.author_account_id', '=', accountId)
          .orderBy('meeting_comments.created_at', 'desc')
          .execute()
      : [];
    const reads = memberId
      ? await db
          .selectFrom('meeting_reads')
          .innerJoin('meetings', 'meetings.id', 'meeting_reads.meeting_id')
          .select(['meetings.title', 'meeting_reads.first_at', 'meeting_reads.last_at'])
          .where('meeting_reads.member_id', '=', memberId)
          .orderBy('meeting_reads.first_at', 'desc')
          .execute()
      : [];
    const roles = await db
      .selectFrom('meetings')
      .select(['title', 'starts_at', 'chair_member_id', 'minute_taker_member_id', 'created_by'])
      .where((eb) =>
        eb.or([
          ...(memberId
            ? [eb('chair_member_id', '=', memberId), eb('minute_taker_member_id', '=', memberId)]
            : []),
          ...(accountId ? [eb('created_by', '=', accountId)] : []),
          eb.lit(false),
        ]),
      )
      .orderBy('starts_at', 'desc')
      .execute();
    const scores = accountId
      ? await db
          .selectFrom('meeting_quality')
          .innerJoin('meetings', 'meetings.id', 'meeting_quality.meeting_id')
          .select([
            'meetings.title',
            'meeting_quality.role',
            'meeting_quality.score',
            'meeting_quality.created_at',
          ])
          .where('meeting_quality.scorer_account_id', '=', accountId)
          .execute()
      : [];
    return {
      attendance: attendance.map((a) => ({
        meeting: a.title,
        startsAt: a.starts_at,
        mark: a.mark,
        reason: a.reason,
        remote: a.remote === 1,
        at: a.at,
      })),
      votes: votes.map((v) => ({ meeting: v.meeting, motion: v.title, choice: v.choice, at: v.at })),
      comments: comments.map((c) => ({
        meeting: c.meeting,
        body: c.body,
        status: c.status,
        answer: c.answer,
        at: c.created_at,
      })),
      materialsOpened: reads.map((r) => ({ meeting: r.title, firstAt: r.first_at, lastAt: r.last_at })),
      roles: roles.map((m) => ({
        meeting: m.title,
        startsAt: m.starts_at,
        chair: memberId !== null && m.chair_member_id === memberId,
        minuteTaker: memberId !== null && m.minute_taker_member_id === memberId,
        createdByMe: accountId !== null && m.created_by === accountId,
      })),
      qualityScores: scores.map((s) => ({
        meeting: s.title,
        role: s.role,
        score: s.score,
        at: s.created_at,
      })),
    };
  },
  async erase(uow, { accountId, memberId }) {
    if (accountId)
      await uow.trx
        .updateTable('meeting_comments')
        .set({ author_name: ERASED_NAME })
        .where('author_account_id', '=', accountId)
        .execute();
    if (!memberId) return;
    await uow.trx
      .updateTable('meeting_attendance')
      .set({ reason: null })
      .where('member_id', '=', memberId)
      .execute();
    // Speakers and resolution task owners are free text: where it is the member's name, in a meeting they
    // attended, it becomes the anonymous name (the members row still has the name: it is erased after this).
    const member = await uow.trx
      .selectFrom('members')
      .select('full_name')
      .where('id', '=', memberId)
      .executeTakeFirst();
    if (!member) return;
    const attended = uow.trx
      .selectFrom('meeting_attendance')
      .select('meeting_id')
      .where('member_id', '=', memberId);
    await uow.trx
      .updateTable('meeting_notes')
      .set({ speaker: ERASED_NAME })
      .where('speaker', '=', member.full_name)
      .where('meeting_id', 'in', attended)
      .execute();
    await uow.trx
      .updateTable('meeting_resolution_tasks')
      .set({ owner: ERASED_NAME })
      .where('owner', '=', member.full_name)
      .where('meeting_id', 'in', attended)
      .execute();
  },
};
