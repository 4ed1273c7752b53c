// The kept expected-reports snapshot behind completeness: reused while nothing changes, rebuilt when an
// assignment is made or ended or the organisation tree changes, and always equal to computing from scratch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { makeAccount, makeOrg, makeTree, PASSWORD, type SmallTree } from '../../../test/support/factories.ts';
import { expectedReports, isInSubtree, nextPeriod, periodOf } from './domain/index.ts';
import { expectedForSubtree, snapshotBuilds } from './expected-cache.ts';
import { assignmentsAround, treeAround } from './store.ts';
import { setUpReporting } from './test-setup.ts';

let t: TestApp;
let tree: SmallTree;
let tinh: Client;
let admin: Client;
const current = periodOf(new Date(), 'monthly');
const lastMonth = nextPeriod(current, -1);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'tinh', roles: [{ role: 'committee_member', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'quantri', roles: [{ role: 'admin', org: tree.province }] });
  tinh = await login(t.app, 'tinh', PASSWORD);
  admin = await login(t.app, 'quantri', PASSWORD);
  await setUpReporting(tinh, tree.province.id);
});
afterAll(() => t?.close());

async function summary(orgId: string, period = current) {
  const res = await tinh.get(`/api/v1/orgs/${orgId}/report-completeness?period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    expected: number;
    missing: number;
    notDue: number;
    missingOrgs: Array<{ name: string }>;
    byChild: Array<{ orgId: string; expected: number }>;
  };
}

/** The expected list computed from scratch around the committee, as the view did before it was kept. */
async function fromScratch(org: { id: string; path: string }, period: string) {
  const [assignments, around] = await Promise.all([
    assignmentsAround(t.ctx.db, org.path, true),
    treeAround(t.ctx.db, org.path, true),
  ]);
  // Around a committee the tree also holds its ancestors; the view counts only its subtree.
  return expectedReports(assignments, around, period).filter((e) => isInSubtree(around, e.orgId, org.id));
}

const keyed = (list: ReadonlyArray<{ orgId: string; templateCode: string; reviewerId: string }>) =>
  list.map((e) => `${e.orgId}|${e.templateCode}|${e.reviewerId}`).sort();

async function expectSameAsScratch() {
  for (const org of Object.values(tree)) {
    for (const period of [current, lastMonth, `${current.slice(0, 4)}-Q1`]) {
      const kept = await expectedForSubtree(t.ctx.db, org.path, period);
      expect(keyed(kept.expected), `${org.name} ${period}`).toEqual(keyed(await fromScratch(org, period)));
    }
  }
}

describe('expected reports kept between requests', () => {
  it('reuses the snapshot while nothing changes', async () => {
    expect((await summary(tree.province.id)).expected).toBe(3);
    const builds = snapshotBuilds(t.ctx.db);
    expect((await summary(tree.district.id)).expected).toBe(3);
    expect((await summary(tree.communeA.id)).expected).toBe(2);
    expect(snapshotBuilds(t.ctx.db)).toBe(builds);
    await expectSameAsScratch();
  });

  it('sees a new branch at once', async () => {
    const builds = snapshotBuilds(t.ctx.db);
    const branch = await makeOrg(t.ctx, {
      parent: tree.communeB,
      name: 'Chi bộ thôn Mới Lập',
      type: 'branch',
    });
    const after = await summary(tree.province.id);
    expect(after.expected).toBe(4);
    expect(snapshotBuilds(t.ctx.db)).toBe(builds + 1);
    expect((await summary(tree.communeB.id)).expected).toBe(2);
    await expectSameAsScratch();
    (tree as unknown as Record<string, typeof branch>).newBranch = branch;
  });

  it('sees an assignment made and ended through the API', async () => {
    const made = await tinh.post('/api/v1/report-assignments', {
      committeeId: tree.district.id,
      templateCode: 'BC_THANG',
      target: { kind: 'org_types', orgTypes: ['grassroots_committee'] },
      periodType: 'monthly',
      deadlineDays: 5,
      lockAfterDays: 10,
      activeFrom: '2025-01-01',
    });
    expect(made.statusCode, made.body).toBe(201);
    // Four branches and now the two communes.
    expect((await summary(tree.province.id)).expected).toBe(6);
    await expectSameAsScratch();
    // Ending it before this month leaves last month as it was and takes the communes out of this month.
    const ended = await tinh.post(`/api/v1/report-assignments/${made.json().id}/end`, {
      activeTo: `${lastMonth}-28`,
    });
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await summary(tree.province.id)).expected).toBe(4);
    expect((await summary(tree.province.id, nextPeriod(current, -2))).expected).toBe(6);
    await expectSameAsScratch();
  });

  it('sees a branch moved, renamed and closed through the organisation routes', async () => {
    const moved = await admin.post(`/api/v1/orgs/${tree.branchA2.id}/move`, {
      newParentId: tree.communeB.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await summary(tree.communeA.id)).expected).toBe(1);
    expect((await summary(tree.communeB.id)).expected).toBe(3);
    tree.branchA2 = { ...tree.branchA2, path: moved.json().path };
    await expectSameAsScratch();

    const renamed = await admin.patch(`/api/v1/orgs/${tree.branchB1.id}`, { name: 'Chi bộ thôn Phú Mỹ Mới' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const old = await summary(tree.communeB.id, nextPeriod(current, -2));
    expect(old.missingOrgs.map((o) => o.name)).toContain('Chi bộ thôn Phú Mỹ Mới');

    const added = (tree as unknown as Record<string, { id: string }>).newBranch!;
    const closed = await admin.post(`/api/v1/orgs/${added.id}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    // Closed today: no report for this month, still one for last month.
    expect((await summary(tree.communeB.id)).expected).toBe(2);
    expect((await summary(tree.communeB.id, lastMonth)).expected).toBe(3);
    await expectSameAsScratch();
  });
});
