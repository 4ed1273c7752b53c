import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { mutate } from '../../platform/context.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import { createMeeting } from '../meetings/service.ts';

let t: TestApp;
let tree: SmallTree;
let owner: Client;
let neighbour: Client;
let secretary: Client;
let otherCommune: Client;
let ownerId: string;
let neighbourId: string;
let outsiderId: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  ownerId = await makeMember(t.ctx, tree.branchA1);
  neighbourId = await makeMember(t.ctx, tree.branchA1);
  const secId = await makeMember(t.ctx, tree.branchA1);
  outsiderId = await makeMember(t.ctx, tree.branchA2);
  await makeAccount(t.ctx, { login: 'owner', memberId: ownerId });
  await makeAccount(t.ctx, { login: 'neighbour', memberId: neighbourId });
  await makeAccount(t.ctx, {
    login: 'bithu',
    memberId: secId,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  await makeAccount(t.ctx, { login: 'otherc', roles: [{ role: 'committee_member', org: tree.communeB }] });
  owner = await login(t.app, 'owner', PASSWORD);
  neighbour = await login(t.app, 'neighbour', PASSWORD);
  secretary = await login(t.app, 'bithu', PASSWORD);
  otherCommune = await login(t.app, 'otherc', PASSWORD);
});
afterAll(() => t?.close());

async function create(body: Record<string, unknown>, c: Client = secretary) {
  return c.post(`/api/v1/orgs/${tree.branchA1.id}/tasks`, { title: 'Vận động nhân dân hiến đất', ...body });
}

