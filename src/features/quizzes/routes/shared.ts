import { type AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { can, type Principal } from '../../../platform/permissions/check.ts';
import { findOrgs } from '../../orgs/queries.ts';
import { branchPathOf, findContest } from '../contests.ts';
import type { QuizContestTable } from '../tables.ts';

// What the quiz routes share: OpenAPI tag, who sees a contest, which leaderboards are theirs.
export const tags = ['Học tập và thi'];

/**
 * A contest is visible to the members whose branch lies in its subtree and to those who may run contests over
 * its organisation.
 */
export async function loadVisibleContest(ctx: AppContext, principal: Principal, id: string) {
  const contest = await findContest(ctx.db, id);
  if (!contest) throw notFound();
  const branch = branchPathOf(principal);
  const member = branch !== null && branch.startsWith(contest.org_path);
  if (!member && !can(principal, 'study.assign', contest.org_path)) throw notFound();
  return contest;
}

/** The caller's branch and its committees up to the contest's organisation, plus the contest org for runners. */
export async function boardsFor(ctx: AppContext, principal: Principal, contest: QuizContestTable) {
  const branch = branchPathOf(principal);
  const ids: string[] = [];
  if (branch?.startsWith(contest.org_path)) {
    const segs = branch.split('/').filter(Boolean);
    const from = contest.org_path.split('/').filter(Boolean).length - 1;
    ids.push(...segs.slice(from).reverse());
  } else ids.push(contest.org_id);
  const orgs = await findOrgs(ctx.db, ids);
  return ids.flatMap((id) => {
    const o = orgs.find((x) => x.id === id);
    return o ? [{ orgId: o.id, name: o.name }] : [];
  });
}
