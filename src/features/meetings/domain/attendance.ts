import type { Member, MeetingRules } from './rules.ts';
import { atLeast } from './rules.ts';

/** What the secretary records for one member at roll call (điểm danh). */
export type RollCallMark =
  | { memberId: string; mark: 'present'; remote?: boolean }
  | { memberId: string; mark: 'absent_with_reason'; reason: string }
  | { memberId: string; mark: 'absent_without_reason' }
  | { memberId: string; mark: 'exempt' };

export type AttendanceState =
  | 'present'
  | 'absent_with_reason'
  | 'absent_without_reason'
  | 'exempt_not_attending'
  | 'transferred_away'
  | 'unmarked';

export interface AttendanceEntry {
  memberId: string;
  state: AttendanceState;
  reason?: string;
  remote?: boolean;
  /** Counted in the attendance (quorum) base. */
  inBase: boolean;
  /** Counted in the vote base (members with voting rights, Quy định 24-QĐ/TW 9.3.2). */
  inVoteBase: boolean;
  /** Present and counted for presence (a remote presence may not count, see rules). */
  countsAsPresent: boolean;
}

export type AttendanceIssueCode =
  | 'ROLL_CALL_UNKNOWN_MEMBER'
  | 'ROLL_CALL_DUPLICATE_MARK'
  | 'ROLL_CALL_EXEMPT_MARK_FOR_NON_EXEMPT'
  | 'ROLL_CALL_REASON_MISSING';

export interface AttendanceIssue {
  memberId: string;
  code: AttendanceIssueCode;
}

export interface Attendance {
  /** Members on this branch's roll (its đảng số): everyone except guests in temporary activity. */
  total: number;
  /** Attendance base for the quorum. */
  base: number;
  /** Present members counted in the base. */
  present: number;
  /** Present people who take part but are outside the base (members in temporary activity here). */
  presentOutsideBase: number;
  absentWithReason: number;
  absentWithoutReason: number;
  /** Exempt members (miễn sinh hoạt) who did not attend: outside the base. */
  exemptNotAttending: number;
  /** Members in temporary activity elsewhere who did not come home for this meeting: outside the base. */
  transferredAwayNotAttending: number;
  /** In the base but not yet marked (roll call still running). */
  unmarked: number;
  /** Present online while the rules do not count remote presence. */
  remoteNotCounted: number;
  /** Present members needed for the quorum. */
  required: number;
  quorumMet: boolean;
  /** Members with voting rights counted for the "more than half" rule. */
  voteBase: number;
  entries: AttendanceEntry[];
  issues: AttendanceIssue[];
}

/**
 * Summarise a roll call. Members missing from `rollCall` are "unmarked" (counted in the base, not present) —
 * except exempt and transferred-away members, who are simply not attending.
 */
export function computeAttendance(
  members: readonly Member[],
  rollCall: readonly RollCallMark[],
  rules: MeetingRules,
): Attendance {
  const issues: AttendanceIssue[] = [];
  const byId = new Map(members.map((m) => [m.id, m]));
  const marks = new Map<string, RollCallMark>();
  for (const mark of rollCall) {
    if (!byId.has(mark.memberId)) {
      issues.push({ memberId: mark.memberId, code: 'ROLL_CALL_UNKNOWN_MEMBER' });
      continue;
    }
    // The last mark wins: the secretary corrects a mistake by marking again.
    if (marks.has(mark.memberId)) issues.push({ memberId: mark.memberId, code: 'ROLL_CALL_DUPLICATE_MARK' });
    marks.set(mark.memberId, mark);
  }

  const entries = members.map((member) => {
    const mark = marks.get(member.id);
    if (mark?.mark === 'exempt' && member.status !== 'exempt') {
      issues.push({ memberId: member.id, code: 'ROLL_CALL_EXEMPT_MARK_FOR_NON_EXEMPT' });
    }
    if (mark?.mark === 'absent_with_reason' && mark.reason.trim() === '') {
      issues.push({ memberId: member.id, code: 'ROLL_CALL_REASON_MISSING' });
    }
    return entryFor(member, mark, rules);
  });

  const count = (pred: (e: AttendanceEntry) => boolean) => entries.filter(pred).length;
  const base = count((e) => e.inBase);
  const present = count((e) => e.inBase && e.countsAsPresent);
  const required = atLeast(rules.quorum, base);
  return {
    total: members.filter((m) => m.status !== 'transferred_in_temporary').length,
    base,
    present,
    presentOutsideBase: count((e) => !e.inBase && e.countsAsPresent),
    absentWithReason: count((e) => e.inBase && e.state === 'absent_with_reason'),
    absentWithoutReason: count((e) => e.inBase && e.state === 'absent_without_reason'),
    exemptNotAttending: count((e) => e.state === 'exempt_not_attending'),
    transferredAwayNotAttending: count((e) => e.state === 'transferred_away'),
    unmarked: count((e) => e.inBase && e.state === 'unmarked'),
    remoteNotCounted: count((e) => e.inBase && e.state === 'present' && !e.countsAsPresent),
    required,
    // A meeting with nobody to count cannot be quorate: there is no one to hold it.
    quorumMet: base > 0 && present >= required,
    voteBase: count((e) => e.inVoteBase),
    entries,
    issues,
  };
}