describe('creating tasks', () => {
  it('lets the branch committee give a task to a member, who sees it in their list', async () => {
    const res = await create({ ownerMemberId: ownerId, contributorIds: [neighbourId], deadline: day(10) });
    expect(res.statusCode).toBe(201);
    const mine = (await owner.get('/api/v1/tasks/mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(res.json().id);
    const theirs = (await neighbour.get('/api/v1/tasks/mine')).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).toContain(res.json().id);
  });

  it('refuses a member without meeting.manage', async () => {
    const res = await create({ ownerMemberId: ownerId }, owner);
    expect(res.statusCode).toBe(403);
  });

  it('refuses a deadline before today, an owner outside the branch and a bad weight, with codes', async () => {
    const past = await create({ ownerMemberId: ownerId, deadline: day(-2) });
    expect(past.statusCode).toBe(422);
    expect(past.json().error.code).toBe('TASK_DEADLINE_BEFORE_START');
    expect(past.json().error.message).toContain('Hạn hoàn thành');
    const outside = await create({ ownerMemberId: outsiderId });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('TASK_OWNER_OUTSIDE');
    const weight = await create({ ownerMemberId: ownerId, weight: 0 });
    expect(weight.json().error.code).toBe('TASK_WEIGHT_INVALID');
  });

  it('hides a branch’s tasks from a committee outside its subtree', async () => {
    const id = (await create({ ownerMemberId: ownerId })).json().id;
    expect((await otherCommune.get(`/api/v1/tasks/${id}`)).statusCode).toBe(404);
    expect((await otherCommune.get(`/api/v1/orgs/${tree.branchA1.id}/tasks`)).statusCode).toBe(404);
  });
});

describe('progress and roll-up', () => {
  it('rolls weighted sub-task progress up to the parent and refuses out-of-range progress', async () => {
    const parent = (
      await create({ title: 'Xây dựng nông thôn mới', ownerMemberId: ownerId, deadline: day(20) })
    ).json().id;
    const a = (
      await create({ title: 'Làm đường', parentId: parent, weight: 3, ownerMemberId: ownerId })
    ).json().id;
    const b = (
      await create({ title: 'Trồng cây', parentId: parent, weight: 1, ownerMemberId: neighbourId })
    ).json().id;
    const bad = await owner.post(`/api/v1/tasks/${a}/updates`, { progress: 120, note: 'x' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('TASK_PROGRESS_RANGE');
    expect(
      (await owner.post(`/api/v1/tasks/${a}/updates`, { progress: 50, note: 'Đã làm nửa' })).statusCode,
    ).toBe(201);
    let p = (await owner.get(`/api/v1/tasks/${parent}`)).json();
    expect(p.progress).toBe(37.5);
    expect(p.canUpdate).toBe(false);
    // The neighbour owns b, not a.
    expect(
      (await neighbour.post(`/api/v1/tasks/${a}/updates`, { progress: 60, note: '' })).json().error.code,
    ).toBe('TASK_NOT_OWNER');
    const done = await neighbour.post(`/api/v1/tasks/${b}/updates`, { progress: 100, note: 'Xong' });
    expect(done.json().status).toBe('done');
    p = (await owner.get(`/api/v1/tasks/${parent}`)).json();
    expect(p.progress).toBe(62.5);
    expect(p.children).toHaveLength(2);
    // Cancelling a sub-task takes it out of the mean.
    await secretary.patch(`/api/v1/tasks/${a}`, { status: 'cancelled' });
    p = (await owner.get(`/api/v1/tasks/${parent}`)).json();
    expect(p.progress).toBe(100);
    // A cycle is refused.
    const cyc = await secretary.patch(`/api/v1/tasks/${parent}`, { parentId: b });
    expect(cyc.statusCode).toBe(422);
    expect(cyc.json().error.code).toBe('TASK_CYCLE');
    expect((await secretary.patch(`/api/v1/tasks/${parent}`, { parentId: parent })).json().error.code).toBe(
      'TASK_CYCLE',
    );
  });

  it('lists the branch’s tasks with states and a summary', async () => {
    const res = await secretary.get(`/api/v1/orgs/${tree.branchA1.id}/tasks`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.canManage).toBe(true);
    expect(body.items.every((i: { state: string }) => typeof i.state === 'string')).toBe(true);
    expect(body.summary.total).toBe(
      body.items.filter((i: { parentId: string | null }) => !i.parentId).length,
    );
  });
});

describe('reminders and resolutions', () => {
  it('sends a task.due event for a reminder day through the job queue', async () => {
    const id = (await create({ ownerMemberId: ownerId, deadline: day(0) })).json().id;
    const seen: Array<Record<string, unknown>> = [];
    const off = t.ctx.bus.subscribe('task.due', (e) => seen.push(e.payload));
    // The on-the-day reminder is due from 08:00 Vietnam time; run it as if it were later in the day.
    const job = await t.ctx.db
      .selectFrom('jobs')
      .select(['id'])
      .where('kind', '=', 'tasks.remind')
      .where('dedupe_key', '=', `task-remind:${id}:${day(0)}:${day(0)}`)
      .executeTakeFirst();
    expect(job).toBeDefined();
    await t.ctx.db
      .updateTable('jobs')
      .set({ run_at: new Date(0).toISOString() })
      .where('id', '=', job!.id)
      .execute();
    await runDueJobs(t.ctx, { kinds: ['tasks.remind'] });
    off();
    const mine = seen.find((p) => p.taskId === id);
    expect(mine?.memberIds).toEqual([ownerId]);
    expect(String(mine?.title)).toContain('Sắp đến hạn');
  });

  it('imports an adopted resolution’s tasks once, and shows them in the next meeting’s review', async () => {
    const actor = { accountId: null as unknown as string, ip: null, requestId: 'test' };
    const meetingId = await mutate(t.ctx, actor, (uow) =>
      createMeeting(
        uow,
        tree.branchA1,
        {
          kind: 'regular',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          place: 'Nhà văn hóa',
          online: false,
        },
        { accountId: 'x', memberId: null },
      ),
    );
    await t.ctx.db
      .insertInto('meeting_resolution_tasks')
      .values({
        id: `rt-${meetingId}`,
        meeting_id: meetingId,
        org_id: tree.branchA1.id,
        org_path: tree.branchA1.path,
        content: 'Hoàn thành thu đảng phí quý IV',
        owner: 'Chi ủy',
        deadline: day(3),
        position: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
    const event = { topic: 'meeting.resolution.adopted', payload: { meetingId, draftVersion: 1 } };
    await t.ctx.bus.publish(event);
    await t.ctx.bus.publish(event);
    await new Promise((r) => setTimeout(r, 50));
    await runDueJobs(t.ctx, { kinds: ['tasks.import_resolution'] });
    // A second run (as after a crash) adds nothing.
    const { importResolution } = await import('./service.ts');
    expect(await importResolution(t.ctx, meetingId)).toBe(0);
    const list = (await secretary.get(`/api/v1/orgs/${tree.branchA1.id}/tasks`)).json();
    const imported = list.items.filter((i: { meetingId: string | null }) => i.meetingId === meetingId);
    expect(imported).toHaveLength(1);
    expect(imported[0].ownerName).toBe('Chi ủy');
    expect(imported[0].source).toBe('resolution');

    const next = await mutate(t.ctx, actor, (uow) =>
      createMeeting(
        uow,
        tree.branchA1,
        {
          kind: 'regular',
          startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
          place: 'Nhà văn hóa',
          online: false,
        },
        { accountId: 'x', memberId: null },
      ),
    );
    const review = await owner.get(`/api/v1/meetings/${next}/task-review`);
    expect(review.statusCode).toBe(200);
    expect(review.json().items.map((i: { id: string }) => i.id)).toContain(imported[0].id);
    expect((await otherCommune.get(`/api/v1/meetings/${next}/task-review`)).statusCode).toBe(404);
  });
});
