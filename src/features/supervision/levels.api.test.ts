import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeOrg,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { mutate } from '../../platform/context.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import { closeOrg, moveOrg } from '../orgs/service.ts';
import { findOrg, type Org } from '../orgs/queries.ts';
import { idsOnPath } from '../orgs/paths.ts';
import { createMeeting } from '../meetings/service.ts';
import { COUNT_COLUMNS, LEVEL_COLUMNS } from './deltas.ts';
import { refreshAll } from './jobs.ts';
import { rebuildLevels } from './levels.ts';

let t: TestApp;
let tree: SmallTree;
let district: Client;
let secretaryA: Client;
let secretaryB: Client;
let membersA: string[];
let membersB: string[];
const month = new Date().toISOString().slice(0, 7);
const actor = { accountId: null, ip: null, requestId: 'test' };

/**
 * The level rows as they should be: every branch row added to its branch and each ancestor, counted once per
 * branch. Compared column by column with what the incremental writes left.
 */
async function expectLevelsEqualBranchSums() {
  const branchRows = await t.ctx.db.selectFrom('supervision_monthly').selectAll().execute();
  const expected = new Map<string, Record<string, number>>();
  for (const r of branchRows)
    for (const id of idsOnPath(r.org_path)) {
      const key = `${id}|${r.month}`;
      const s = expected.get(key) ?? Object.fromEntries(LEVEL_COLUMNS.map((c) => [c, 0]));
      for (const c of COUNT_COLUMNS) s[c]! += Number(r[c]);
      s.branches!++;
      expected.set(key, s);
    }
  const levels = await t.ctx.db.selectFrom('supervision_totals').selectAll().execute();
  const actual = new Map(
    levels.map((l) => [
      `${l.org_id}|${l.month}`,
      Object.fromEntries(LEVEL_COLUMNS.map((c) => [c, Number(l[c])])),
    ]),
  );
  expect(actual).toEqual(expected);
  // Every branch row still carries the path its branch has now.
  const paths = new Map(
    (await t.ctx.db.selectFrom('orgs').select(['id', 'path']).execute()).map((o) => [o.id, o.path]),
  );
  for (const r of branchRows) expect(r.org_path).toBe(paths.get(r.org_id));
}

async function view(client: Client, org: Org, period = month) {
  const res = await client.get(`/api/v1/orgs/${org.id}/supervision?period=${period}`);
  expect(res.statusCode).toBe(200);
  return res.json() as {
    total: { branches: number; meetingsHeld: number; tasksTotal: number; regularRate: number | null };
    children: Array<{ id: string; figures: { branches: number; tasksTotal: number; meetingsHeld: number } }>;
  };
}

async function endMeeting(branch: Org, memberIds: string[]) {
  const id = await mutate(t.ctx, { accountId: 'x', ip: null, requestId: 'test' }, (uow) =>
    createMeeting(
      uow,
      branch,
      {
        kind: 'regular',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        place: 'Hội trường',
        online: false,
      },
      { accountId: 'x', memberId: null },
    ),
  );
  const start = new Date(`${month}-01T12:00:00Z`);
  await t.ctx.db
    .updateTable('meetings')
    .set({
      status: 'ended',
      starts_at: start.toISOString(),
      started_at: start.toISOString(),
      ended_at: new Date(start.getTime() + 60 * 60_000).toISOString(),
    })
    .where('id', '=', id)
    .execute();
  for (const m of memberIds)
    await t.ctx.db
      .insertInto('meeting_attendance')
      .values({
        meeting_id: id,
        member_id: m,
        mark: 'present',
        reason: null,
        remote: 0,
        source: 'secretary',
        at: start.toISOString(),
      })
      .execute();
  await t.ctx.bus.publish({ topic: `meeting.${id}.status`, payload: { meetingId: id, status: 'ended' } });
  await new Promise((r) => setTimeout(r, 50));
  await runDueJobs(t.ctx, { kinds: ['supervision.refresh_meeting'] });
}

const deadline = () => {
  const d = `${month}-28`;
  const today = new Date().toISOString().slice(0, 10);
  return d < today ? today : d;
};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  membersA = [await makeMember(t.ctx, tree.branchA1), await makeMember(t.ctx, tree.branchA1)];
  membersB = [await makeMember(t.ctx, tree.branchB1), await makeMember(t.ctx, tree.branchB1)];
  await makeAccount(t.ctx, { login: 'huyen', roles: [{ role: 'committee_member', org: tree.district }] });
  await makeAccount(t.ctx, {
    login: 'bithuA',
    memberId: membersA[0]!,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  await makeAccount(t.ctx, {
    login: 'bithuB',
    memberId: membersB[0]!,
    roles: [{ role: 'secretary', org: tree.branchB1 }],
  });
  district = await login(t.app, 'huyen', PASSWORD);
  secretaryA = await login(t.app, 'bithuA', PASSWORD);
  secretaryB = await login(t.app, 'bithuB', PASSWORD);
});
afterAll(() => t?.close());

