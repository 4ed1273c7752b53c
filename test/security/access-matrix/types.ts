import type { AppContext } from '../../../src/platform/context.ts';
import type { Org } from '../../../src/features/orgs/queries.ts';

export const MATRIX_ROLES = ['member', 'secretary', 'committee_member', 'office', 'admin'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/**
 * One side of the matrix: a commune with a branch, a member of that branch and the member's account. Every
 * matrix account holds its role inside side A (member and secretary of branch A, the others on commune A);
 * side B is another commune, outside all of them.
 */
export interface Side {
  name: 'A' | 'B';
  commune: Org;
  branch: Org;
  memberId: string;
  accountId: string;
}

export interface RouteRule {
  /**
   * Where the route's resource lives: `branch` or `commune` of the side, `own` (the caller's own account, no
   * other subtree exists), `global` (not tied to an organisation).
   */
  target: 'branch' | 'commune' | 'own' | 'global';
  /** Roles let in on a resource of side A; by default worked out from the route's declared access. */
  inside?: MatrixRole[];
  /** Roles let in on a resource of side B (content published to them); by default none. */
  outside?: MatrixRole[];
  /** A valid query string (without `?`), for the same reason as `body`. */
  query?: string | ((ids: Record<string, string>, side: Side) => string);
  /** A valid body, so the answer is the handler's decision rather than validation's. */
  body?: (ids: Record<string, string>, side: Side) => unknown;
  /** The answer is an endless event stream: only its status and first headers are read. */
  stream?: boolean;
  /** The call ends the caller's session (sign-out): sign in again after it. */
  endsSession?: boolean;
}

export interface MatrixEntries {
  /**
   * Creates this feature's resources on a side and returns them by URL prefix (`/api/v1/news/`). Called once
   * per side for reads, and again before each change so a deletion does not spoil the next call.
   */
  samples?: (ctx: AppContext, side: Side) => Promise<Record<string, string>>;
  /** `'METHOD /api/v1/…'` exactly as in the route table → rule. */
  routes: Record<string, RouteRule>;
}