function entryFor(member: Member, mark: RollCallMark | undefined, rules: MeetingRules): AttendanceEntry {
  const state = stateOf(member, mark);
  const isPresent = state === 'present';
  const remote = mark?.mark === 'present' && mark.remote === true;
  const countsAsPresent = isPresent && (!remote || rules.remoteCountsAsPresent);
  const entry: AttendanceEntry = {
    memberId: member.id,
    state,
    inBase: inAttendanceBase(member, state, countsAsPresent, rules),
    inVoteBase: inVoteBase(member, state, countsAsPresent, rules),
    countsAsPresent,
  };
  if (mark?.mark === 'absent_with_reason') entry.reason = mark.reason.normalize('NFC').trim();
  if (remote) entry.remote = true;
  return entry;
}

function stateOf(member: Member, mark: RollCallMark | undefined): AttendanceState {
  if (mark?.mark === 'present') return 'present';
  if (mark?.mark === 'exempt') return 'exempt_not_attending';
  // Exempt and transferred-away members are not expected: any absence of theirs is simply "not attending".
  if (member.status === 'exempt') return 'exempt_not_attending';
  if (member.status === 'transferred_out_temporary') return 'transferred_away';
  return mark ? mark.mark : 'unmarked';
}

/** Exempt and transferred-away members count only when they come (Hướng dẫn 01-HD/TW, 13.2). */
function countedOnlyIfPresent(member: Member, rules: MeetingRules): boolean {
  if (member.status === 'exempt') return rules.exemptCountedOnlyIfPresent;
  if (member.status === 'transferred_out_temporary') return rules.transferredVotesAt === 'home';
  return false;
}

function inAttendanceBase(
  member: Member,
  state: AttendanceState,
  countsAsPresent: boolean,
  rules: MeetingRules,
): boolean {
  if (member.status === 'transferred_in_temporary' && rules.transferredVotesAt !== 'host') return false;
  if (member.status === 'transferred_out_temporary' && rules.transferredVotesAt !== 'home') return false;
  if (member.kind === 'probationary' && !rules.probationaryInAttendanceBase) return false;
  if (state === 'exempt_not_attending' || state === 'transferred_away') return false;
  if (countedOnlyIfPresent(member, rules)) return countsAsPresent;
  return true;
}

function inVoteBase(
  member: Member,
  state: AttendanceState,
  countsAsPresent: boolean,
  rules: MeetingRules,
): boolean {
  if (!hasVotingRight(member, rules)) return false;
  if (state === 'exempt_not_attending' || state === 'transferred_away') return false;
  if (member.status === 'exempt' && !rules.exemptMayVoteIfPresent) return false;
  if (countedOnlyIfPresent(member, rules)) return countsAsPresent;
  if (state === 'absent_with_reason' && rules.absentWithReasonExcludedFromVoteBase) return false;
  return true;
}

/** Voting right by membership, before attendance is considered. */
export function hasVotingRight(member: Member, rules: MeetingRules): boolean {
  if (member.kind === 'probationary' && !rules.probationaryMayVote) return false;
  if (member.status === 'transferred_in_temporary') return rules.transferredVotesAt === 'host';
  if (member.status === 'transferred_out_temporary') return rules.transferredVotesAt === 'home';
  return true;
}
