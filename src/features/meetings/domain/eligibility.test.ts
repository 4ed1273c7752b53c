import { describe, expect, it } from 'vitest';
import { computeAttendance } from './attendance.ts';
import { voteEligibility } from './eligibility.ts';
import type { Member } from './rules.ts';
import { meetingRules } from './rules.ts';

const rules = meetingRules();
const members: Member[] = [
  { id: 'full', kind: 'full', status: 'active' },
  { id: 'absent', kind: 'full', status: 'active' },
  { id: 'prob', kind: 'probationary', status: 'active' },
  { id: 'elder', kind: 'full', status: 'exempt' },
  { id: 'elderAway', kind: 'full', status: 'exempt' },
  { id: 'guest', kind: 'full', status: 'transferred_in_temporary' },
  { id: 'home', kind: 'full', status: 'transferred_out_temporary' },
  { id: 'remote', kind: 'full', status: 'working_away' },
];
const attendance = computeAttendance(
  members,
  [
    { memberId: 'full', mark: 'present' },
    { memberId: 'absent', mark: 'absent_with_reason', reason: 'Đi làm ca đêm' },
    { memberId: 'prob', mark: 'present' },
    { memberId: 'elder', mark: 'present' },
    { memberId: 'guest', mark: 'present' },
    { memberId: 'home', mark: 'present' },
    { memberId: 'remote', mark: 'present', remote: true },
  ],
  rules,
);
const member = (id: string): Member => {
  const m = members.find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
};

describe('voteEligibility', () => {
  it('a present full member votes', () => {
    expect(voteEligibility(member('full'), attendance, rules)).toEqual({ eligible: true });
  });

  it('a probationary member takes part but does not vote', () => {
    expect(voteEligibility(member('prob'), attendance, rules)).toEqual({
      eligible: false,
      reason: 'VOTE_NOT_ELIGIBLE_PROBATIONARY',
    });
  });

  it('an exempt member who attends votes; one who does not attend cannot', () => {
    expect(voteEligibility(member('elder'), attendance, rules)).toEqual({ eligible: true });
    expect(voteEligibility(member('elderAway'), attendance, rules)).toEqual({
      eligible: false,
      reason: 'VOTE_NOT_PRESENT',
    });
  });

  it('a temporarily transferred member votes at home, not at the host', () => {
    expect(voteEligibility(member('home'), attendance, rules)).toEqual({ eligible: true });
    expect(voteEligibility(member('guest'), attendance, rules)).toEqual({
      eligible: false,
      reason: 'VOTE_NOT_ELIGIBLE_TRANSFERRED',
    });
  });

  it('an absent member cannot vote', () => {
    expect(voteEligibility(member('absent'), attendance, rules)).toEqual({
      eligible: false,
      reason: 'VOTE_NOT_PRESENT',
    });
  });

  it('a member working away votes online when remote presence counts', () => {
    expect(voteEligibility(member('remote'), attendance, rules)).toEqual({ eligible: true });
    const inRoomOnly = meetingRules({ remoteCountsAsPresent: false });
    const a = computeAttendance(members, [{ memberId: 'remote', mark: 'present', remote: true }], inRoomOnly);
    expect(voteEligibility(member('remote'), a, inRoomOnly)).toEqual({
      eligible: false,
      reason: 'VOTE_NOT_PRESENT',
    });
  });

  it('someone outside the branch roll cannot vote', () => {
    const stranger: Member = { id: 'stranger', kind: 'full', status: 'active' };
    expect(voteEligibility(stranger, attendance, rules)).toEqual({
      eligible: false,
      reason: 'VOTE_NOT_A_MEMBER',
    });
  });

  it('follows organisation rules that differ from the defaults', () => {
    const union = meetingRules({ probationaryMayVote: true, exemptMayVoteIfPresent: false });
    const a = computeAttendance(
      members,
      [
        { memberId: 'prob', mark: 'present' },
        { memberId: 'elder', mark: 'present' },
      ],
      union,
    );
    expect(voteEligibility(member('prob'), a, union)).toEqual({ eligible: true });
    expect(voteEligibility(member('elder'), a, union)).toEqual({
      eligible: false,
      reason: 'VOTE_NOT_ELIGIBLE_EXEMPT',
    });
  });

  it('the eligible present members are exactly the vote base when everyone in it is present', () => {
    const eligible = members.filter((m) => voteEligibility(m, attendance, rules).eligible).length;
    // full, elder, home, remote — "absent" left the vote base with an accepted reason.
    expect(eligible).toBe(4);
    expect(attendance.voteBase).toBe(4);
  });
});
