/**
 * Meeting rules as data. Each organisation type (party branch, trade union, youth union…) can carry its own
 * `MeetingRules`; the defaults below follow the rules of the Communist Party of Vietnam for a branch (chi bộ).
 *
 * Sources:
 * - Quy định 24-QĐ/TW (30/7/2021) thi hành Điều lệ Đảng, point 9.3 (Charter Điều 10, khoản 5: a resolution is
 *   valid only when MORE than half of the members approve), replaced by Quy định 232-QĐ/TW (20/01/2025), which
 *   carries the rule and its base over (re-read its point 9.3 when updating these defaults). Point 9.3.2 defines
 *   the base for a meeting of party members ("đại hội đảng viên, hội nghị đảng viên"): the FULL members
 *   (đảng viên chính thức) summoned, excluding members temporarily transferred to another organisation, exempt
 *   members (miễn công tác và sinh hoạt đảng) who are absent — an exempt member who attends and votes is
 *   counted —, suspended or detained members, and full members absent with a reason accepted by the committee
 *   that convened the meeting. So the base is the members WITH VOTING RIGHTS counted in it, never the number
 *   present. Suspended or detained members are not in the member shape below: the caller leaves them out.
 * - Quy định 232-QĐ/TW, point 6.3.2: a member in temporary party activity (sinh hoạt đảng tạm thời) keeps every
 *   right at the home branch; at the host branch they take part but may not vote, stand or elect, and are not
 *   counted in the host's membership.
 * - Hướng dẫn 01-HD/TW (20/9/2016), point 13.2: exempt and temporarily transferred members are invited to their
 *   home branch's meeting; if they attend they are counted, otherwise they are not.
 * - Quorum: no national minimum attendance for a monthly branch meeting was found in the Charter, Quy định
 *   24/232 or Hướng dẫn 12-HD/BTCTW (6/7/2018) / 42-HD/BTCTW (28/10/2025), so the quorum is a configurable choice;
 *   the default of two thirds borrows the attendance figure party rules set for congresses and confidence votes.
 */

export type MemberKind = 'full' | 'probationary';

/**
 * A temporarily transferred member appears in two branches: at home with `transferred_out_temporary` (full
 * rights, counted only if they attend), at the host with `transferred_in_temporary` (takes part, never votes,
 * never counted in the host's base).
 */
export type MemberStatus =
  'active' | 'working_away' | 'exempt' | 'transferred_out_temporary' | 'transferred_in_temporary';

export interface Member {
  id: string;
  kind: MemberKind;
  status: MemberStatus;
}

/** A ratio kept as integers so thresholds are exact (no 0.6666… rounding). */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface MeetingRules {
  /** Probationary members take part and speak; whether they vote. Party default: false. */
  probationaryMayVote: boolean;
  /** Whether probationary members count toward the attendance (quorum) base. Default: true — they must attend. */
  probationaryInAttendanceBase: boolean;
  /** Exempt members are left out of every base unless they attend. Default: true. */
  exemptCountedOnlyIfPresent: boolean;
  /** An exempt member who attends may vote (if otherwise eligible). Default: true. */
  exemptMayVoteIfPresent: boolean;
  /** Where a temporarily transferred member votes. Default: 'home'. */
  transferredVotesAt: 'home' | 'host';
  /**
   * Full members absent with a reason accepted by the branch committee are left out of the vote base
   * (Quy định 24-QĐ/TW, 9.3.2). Marking a member "absent with reason" in the roll call is that acceptance.
   */
  absentWithReasonExcludedFromVoteBase: boolean;
  /** Members present remotely (online meeting, working away) count as present. Default: true. */
  remoteCountsAsPresent: boolean;
  /** Share of the attendance base that must be present. Default 2/3, configurable (see header). */
  quorum: Fraction;
  /** The "for" votes must be strictly more than this share of the vote base. Default 1/2. */
  passShare: Fraction;
}

export const DEFAULT_MEETING_RULES: Readonly<MeetingRules> = Object.freeze({
  probationaryMayVote: false,
  probationaryInAttendanceBase: true,
  exemptCountedOnlyIfPresent: true,
  exemptMayVoteIfPresent: true,
  transferredVotesAt: 'home',
  absentWithReasonExcludedFromVoteBase: true,
  remoteCountsAsPresent: true,
  quorum: Object.freeze({ numerator: 2, denominator: 3 }),
  passShare: Object.freeze({ numerator: 1, denominator: 2 }),
});

/** Rules for an organisation type: the defaults with its own overrides. */
export function meetingRules(overrides: Partial<MeetingRules> = {}): MeetingRules {
  const rules: MeetingRules = { ...DEFAULT_MEETING_RULES, ...overrides };
  assertFraction(rules.quorum, 'quorum');
  assertFraction(rules.passShare, 'passShare');
  return rules;
}

function assertFraction(f: Fraction, name: string): void {
  const ok =
    Number.isInteger(f.numerator) &&
    Number.isInteger(f.denominator) &&
    f.denominator > 0 &&
    f.numerator >= 0 &&
    f.numerator <= f.denominator;
  if (!ok)
    throw new RangeError(`${name} must be a fraction between 0 and 1, got ${f.numerator}/${f.denominator}`);
}

/** Smallest whole number ≥ share × base (a quorum "at least"). */
export function atLeast(share: Fraction, base: number): number {
  return Math.ceil((base * share.numerator) / share.denominator);
}

/** Smallest whole number > share × base (a majority "more than"). */
export function moreThan(share: Fraction, base: number): number {
  return Math.floor((base * share.numerator) / share.denominator) + 1;
}