describe('supervision level roll-up', () => {
  it('counts each new branch from the month it is opened', async () => {
    await expectLevelsEqualBranchSums();
    const d = await view(district, tree.district);
    expect(d.total.branches).toBe(3);
    expect(d.total.regularRate).toBe(0);
  });

  it('equals the branch sums after task changes, also two at once under one committee', async () => {
    const [a, b] = await Promise.all([
      secretaryA.post(`/api/v1/orgs/${tree.branchA1.id}/tasks`, {
        title: 'Rà soát hồ sơ đảng viên',
        ownerMemberId: membersA[1],
        deadline: deadline(),
      }),
      secretaryB.post(`/api/v1/orgs/${tree.branchB1.id}/tasks`, {
        title: 'Thu đảng phí quý',
        ownerMemberId: membersB[1],
        deadline: deadline(),
      }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    await expectLevelsEqualBranchSums();
    expect((await view(district, tree.district)).total.tasksTotal).toBe(2);
    await secretaryA.patch(`/api/v1/tasks/${a.json().id}`, { status: 'cancelled' });
    await expectLevelsEqualBranchSums();
    expect((await view(district, tree.district)).total.tasksTotal).toBe(1);
  });

  it('loses no increment when transactions change branch rows under one committee at the same time', async () => {
    const { upsertMonth } = await import('./rollup.ts');
    const branches = [tree.branchA1, tree.branchA2, tree.branchB1];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.ctx.db.transaction().execute(async (trx) => {
          const b = branches[i % branches.length]!;
          await upsertMonth(trx, { orgId: b.id, orgPath: b.path, month }, { comments: i + 1 });
        }),
      ),
    );
    await expectLevelsEqualBranchSums();
    await Promise.all(
      branches.map((b) =>
        t.ctx.db
          .transaction()
          .execute((trx) => upsertMonth(trx, { orgId: b.id, orgPath: b.path, month }, { comments: 0 })),
      ),
    );
    await expectLevelsEqualBranchSums();
  });

  it('equals the branch sums after a meeting ends and after the nightly job', async () => {
    await endMeeting(tree.branchA1, membersA);
    await expectLevelsEqualBranchSums();
    const d = await view(district, tree.district);
    expect(d.total.meetingsHeld).toBe(1);
    expect(d.children.find((c) => c.id === tree.communeA.id)!.figures.meetingsHeld).toBe(1);
    await refreshAll(t.ctx, new Date());
    await expectLevelsEqualBranchSums();
    // A recount from the branch rows gives the same rows the increments built.
    const before = await t.ctx.db
      .selectFrom('supervision_totals')
      .selectAll()
      .orderBy('org_id')
      .orderBy('month')
      .execute();
    await t.ctx.db.transaction().execute((trx) => rebuildLevels(trx));
    const after = await t.ctx.db
      .selectFrom('supervision_totals')
      .selectAll()
      .orderBy('org_id')
      .orderBy('month')
      .execute();
    expect(after.map((r) => ({ ...r }))).toEqual(before.map((r) => ({ ...r })));
  });

  it('moves a subtree’s figures to its new committees in the move’s transaction', async () => {
    const district2 = await makeOrg(t.ctx, {
      parent: tree.province,
      name: 'Đảng bộ huyện Tiền Hải',
      type: 'district_committee',
    });
    await makeAccount(t.ctx, { login: 'huyen2', roles: [{ role: 'committee_member', org: district2 }] });
    const other = await login(t.app, 'huyen2', PASSWORD);
    const communeB = (await findOrg(t.ctx.db, tree.communeB.id))!;
    await mutate(t.ctx, actor, (uow) => moveOrg(uow, communeB, district2));
    await expectLevelsEqualBranchSums();
    // A writer holding the path from before the move (a task or meeting row, say) still adds to the new ancestors.
    const { upsertMonth } = await import('./rollup.ts');
    await t.ctx.db
      .transaction()
      .execute((trx) =>
        upsertMonth(trx, { orgId: tree.branchB1.id, orgPath: tree.branchB1.path, month }, { comments: 9 }),
      );
    await expectLevelsEqualBranchSums();
    const d = await view(district, tree.district);
    expect(d.children.map((c) => c.id)).toEqual([tree.communeA.id]);
    expect(d.total.branches).toBe(2);
    expect(d.total.tasksTotal).toBe(0);
    const d2 = await view(other, district2);
    expect(d2.children.map((c) => c.id)).toEqual([tree.communeB.id]);
    expect(d2.total.branches).toBe(1);
    expect(d2.total.tasksTotal).toBe(1);
    // Each committee still sees only its own subtree.
    expect((await district.get(`/api/v1/orgs/${tree.communeB.id}/supervision`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/orgs/${tree.communeA.id}/supervision`)).statusCode).toBe(404);
    // The province sees both, unchanged in sum.
    const p = await t.ctx.db
      .selectFrom('supervision_totals')
      .select(['branches', 'tasks_total'])
      .where('org_id', '=', tree.province.id)
      .where('month', '=', month)
      .executeTakeFirstOrThrow();
    expect(p).toEqual({ branches: 3, tasks_total: 1 });
  });

  it('keeps a closed branch in the months it was open and equals the branch sums', async () => {
    const branch = await makeOrg(t.ctx, { parent: tree.communeA, name: 'Chi bộ thôn Mới', type: 'branch' });
    expect((await view(district, tree.district)).total.branches).toBe(3);
    await t.ctx.db.transaction().execute(async (trx) => {
      const { writeBranchMonths } = await import('./rollup.ts');
      // A row for a later month, as the nightly job writes on a month's last day.
      const [y, m] = month.split('-').map(Number) as [number, number];
      const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
      await writeBranchMonths(trx, { orgId: branch.id, orgPath: branch.path }, new Map([[next, {}]]));
    });
    await mutate(t.ctx, actor, async (uow) => closeOrg(uow, (await findOrg(uow.trx, branch.id))!));
    await expectLevelsEqualBranchSums();
    const later = await t.ctx.db
      .selectFrom('supervision_monthly')
      .select('month')
      .where('org_id', '=', branch.id)
      .execute();
    expect(later.map((r) => r.month)).toEqual([month]);
  });
});
