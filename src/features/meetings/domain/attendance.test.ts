import { describe, expect, it } from 'vitest';
import type { RollCallMark } from './attendance.ts';
import { computeAttendance } from './attendance.ts';
import { meetingRules } from './rules.ts';
import { makeMembers } from './test-factories.ts';

const rules = meetingRules();
const present = (...ids: string[]): RollCallMark[] => ids.map((memberId) => ({ memberId, mark: 'present' }));

describe('computeAttendance', () => {
  // A village branch like Chi bộ thôn Nguyệt Lâm 3: mostly full members, one probationary, two exempt elders.
  const full = makeMembers(9, 'f');
  const probationary = makeMembers(1, 'p', { kind: 'probationary' });
  const exempt = makeMembers(2, 'e', { status: 'exempt' });
  const branch = [...full, ...probationary, ...exempt];

  it('leaves absent exempt members out of the base and counts probationary members for the quorum', () => {
    const a = computeAttendance(
      branch,
      [
        ...present('f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'p1'),
        { memberId: 'f8', mark: 'absent_with_reason', reason: 'Ốm, nằm viện' },
        { memberId: 'f9', mark: 'absent_without_reason' },
      ],
      rules,
    );
    expect(a).toMatchObject({
      total: 12,
      base: 10,
      present: 8,
      absentWithReason: 1,
      absentWithoutReason: 1,
      exemptNotAttending: 2,
      unmarked: 0,
      required: 7, // ⌈10 × 2/3⌉
      quorumMet: true,
    });
    // Vote base: 9 full members minus f8, absent with an accepted reason (Quy định 24-QĐ/TW 9.3.2).
    expect(a.voteBase).toBe(8);
    expect(a.entries.find((e) => e.memberId === 'f8')?.reason).toBe('Ốm, nằm viện');
    expect(a.issues).toEqual([]);
  });

  it('counts an exempt member who attends, in the base and in the vote base', () => {
    const a = computeAttendance(branch, present('f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'e1'), rules);
    expect(a.base).toBe(11);
    expect(a.present).toBe(8);
    expect(a.exemptNotAttending).toBe(1);
    expect(a.voteBase).toBe(10); // 9 full (f8, f9 unmarked still count) + e1
    expect(a.unmarked).toBe(3); // f8, f9, p1
  });

  it('treats a roll-call mark "exempt" as not attending', () => {
    const a = computeAttendance(branch, [{ memberId: 'e1', mark: 'exempt' }], rules);
    expect(a.exemptNotAttending).toBe(2);
    expect(a.base).toBe(10);
  });

  it('an exempt member marked absent stays "not attending", outside the base', () => {
    const a = computeAttendance(
      branch,
      [
        { memberId: 'e1', mark: 'absent_without_reason' },
        { memberId: 'e2', mark: 'absent_with_reason', reason: 'Tuổi cao' },
      ],
      rules,
    );
    expect(a).toMatchObject({ base: 10, exemptNotAttending: 2, absentWithReason: 0, absentWithoutReason: 0 });
  });

  it('misses the quorum one member short of two thirds', () => {
    const six = computeAttendance(branch, present('f1', 'f2', 'f3', 'f4', 'f5', 'f6'), rules);
    expect(six.required).toBe(7);
    expect(six.quorumMet).toBe(false);
    const seven = computeAttendance(branch, present('f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7'), rules);
    expect(seven.quorumMet).toBe(true);
  });

  it('uses the configured quorum fraction', () => {
    const half = meetingRules({ quorum: { numerator: 1, denominator: 2 } });
    const a = computeAttendance(branch, present('f1', 'f2', 'f3', 'f4', 'f5'), half);
    expect(a.required).toBe(5);
    expect(a.quorumMet).toBe(true);
  });

  it('all exempt: nobody to count, no quorum, empty vote base', () => {
    const elders = makeMembers(4, 'e', { status: 'exempt' });
    const a = computeAttendance(elders, [], rules);
    expect(a).toMatchObject({ total: 4, base: 0, present: 0, required: 0, quorumMet: false, voteBase: 0 });
    expect(a.exemptNotAttending).toBe(4);
  });

  it('counts a member in temporary activity elsewhere at home only when they come back', () => {
    const home = [...makeMembers(3, 'f'), ...makeMembers(1, 't', { status: 'transferred_out_temporary' })];
    const away = computeAttendance(home, present('f1', 'f2', 'f3'), rules);
    expect(away).toMatchObject({ total: 4, base: 3, transferredAwayNotAttending: 1, voteBase: 3 });
    const back = computeAttendance(home, present('f1', 'f2', 'f3', 't1'), rules);
    expect(back).toMatchObject({ base: 4, present: 4, transferredAwayNotAttending: 0, voteBase: 4 });
  });

  it('lets a member in temporary activity here take part outside the base', () => {
    const host = [...makeMembers(3, 'f'), ...makeMembers(1, 'g', { status: 'transferred_in_temporary' })];
    const a = computeAttendance(host, present('f1', 'f2', 'g1'), rules);
    expect(a).toMatchObject({ total: 3, base: 3, present: 2, presentOutsideBase: 1, voteBase: 3 });
    expect(a.entries.find((e) => e.memberId === 'g1')).toMatchObject({ inBase: false, inVoteBase: false });
  });

  it('follows a rule where temporarily transferred members vote at the host', () => {
    const hostRules = meetingRules({ transferredVotesAt: 'host' });
    const host = [...makeMembers(3, 'f'), ...makeMembers(1, 'g', { status: 'transferred_in_temporary' })];
    expect(computeAttendance(host, present('g1'), hostRules)).toMatchObject({ base: 4, voteBase: 4 });
    const home = [...makeMembers(3, 'f'), ...makeMembers(1, 't', { status: 'transferred_out_temporary' })];
    expect(computeAttendance(home, present('t1'), hostRules)).toMatchObject({ base: 3, voteBase: 3 });
  });

  it('counts members still unmarked while the roll call runs', () => {
    const a = computeAttendance(full, present('f1'), rules);
    expect(a).toMatchObject({ base: 9, present: 1, unmarked: 8, quorumMet: false });
  });

  it('counts remote presence unless the rules say otherwise', () => {
    const away = makeMembers(3, 'w', { status: 'working_away' });
    const marks: RollCallMark[] = [
      { memberId: 'w1', mark: 'present', remote: true },
      { memberId: 'w2', mark: 'present' },
      { memberId: 'w3', mark: 'present' },
    ];
    expect(computeAttendance(away, marks, rules)).toMatchObject({ present: 3, remoteNotCounted: 0 });
    const inRoomOnly = meetingRules({ remoteCountsAsPresent: false });
    expect(computeAttendance(away, marks, inRoomOnly)).toMatchObject({ present: 2, remoteNotCounted: 1 });
  });

  it('keeps absent-with-reason members in the vote base when the rules say so', () => {
    const keep = meetingRules({ absentWithReasonExcludedFromVoteBase: false });
    const a = computeAttendance(
      full,
      [{ memberId: 'f1', mark: 'absent_with_reason', reason: 'Đi công tác' }],
      keep,
    );
    expect(a.voteBase).toBe(9);
  });

  it('can leave probationary members out of the attendance base', () => {
    const noProb = meetingRules({ probationaryInAttendanceBase: false });
    expect(computeAttendance(branch, [], noProb).base).toBe(9);
  });

  it('reports roll-call inconsistencies and lets the last mark win', () => {
    const a = computeAttendance(
      branch,
      [
        { memberId: 'x9', mark: 'present' },
        { memberId: 'f1', mark: 'absent_without_reason' },
        { memberId: 'f1', mark: 'present' },
        { memberId: 'f2', mark: 'exempt' },
        { memberId: 'f3', mark: 'absent_with_reason', reason: '  ' },
      ],
      rules,
    );
    expect(a.issues).toEqual([
      { memberId: 'x9', code: 'ROLL_CALL_UNKNOWN_MEMBER' },
      { memberId: 'f1', code: 'ROLL_CALL_DUPLICATE_MARK' },
      { memberId: 'f2', code: 'ROLL_CALL_EXEMPT_MARK_FOR_NON_EXEMPT' },
      { memberId: 'f3', code: 'ROLL_CALL_REASON_MISSING' },
    ]);
    expect(a.entries.find((e) => e.memberId === 'f1')?.state).toBe('present');
  });

  it('keeps base = present + absent + unmarked', () => {
    const a = computeAttendance(
      branch,
      [...present('f1', 'e2'), { memberId: 'f2', mark: 'absent_with_reason', reason: 'Ốm' }],
      rules,
    );
    expect(a.present + a.absentWithReason + a.absentWithoutReason + a.unmarked + a.remoteNotCounted).toBe(
      a.base,
    );
  });
});
