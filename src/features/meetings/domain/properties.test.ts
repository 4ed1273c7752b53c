import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RollCallMark } from './attendance.ts';
import { computeAttendance } from './attendance.ts';
import { voteEligibility } from './eligibility.ts';
import type { Member } from './rules.ts';
import { meetingRules } from './rules.ts';
import type { MeetingAction } from './steps.ts';
import { advanceStep, createMeetingState } from './steps.ts';
import { REGULAR_MEETING_TEMPLATE } from './templates.ts';
import { tallyVote } from './vote.ts';

const rules = meetingRules();

const memberArb = fc.record({
  kind: fc.constantFrom('full' as const, 'probationary' as const),
  status: fc.constantFrom(
    'active' as const,
    'working_away' as const,
    'exempt' as const,
    'transferred_out_temporary' as const,
    'transferred_in_temporary' as const,
  ),
});
const markArb = fc.option(
  fc.oneof(
    fc.record({ mark: fc.constant('present' as const), remote: fc.boolean() }),
    fc.record({ mark: fc.constant('absent_with_reason' as const), reason: fc.constant('Ốm') }),
    fc.record({ mark: fc.constant('absent_without_reason' as const) }),
    fc.record({ mark: fc.constant('exempt' as const) }),
  ),
  { nil: undefined },
);
const branchArb = fc.array(fc.tuple(memberArb, markArb), { maxLength: 40, size: 'max' }).map((rows) => {
  const members: Member[] = rows.map(([m], i) => ({ id: `m${i}`, ...m }));
  const rollCall = rows.flatMap(([, mark], i): RollCallMark[] =>
    mark ? [{ memberId: `m${i}`, ...mark } as RollCallMark] : [],
  );
  return { members, rollCall };
});

describe('attendance invariants', () => {
  it('every member in the base is present, absent or unmarked; nobody is counted twice', () => {
    fc.assert(
      fc.property(branchArb, fc.boolean(), ({ members, rollCall }, remoteCounts) => {
        const r = meetingRules({ remoteCountsAsPresent: remoteCounts });
        const a = computeAttendance(members, rollCall, r);
        expect(a.present + a.absentWithReason + a.absentWithoutReason + a.unmarked + a.remoteNotCounted).toBe(
          a.base,
        );
        expect(a.base + a.exemptNotAttending + a.transferredAwayNotAttending).toBeLessThanOrEqual(
          members.length,
        );
        expect(a.quorumMet).toBe(a.base > 0 && a.present * 3 >= a.base * 2);
      }),
    );
  });

  it('under the party rules the vote base lies within the base and holds no probationary member', () => {
    fc.assert(
      fc.property(branchArb, ({ members, rollCall }) => {
        const a = computeAttendance(members, rollCall, rules);
        for (const e of a.entries) {
          if (e.inVoteBase) expect(e.inBase).toBe(true);
          const m = members.find((x) => x.id === e.memberId);
          if (m?.kind === 'probationary' || m?.status === 'transferred_in_temporary')
            expect(e.inVoteBase).toBe(false);
        }
      }),
    );
  });

  it('members who may vote are members of the vote base', () => {
    fc.assert(
      fc.property(branchArb, ({ members, rollCall }) => {
        const a = computeAttendance(members, rollCall, rules);
        const eligible = members.filter((m) => voteEligibility(m, a, rules).eligible);
        expect(eligible.length).toBeLessThanOrEqual(a.voteBase);
        for (const m of eligible) expect(a.entries.find((e) => e.memberId === m.id)?.inVoteBase).toBe(true);
      }),
    );
  });
});

describe('vote invariants', () => {
  it('passes exactly when "for" is more than half of a non-empty base', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(60), fc.nat(60), fc.nat(150), (f, a, n, base) => {
        const r = tallyVote({ votes: { for: f, against: a, abstain: n }, eligibleBase: base, rules });
        expect(r.passed).toBe(base > 0 && f + a + n <= base && 2 * f > base);
      }),
    );
  });
});

describe('step machine invariants', () => {
  const steps = createMeetingState(REGULAR_MEETING_TEMPLATE.steps).steps.map((s) => s.id);
  const actionArb: fc.Arbitrary<MeetingAction> = fc.oneof(
    fc.constantFrom<MeetingAction>(
      { type: 'publish', at: 't' },
      { type: 'start', at: 't' },
      { type: 'end', at: 't' },
      { type: 'approve_minutes', at: 't' },
    ),
    fc.record({
      type: fc.constantFrom('open_step' as const, 'close_step' as const, 'skip_step' as const),
      // Biased toward the first steps so that runs reach opening and closing them often.
      stepId: fc.oneof(fc.constantFrom(...steps.slice(0, 3)), fc.constantFrom(...steps)),
      at: fc.constant('t'),
    }),
  );

  it('never has two open steps, never leaves a gap, and counts every accepted change in the version', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { minLength: 20, maxLength: 150, size: 'max' }), (actions) => {
        let state = createMeetingState(REGULAR_MEETING_TEMPLATE.steps);
        let accepted = 0;
        for (const action of actions) {
          const r = advanceStep(state, action);
          if (!r.ok) continue;
          state = r.state;
          accepted += 1;
          const states = state.steps.map((s) => s.state);
          expect(states.filter((s) => s === 'open').length).toBeLessThanOrEqual(1);
          // Done steps, then at most one open step, then pending ones: the order is never broken.
          const rank = states.map((s) => (s === 'pending' ? 2 : s === 'open' ? 1 : 0));
          expect(rank).toEqual([...rank].sort((x, y) => x - y));
          for (const s of state.steps) if (s.state === 'skipped') expect(s.optional).toBe(true);
        }
        expect(state.version).toBe(1 + accepted);
      }),
    );
  });
});
