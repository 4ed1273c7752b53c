import { describe, expect, it } from 'vitest';
import { DEFAULT_MEETING_RULES, atLeast, meetingRules, moreThan } from './rules.ts';

describe('meeting rules', () => {
  it('defaults follow the party rules', () => {
    expect(DEFAULT_MEETING_RULES.probationaryMayVote).toBe(false);
    expect(DEFAULT_MEETING_RULES.exemptCountedOnlyIfPresent).toBe(true);
    expect(DEFAULT_MEETING_RULES.exemptMayVoteIfPresent).toBe(true);
    expect(DEFAULT_MEETING_RULES.transferredVotesAt).toBe('home');
    expect(DEFAULT_MEETING_RULES.passShare).toEqual({ numerator: 1, denominator: 2 });
    expect(DEFAULT_MEETING_RULES.quorum).toEqual({ numerator: 2, denominator: 3 });
  });

  it('overrides per organisation type and keeps the rest', () => {
    const rules = meetingRules({ quorum: { numerator: 1, denominator: 2 }, probationaryMayVote: true });
    expect(rules.quorum).toEqual({ numerator: 1, denominator: 2 });
    expect(rules.probationaryMayVote).toBe(true);
    expect(rules.transferredVotesAt).toBe('home');
  });

  it('refuses a fraction that is not a share', () => {
    expect(() => meetingRules({ quorum: { numerator: 3, denominator: 2 } })).toThrow(RangeError);
    expect(() => meetingRules({ passShare: { numerator: 1, denominator: 0 } })).toThrow(RangeError);
    expect(() => meetingRules({ quorum: { numerator: 0.5, denominator: 1 } })).toThrow(RangeError);
  });

  it('"at least" rounds up and is exact on multiples', () => {
    const twoThirds = { numerator: 2, denominator: 3 };
    expect(atLeast(twoThirds, 9)).toBe(6);
    expect(atLeast(twoThirds, 10)).toBe(7);
    expect(atLeast(twoThirds, 0)).toBe(0);
  });

  it('"more than" half is strictly above half', () => {
    const half = { numerator: 1, denominator: 2 };
    expect(moreThan(half, 10)).toBe(6);
    expect(moreThan(half, 9)).toBe(5);
    expect(moreThan(half, 1)).toBe(1);
    expect(moreThan(half, 0)).toBe(1);
  });
});
