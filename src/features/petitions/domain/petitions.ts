/**
 * Rules of opinions and petitions (ý kiến, kiến nghị), without storage: where a member may address one, who may
 * read it, how it moves between committees, and when it is overdue.
 */
import type { Principal } from '../../../platform/permissions/check.ts';
import { ROLE_PERMISSIONS } from '../../../platform/permissions/roles.ts';

export type PetitionStatus = 'sent' | 'acknowledged' | 'in_progress' | 'answered' | 'closed' | 'withdrawn';

export type PetitionAction =
  'acknowledge' | 'assign' | 'forward' | 'answer' | 'reply' | 'rate' | 'close' | 'withdraw';

export type PetitionRuleCode =
  | 'PETITION_ADDRESS_OFF_PATH'
  | 'PETITION_FORWARD_OFF_PATH'
  | 'PETITION_FORWARD_SAME'
  | 'PETITION_BAD_TRANSITION'
  | 'PETITION_REPLY_USED'
  | 'PETITION_RATING_RANGE';

export class PetitionRuleError extends Error {
  constructor(readonly code: PetitionRuleCode) {
    super(code);
  }
}

export interface PetitionFacts {
  /** Branch path of the sender at the time of sending (the path forwarding must stay on). */
  senderPath: string;
  senderAccountId: string;
  /** The committee currently addressed. */
  addressedPath: string;
  /** Every committee addressed so far, the current one included (forwarding keeps the history readable). */
  addressedHistory: string[];
  confidential: boolean;
  status: PetitionStatus;
  replied: boolean;
  rated: boolean;
}

/** A member writes to their own branch committee or to a committee above it on their path, never sideways. */
export function checkAddress(senderPath: string, addressedPath: string): void {
  if (!senderPath.startsWith(addressedPath)) throw new PetitionRuleError('PETITION_ADDRESS_OFF_PATH');
}

/** Forwarding moves a petition up or down the sender's own path, to a committee other than the current one. */
export function checkForward(p: PetitionFacts, toPath: string): void {
  if (toPath === p.addressedPath) throw new PetitionRuleError('PETITION_FORWARD_SAME');
  if (!p.senderPath.startsWith(toPath)) throw new PetitionRuleError('PETITION_FORWARD_OFF_PATH');
}

function handlesAt(principal: Principal, path: string, exact: boolean): boolean {
  return principal.grants.some(
    (g) =>
      !g.implicit &&
      ROLE_PERMISSIONS[g.role].has('petition.handle') &&
      (exact ? g.orgPath === path : path.startsWith(g.orgPath)),
  );
}

/**
 * Who may read a petition: its sender; for an ordinary one, handlers of any committee it has been addressed to
 * or of a committee above those; for a confidential one, only handlers holding the role on a committee it was
 * addressed to itself — never the branch below, never a committee above that was not addressed.
 */
export function canReadPetition(principal: Principal, p: PetitionFacts): boolean {
  if (principal.accountId === p.senderAccountId) return true;
  return p.addressedHistory.some((path) => handlesAt(principal, path, p.confidential));
}

/** Who may act on it as the committee: handlers of the currently addressed committee (exactly, if confidential). */
export function canHandlePetition(principal: Principal, p: PetitionFacts): boolean {
  return handlesAt(principal, p.addressedPath, p.confidential);
}

const COMMITTEE_MOVES: Record<PetitionAction, PetitionStatus[]> = {
  acknowledge: ['sent'],
  assign: ['sent', 'acknowledged', 'in_progress'],
  forward: ['sent', 'acknowledged', 'in_progress'],
  answer: ['acknowledged', 'in_progress', 'sent'],
  close: ['answered'],
  reply: ['answered'],
  rate: ['answered', 'closed'],
  withdraw: ['sent', 'acknowledged'],
};

const NEXT: Record<PetitionAction, PetitionStatus | null> = {
  acknowledge: 'acknowledged',
  assign: 'in_progress',
  forward: 'sent',
  answer: 'answered',
  close: 'closed',
  reply: null,
  rate: null,
  withdraw: 'withdrawn',
};

/** The status after an action, or a refusal; reply and rating are once each and keep the status. */
export function transition(p: PetitionFacts, action: PetitionAction, rating?: number): PetitionStatus {
  if (!COMMITTEE_MOVES[action].includes(p.status)) throw new PetitionRuleError('PETITION_BAD_TRANSITION');
  if (action === 'reply' && p.replied) throw new PetitionRuleError('PETITION_REPLY_USED');
  if (action === 'rate') {
    if (p.rated) throw new PetitionRuleError('PETITION_REPLY_USED');
    if (rating === undefined || !Number.isInteger(rating) || rating < 1 || rating > 5)
      throw new PetitionRuleError('PETITION_RATING_RANGE');
  }
  return NEXT[action] ?? p.status;
}

export const DEFAULT_RESPONSE_DAYS = 15;

/** Due date of an answer: the committee's target in days from when it received the petition. */
export function dueOn(receivedAt: string, targetDays = DEFAULT_RESPONSE_DAYS): string {
  return new Date(Date.parse(receivedAt) + targetDays * 86_400_000).toISOString();
}

export function isOverdue(status: PetitionStatus, due: string, now: string): boolean {
  if (status === 'answered' || status === 'closed' || status === 'withdrawn') return false;
  return now > due;
}

/** Days from receipt to answer, rounded up; the statistics use it per committee and category. */
export function responseDays(receivedAt: string, answeredAt: string): number {
  return Math.max(0, Math.ceil((Date.parse(answeredAt) - Date.parse(receivedAt)) / 86_400_000));
}
