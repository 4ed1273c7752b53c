import type { DbOrTx } from '../../platform/db/database.ts';
import {
  computeAttendance,
  currentStep,
  meetingRules,
  type Attendance,
  type MeetingRules,
  type MeetingState,
  type Member as DomainMember,
  type MemberStatus,
  type RollCallMark,
  type VoteCounts,
  type VoteOutcome,
} from './domain/index.ts';
import type { MeetingTable } from './tables.ts';

export type MeetingRow = MeetingTable;

export interface StoredParagraph {
  id: string;
  text: string;
}
export interface StoredTask {
  id: string;
  content: string;
  owner: string;
  deadline?: string;
}
/** A draft resolution as stored: every paragraph and task keeps a stable id members comment on. */
export interface StoredDraft {
  title: string;
  assessment: StoredParagraph[];
  tasks: StoredTask[];
}

export interface RosterMember extends DomainMember {
  name: string;
  /** Member of the branch itself (not a guest in temporary activity). */
  home: boolean;
}

export async function findMeeting(db: DbOrTx, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function stateOf(m: MeetingRow): MeetingState {
  return JSON.parse(m.state) as MeetingState;
}

/** The branch's roll: its own members and those here in temporary party activity. */
export async function roster(db: DbOrTx, orgId: string): Promise<RosterMember[]> {
  const rows = await db
    .selectFrom('members')
    .select(['id', 'full_name', 'kind', 'status', 'org_id', 'host_org_id'])
    .where((eb) => eb.or([eb('org_id', '=', orgId), eb('host_org_id', '=', orgId)]))
    .where('erased_at', 'is', null)
    .orderBy('name_folded')
    .execute();
  return rows.map((r) => {
    const home = r.org_id === orgId;
    let status: MemberStatus;
    if (!home) status = 'transferred_in_temporary';
    else if (r.status === 'temporarily_transferred') status = 'transferred_out_temporary';
    else status = r.status;
    return { id: r.id, name: r.full_name, kind: r.kind, status, home };
  });
}

export async function rulesFor(db: DbOrTx, orgId: string): Promise<MeetingRules> {
  const row = await db
    .selectFrom('orgs')
    .innerJoin('org_types', 'org_types.code', 'orgs.type_code')
    .select(['org_types.rules'])
    .where('orgs.id', '=', orgId)
    .executeTakeFirst();
  let overrides: Partial<MeetingRules> = {};
  try {
    const parsed = JSON.parse(row?.rules ?? '{}') as { meeting?: Partial<MeetingRules> };
    if (parsed.meeting && typeof parsed.meeting === 'object') overrides = parsed.meeting;
  } catch {
    overrides = {};
  }
  return meetingRules(overrides);
}

export async function rollCall(db: DbOrTx, meetingId: string): Promise<RollCallMark[]> {
  const rows = await db
    .selectFrom('meeting_attendance')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('at')
    .execute();
  return rows.map((r): RollCallMark => {
    if (r.mark === 'present') return { memberId: r.member_id, mark: 'present', remote: r.remote === 1 };
    if (r.mark === 'absent_with_reason')
      return { memberId: r.member_id, mark: 'absent_with_reason', reason: r.reason ?? '' };
    return { memberId: r.member_id, mark: r.mark };
  });
}

export interface AttendanceContext {
  members: RosterMember[];
  marks: RollCallMark[];
  rules: MeetingRules;
  attendance: Attendance;
}

export async function attendanceOf(db: DbOrTx, m: MeetingRow): Promise<AttendanceContext> {
  const [members, marks, rules] = await Promise.all([
    roster(db, m.org_id),
    rollCall(db, m.id),
    rulesFor(db, m.org_id),
  ]);
  return { members, marks, rules, attendance: computeAttendance(members, marks, rules) };
}

export async function latestDraft(db: DbOrTx, meetingId: string, publishedOnly: boolean) {
  let q = db.selectFrom('meeting_drafts').selectAll().where('meeting_id', '=', meetingId);
  if (publishedOnly) q = q.where('published_at', 'is not', null);
  const row = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? { ...row, draft: JSON.parse(row.content) as StoredDraft } : undefined;
}

export interface MotionView {
  id: string;
  title: string;
  method: 'show_of_hands' | 'app';
  isResolution: boolean;
  status: 'open' | 'closed';
  ballots: number;
  hands: VoteCounts | null;
  outcome: VoteOutcome | null;
}

export async function motionsOf(db: DbOrTx, meetingId: string): Promise<MotionView[]> {
  const rows = await db
    .selectFrom('meeting_motions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .execute();
  const counts = await db
    .selectFrom('meeting_ballots')
    .innerJoin('meeting_motions', 'meeting_motions.id', 'meeting_ballots.motion_id')
    .select(['meeting_ballots.motion_id as motionId', db.fn.countAll<number>().as('n')])
    .where('meeting_motions.meeting_id', '=', meetingId)
    .groupBy('meeting_ballots.motion_id')
    .execute();
  const byMotion = new Map(counts.map((c) => [c.motionId, Number(c.n)]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    method: r.method,
    isResolution: r.is_resolution === 1,
    status: r.status,
    ballots: byMotion.get(r.id) ?? 0,
    hands: r.hands ? (JSON.parse(r.hands) as VoteCounts) : null,
    outcome: r.outcome ? (JSON.parse(r.outcome) as VoteOutcome) : null,
  }));
}

/** What every member's device shows during the meeting; sent whole so a reconnecting client catches up. */
export interface LiveSnapshot {
  meetingId: string;
  status: MeetingState['status'];
  version: number;
  startedAt: string | null;
  endedAt: string | null;
  currentStepId: string | null;
  steps: Array<{
    id: string;
    title: string;
    kind: string;
    description: string;
    optional: boolean;
    state: string;
    openedAt: string | null;
    closedAt: string | null;
  }>;
  attendance: {
    present: number;
    base: number;
    required: number;
    quorumMet: boolean;
    voteBase: number;
    unmarked: number;
  };
  motions: MotionView[];
}

export async function liveSnapshot(db: DbOrTx, m: MeetingRow): Promise<LiveSnapshot> {
  const state = stateOf(m);
  const [{ attendance }, motions] = await Promise.all([attendanceOf(db, m), motionsOf(db, m.id)]);
  return {
    meetingId: m.id,
    status: state.status,
    version: state.version,
    startedAt: m.started_at,
    endedAt: m.ended_at,
    currentStepId: state.status === 'live' ? (currentStep(state)?.id ?? null) : null,
    steps: state.steps.map((s) => ({
      id: s.id,
      title: s.title,
      kind: s.kind,
      description: s.description,
      optional: s.optional,
      state: s.state,
      openedAt: s.openedAt ?? null,
      closedAt: s.closedAt ?? null,
    })),
    attendance: {
      present: attendance.present,
      base: attendance.base,
      required: attendance.required,
      quorumMet: attendance.quorumMet,
      voteBase: attendance.voteBase,
      unmarked: attendance.unmarked,
    },
    motions,
  };
}
