import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../platform/permissions/check.ts';
import type { Role } from '../../../platform/permissions/roles.ts';
import {
  PetitionRuleError,
  canHandlePetition,
  canReadPetition,
  checkAddress,
  checkForward,
  dueOn,
  isOverdue,
  responseDays,
  transition,
  type PetitionFacts,
} from './petitions.ts';

// Province P, district D, commune C, branches B1 and B2 of C; D2 a sibling district.
const P = '/p/';
const D = '/p/d/';
const C = '/p/d/c/';
const B1 = '/p/d/c/b1/';
const B2 = '/p/d/c/b2/';
const D2 = '/p/d2/';

function who(accountId: string, grants: Array<[Role, string]>, implicitBranch?: string): Principal {
  return {
    accountId,
    memberId: implicitBranch ? `m-${accountId}` : null,
    grants: [
      ...grants.map(([role, orgPath]) => ({ role, orgId: orgPath, orgPath, implicit: false })),
      ...(implicitBranch
        ? [{ role: 'member' as const, orgId: implicitBranch, orgPath: implicitBranch, implicit: true }]
        : []),
    ],
  };
}

const petition = (over: Partial<PetitionFacts> = {}): PetitionFacts => ({
  senderPath: B1,
  senderAccountId: 'sender',
  addressedPath: C,
  addressedHistory: [C],
  confidential: false,
  status: 'sent',
  replied: false,
  rated: false,
  ...over,
});

function code(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof PetitionRuleError ? e.code : 'other';
  }
}

describe('addressing', () => {
  it('allows the own branch and committees above it', () => {
    for (const to of [B1, C, D, P]) expect(code(() => checkAddress(B1, to))).toBeNull();
  });
  it('refuses sideways and below', () => {
    for (const to of [B2, D2, '/p/d/c/b1/x/'])
      expect(code(() => checkAddress(B1, to))).toBe('PETITION_ADDRESS_OFF_PATH');
  });
  it('forwards only along the sender’s path and never to the same committee', () => {
    const p = petition({ addressedPath: C });
    expect(code(() => checkForward(p, D))).toBeNull();
    expect(code(() => checkForward(p, B1))).toBeNull();
    expect(code(() => checkForward(p, B2))).toBe('PETITION_FORWARD_OFF_PATH');
    expect(code(() => checkForward(p, C))).toBe('PETITION_FORWARD_SAME');
  });
});

describe('who reads a petition', () => {
  const sender = who('sender', [], B1);
  const neighbour = who('n', [], B1);
  const branchSecretary = who('bs', [['secretary', B1]], B1);
  const communeCommittee = who('cc', [['committee_member', C]]);
  const districtCommittee = who('dc', [['committee_member', D]]);
  const otherCommune = who('oc', [['committee_member', '/p/d/c9/']]);
  const admin = who('admin', [['admin', P]]);

  it('an ordinary petition: sender, the addressed committee and those above it', () => {
    const p = petition();
    expect(canReadPetition(sender, p)).toBe(true);
    expect(canReadPetition(communeCommittee, p)).toBe(true);
    expect(canReadPetition(districtCommittee, p)).toBe(true);
    expect(canReadPetition(neighbour, p)).toBe(false);
    expect(canReadPetition(branchSecretary, p)).toBe(false);
    expect(canReadPetition(otherCommune, p)).toBe(false);
  });

  it('a confidential petition: only the addressed committee itself and the sender', () => {
    const p = petition({ confidential: true });
    expect(canReadPetition(sender, p)).toBe(true);
    expect(canReadPetition(communeCommittee, p)).toBe(true);
    expect(canReadPetition(districtCommittee, p)).toBe(false);
    expect(canReadPetition(branchSecretary, p)).toBe(false);
    expect(canReadPetition(admin, p)).toBe(false);
  });

  it('a confidential petition addressed higher up is not seen by a lower committee on the same path', () => {
    const p = petition({ confidential: true, addressedPath: D, addressedHistory: [D] });
    expect(canReadPetition(communeCommittee, p)).toBe(false);
    expect(canReadPetition(branchSecretary, p)).toBe(false);
    expect(canReadPetition(districtCommittee, p)).toBe(true);
  });

  it('forwarding keeps it readable by the committees it passed, and moves who handles it', () => {
    const p = petition({ addressedPath: D, addressedHistory: [C, D], confidential: true });
    expect(canReadPetition(communeCommittee, p)).toBe(true);
    expect(canHandlePetition(communeCommittee, p)).toBe(false);
    expect(canHandlePetition(districtCommittee, p)).toBe(true);
  });

  it('the implicit member role never handles petitions', () => {
    expect(canHandlePetition(who('x', [], C), petition())).toBe(false);
  });
});

describe('transitions', () => {
  it('follows sent → acknowledged → in progress → answered → closed', () => {
    let p = petition();
    for (const [action, next] of [
      ['acknowledge', 'acknowledged'],
      ['assign', 'in_progress'],
      ['answer', 'answered'],
      ['close', 'closed'],
    ] as const) {
      const status = transition(p, action);
      expect(status).toBe(next);
      p = { ...p, status };
    }
  });

  it('refuses moves out of order and a second reply or rating', () => {
    expect(code(() => transition(petition(), 'close'))).toBe('PETITION_BAD_TRANSITION');
    expect(code(() => transition(petition({ status: 'closed' }), 'answer'))).toBe('PETITION_BAD_TRANSITION');
    expect(code(() => transition(petition({ status: 'answered', replied: true }), 'reply'))).toBe(
      'PETITION_REPLY_USED',
    );
    expect(code(() => transition(petition({ status: 'answered' }), 'rate', 6))).toBe('PETITION_RATING_RANGE');
    expect(code(() => transition(petition({ status: 'answered' }), 'rate', 2.5))).toBe(
      'PETITION_RATING_RANGE',
    );
    expect(transition(petition({ status: 'answered' }), 'rate', 5)).toBe('answered');
    expect(code(() => transition(petition({ status: 'closed', rated: true }), 'rate', 4))).toBe(
      'PETITION_REPLY_USED',
    );
  });

  it('a forwarded petition is new to the committee that receives it', () => {
    expect(transition(petition({ status: 'in_progress' }), 'forward')).toBe('sent');
  });
});

describe('response time', () => {
  it('is due after the committee’s target and overdue only while unanswered', () => {
    const due = dueOn('2026-11-01T08:00:00.000Z', 10);
    expect(due).toBe('2026-11-11T08:00:00.000Z');
    expect(isOverdue('acknowledged', due, '2026-11-12T00:00:00.000Z')).toBe(true);
    expect(isOverdue('answered', due, '2026-11-12T00:00:00.000Z')).toBe(false);
    expect(isOverdue('sent', due, '2026-11-10T00:00:00.000Z')).toBe(false);
    expect(responseDays('2026-11-01T08:00:00.000Z', '2026-11-03T09:00:00.000Z')).toBe(3);
  });
});
