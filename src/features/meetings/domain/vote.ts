import type { VoteEligibility, VoteIneligibleCode } from './eligibility.ts';
import type { MeetingRules } from './rules.ts';
import { moreThan } from './rules.ts';

export type VoteChoice = 'for' | 'against' | 'abstain';

/** How a vote was taken: a show of hands recorded by the secretary, or each member in the app. */
export type VoteMethod = 'show_of_hands' | 'app';

export interface Ballot {
  memberId: string;
  choice: VoteChoice;
}

export interface VoteCounts {
  for: number;
  against: number;
  abstain: number;
}

export interface VoteOutcome extends VoteCounts {
  /** Members with voting rights counted (attendance.voteBase), not the number present. */
  base: number;
  /** Smallest number of "for" votes that passes: strictly more than passShare × base. */
  threshold: number;
  passed: boolean;
  /** Set when the counts cannot be right; such a vote never passes. */
  problem?: 'VOTES_EXCEED_BASE' | 'NO_VOTE_BASE';
}

/**
 * Outcome of a motion. Điều lệ Đảng, Điều 10 khoản 5, as applied by Quy định 24-QĐ/TW 9.3 (now Quy định
 * 232-QĐ/TW): a resolution is valid only when MORE than half of the members counted approve — exactly half
 * fails, a tie fails, abstentions weigh like votes against, and an empty base passes nothing.
 */
export function tallyVote(input: {
  votes: readonly Ballot[] | VoteCounts;
  eligibleBase: number;
  rules: MeetingRules;
}): VoteOutcome {
  const { eligibleBase: base, rules } = input;
  if (!Number.isInteger(base) || base < 0) throw new RangeError(`eligibleBase must be a whole number ≥ 0`);
  const counts: VoteCounts = isBallotList(input.votes) ? countBallots(input.votes) : input.votes;
  for (const n of [counts.for, counts.against, counts.abstain]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('vote counts must be whole numbers ≥ 0');
  }
  const threshold = moreThan(rules.passShare, base);
  const outcome: VoteOutcome = {
    for: counts.for,
    against: counts.against,
    abstain: counts.abstain,
    base,
    threshold,
    passed: false,
  };
  if (base === 0) return { ...outcome, problem: 'NO_VOTE_BASE' };
  if (counts.for + counts.against + counts.abstain > base)
    return { ...outcome, problem: 'VOTES_EXCEED_BASE' };
  return { ...outcome, passed: counts.for >= threshold };
}

function isBallotList(votes: readonly Ballot[] | VoteCounts): votes is readonly Ballot[] {
  return Array.isArray(votes);
}

function countBallots(ballots: readonly Ballot[]): VoteCounts {
  const seen = new Set<string>();
  const counts: VoteCounts = { for: 0, against: 0, abstain: 0 };
  for (const b of ballots) {
    // Duplicates are refused by castVote; counting one twice here would silently change a result.
    if (seen.has(b.memberId)) throw new RangeError(`member ${b.memberId} voted twice`);
    seen.add(b.memberId);
    counts[b.choice] += 1;
  }
  return counts;
}

export type CastVoteCode = 'VOTE_CLOSED' | 'VOTE_DUPLICATE' | VoteIneligibleCode;

export type CastVoteResult = { ok: true; ballots: Ballot[] } | { ok: false; code: CastVoteCode };

/** Record one member's vote: refused when the vote is closed, the member already voted, or may not vote. */
export function castVote(
  motion: { closed: boolean; ballots: readonly Ballot[] },
  ballot: Ballot,
  eligibility: VoteEligibility,
): CastVoteResult {
  if (motion.closed) return { ok: false, code: 'VOTE_CLOSED' };
  if (!eligibility.eligible) return { ok: false, code: eligibility.reason };
  if (motion.ballots.some((b) => b.memberId === ballot.memberId))
    return { ok: false, code: 'VOTE_DUPLICATE' };
  return { ok: true, ballots: [...motion.ballots, ballot] };
}
