import type { Attendance } from './attendance.ts';
import type { Member, MeetingRules } from './rules.ts';

export type VoteIneligibleCode =
  | 'VOTE_NOT_A_MEMBER'
  | 'VOTE_NOT_ELIGIBLE_PROBATIONARY'
  | 'VOTE_NOT_ELIGIBLE_TRANSFERRED'
  | 'VOTE_NOT_ELIGIBLE_EXEMPT'
  | 'VOTE_NOT_PRESENT';

export type VoteEligibility = { eligible: true } | { eligible: false; reason: VoteIneligibleCode };

/**
 * May this member vote at this meeting? The right comes from membership (kind, status) and presence:
 * a member votes only while present (in the room or, where the rules allow, online).
 */
export function voteEligibility(
  member: Member,
  attendance: Attendance,
  rules: MeetingRules,
): VoteEligibility {
  const entry = attendance.entries.find((e) => e.memberId === member.id);
  if (!entry) return { eligible: false, reason: 'VOTE_NOT_A_MEMBER' };
  if (member.kind === 'probationary' && !rules.probationaryMayVote) {
    return { eligible: false, reason: 'VOTE_NOT_ELIGIBLE_PROBATIONARY' };
  }
  // Quy định 232-QĐ/TW 6.3.2: in temporary activity a member votes only where their membership is kept.
  if (member.status === 'transferred_in_temporary' && rules.transferredVotesAt !== 'host') {
    return { eligible: false, reason: 'VOTE_NOT_ELIGIBLE_TRANSFERRED' };
  }
  if (member.status === 'transferred_out_temporary' && rules.transferredVotesAt !== 'home') {
    return { eligible: false, reason: 'VOTE_NOT_ELIGIBLE_TRANSFERRED' };
  }
  if (member.status === 'exempt' && !rules.exemptMayVoteIfPresent) {
    return { eligible: false, reason: 'VOTE_NOT_ELIGIBLE_EXEMPT' };
  }
  if (!entry.countsAsPresent || !entry.inVoteBase) return { eligible: false, reason: 'VOTE_NOT_PRESENT' };
  return { eligible: true };
}
