import { describe, expect, it } from 'vitest';
import type { Ballot } from './vote.ts';
import { castVote, tallyVote } from './vote.ts';
import { meetingRules } from './rules.ts';

const rules = meetingRules();
const ballots = (forN: number, againstN: number, abstainN: number): Ballot[] => [
  ...Array.from({ length: forN }, (_, i): Ballot => ({ memberId: `f${i}`, choice: 'for' })),
  ...Array.from({ length: againstN }, (_, i): Ballot => ({ memberId: `a${i}`, choice: 'against' })),
  ...Array.from({ length: abstainN }, (_, i): Ballot => ({ memberId: `n${i}`, choice: 'abstain' })),
];

describe('tallyVote', () => {
  it('passes with more than half of the vote base', () => {
    expect(tallyVote({ votes: ballots(6, 3, 1), eligibleBase: 10, rules })).toEqual({
      for: 6,
      against: 3,
      abstain: 1,
      base: 10,
      threshold: 6,
      passed: true,
    });
  });

  it('exactly half does not pass', () => {
    const r = tallyVote({ votes: ballots(5, 0, 0), eligibleBase: 10, rules });
    expect(r.threshold).toBe(6);
    expect(r.passed).toBe(false);
  });

  it('a tie does not pass', () => {
    expect(tallyVote({ votes: ballots(4, 4, 0), eligibleBase: 8, rules }).passed).toBe(false);
  });

  it('measures against the base, not against those who voted', () => {
    // 5 of 6 voters approve, but 5 is not more than half of a base of 10.
    const r = tallyVote({ votes: ballots(5, 1, 0), eligibleBase: 10, rules });
    expect(r.passed).toBe(false);
  });

  it('abstentions count against passing', () => {
    expect(tallyVote({ votes: ballots(3, 0, 4), eligibleBase: 7, rules }).passed).toBe(false);
    expect(tallyVote({ votes: ballots(4, 0, 3), eligibleBase: 7, rules }).passed).toBe(true);
  });

  it('an odd base needs a bare majority', () => {
    expect(tallyVote({ votes: ballots(5, 4, 0), eligibleBase: 9, rules })).toMatchObject({
      threshold: 5,
      passed: true,
    });
  });

  it('zero base (all exempt): nothing passes', () => {
    expect(tallyVote({ votes: ballots(0, 0, 0), eligibleBase: 0, rules })).toMatchObject({
      passed: false,
      threshold: 1,
      problem: 'NO_VOTE_BASE',
    });
  });

  it('more votes than the base is flagged and never passes', () => {
    expect(tallyVote({ votes: ballots(4, 0, 0), eligibleBase: 3, rules })).toMatchObject({
      passed: false,
      problem: 'VOTES_EXCEED_BASE',
    });
  });

  it('accepts counts from a show of hands', () => {
    const r = tallyVote({ votes: { for: 12, against: 1, abstain: 0 }, eligibleBase: 15, rules });
    expect(r).toMatchObject({ for: 12, threshold: 8, passed: true });
  });

  it('uses the configured share (two thirds for a stricter organisation)', () => {
    const strict = meetingRules({ passShare: { numerator: 2, denominator: 3 } });
    expect(tallyVote({ votes: ballots(6, 3, 0), eligibleBase: 9, rules: strict })).toMatchObject({
      threshold: 7,
      passed: false,
    });
  });

  it('refuses a ballot list where a member voted twice, and bad numbers', () => {
    const twice: Ballot[] = [
      { memberId: 'x', choice: 'for' },
      { memberId: 'x', choice: 'against' },
    ];
    expect(() => tallyVote({ votes: twice, eligibleBase: 5, rules })).toThrow(RangeError);
    expect(() => tallyVote({ votes: ballots(1, 0, 0), eligibleBase: -1, rules })).toThrow(RangeError);
    expect(() => tallyVote({ votes: { for: 1.5, against: 0, abstain: 0 }, eligibleBase: 3, rules })).toThrow(
      RangeError,
    );
  });
});

describe('castVote', () => {
  const eligible = { eligible: true } as const;

  it('records a vote', () => {
    const r = castVote({ closed: false, ballots: [] }, { memberId: 'a', choice: 'for' }, eligible);
    expect(r).toEqual({ ok: true, ballots: [{ memberId: 'a', choice: 'for' }] });
  });

  it('refuses voting twice', () => {
    const motion = { closed: false, ballots: [{ memberId: 'a', choice: 'for' } as const] };
    expect(castVote(motion, { memberId: 'a', choice: 'against' }, eligible)).toEqual({
      ok: false,
      code: 'VOTE_DUPLICATE',
    });
  });

  it('refuses an ineligible member with the eligibility code', () => {
    const r = castVote(
      { closed: false, ballots: [] },
      { memberId: 'p', choice: 'for' },
      { eligible: false, reason: 'VOTE_NOT_ELIGIBLE_PROBATIONARY' },
    );
    expect(r).toEqual({ ok: false, code: 'VOTE_NOT_ELIGIBLE_PROBATIONARY' });
  });

  it('refuses once the vote is closed: results are final', () => {
    expect(castVote({ closed: true, ballots: [] }, { memberId: 'a', choice: 'for' }, eligible)).toEqual({
      ok: false,
      code: 'VOTE_CLOSED',
    });
  });
});
