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
import { MP3_FRAME, MP3_ID3, PNG_1PX, makeDocx, makePdf } from '../../platform/files/test-fixtures.ts';
import { uploadFile } from '../documents/test-support.ts';

let t: TestApp;
let tree: SmallTree;
let owner: Client;
let neighbour: Client;
let secretary: Client;
let otherCommune: Client;
let otherBranch: Client;
let ownerId: string;
let neighbourId: string;
let outsiderId: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  // 1 MB per file, so the size check on attachments is reachable with a small test file.
  t = await createTestApp({ SOTAY_MAX_UPLOAD_MB: '1' });
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
  await makeAccount(t.ctx, { login: 'other', memberId: outsiderId });
  otherBranch = await login(t.app, 'other', PASSWORD);
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

/** A task of branch A1 owned by `owner`, with one progress update by the owner. */
async function taskWithUpdate(): Promise<{ taskId: string; updateId: string }> {
  const created = await secretary.post(`/api/v1/orgs/${tree.branchA1.id}/tasks`, {
    title: 'Sửa đường bê tông liên thôn',
    ownerMemberId: ownerId,
    deadline: day(20),
  });
  expect(created.statusCode).toBe(201);
  const taskId = created.json().id as string;
  const posted = await owner.post(`/api/v1/tasks/${taskId}/updates`, {
    progress: 40,
    note: 'Đã đổ xong 200 m',
  });
  expect(posted.statusCode).toBe(201);
  expect(posted.json().updates[0].id).toBe(posted.json().updateId);
  return { taskId, updateId: posted.json().updateId as string };
}

const attach = (c: Client, taskId: string, updateId: string, name: string, bytes: Uint8Array) =>
  uploadFile(t.app, c, `/api/v1/tasks/${taskId}/updates/${updateId}/files`, name, bytes);

describe('attachments on progress updates', () => {
  it('lets the owner attach a photo and a PDF that everyone who sees the task can download', async () => {
    const { taskId, updateId } = await taskWithUpdate();
    const pdf = await makePdf(['Biên bản nghiệm thu đoạn đường thôn Nguyệt Lâm']);
    const photo = await attach(owner, taskId, updateId, 'ảnh công trình.png', PNG_1PX);
    expect(photo.statusCode).toBe(201);
    expect(photo.json()).toMatchObject({ fileName: 'ảnh công trình.png', mime: 'image/png' });
    const report = await attach(owner, taskId, updateId, 'bien-ban.pdf', pdf);
    expect(report.statusCode).toBe(201);

    const detail = (await neighbour.get(`/api/v1/tasks/${taskId}`)).json();
    const files = detail.updates[0].files as Array<{ fileName: string; url: string; size: number }>;
    expect(files.map((f) => f.fileName)).toEqual(['ảnh công trình.png', 'bien-ban.pdf']);
    expect(files[1]!.size).toBe(pdf.length);
    // A member who only reads the task does not get to attach to someone else's report.
    expect(detail.updates[0].canAttach).toBe(false);
    expect((await owner.get(`/api/v1/tasks/${taskId}`)).json().updates[0].canAttach).toBe(true);

    const got = await neighbour.get(files[1]!.url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(got.rawPayload, Buffer.from(pdf))).toBe(0);
    const img = await secretary.get(files[0]!.url);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-disposition']).toContain('inline');

    // Outside the branch's readers: another branch's member and another commune's committee see nothing.
    expect((await otherBranch.get(files[1]!.url)).statusCode).toBe(404);
    expect((await otherCommune.get(files[1]!.url)).statusCode).toBe(404);
    expect((await otherCommune.get(`/api/v1/tasks/${taskId}`)).statusCode).toBe(404);
    // A file id under another task is not found there.
    const other = await taskWithUpdate();
    const fileId = files[1]!.url.split('/').pop()!;
    expect((await owner.get(`/api/v1/tasks/${other.taskId}/files/${fileId}`)).statusCode).toBe(404);
  });

  it('lets the committee attach to a member’s report, but not another member', async () => {
    const { taskId, updateId } = await taskWithUpdate();
    const docx = await makeDocx('Báo cáo', ['Kết quả vận động nhân dân hiến đất.']);
    const refused = await attach(neighbour, taskId, updateId, 'bao-cao.docx', docx);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('TASK_FILE_NOT_AUTHOR');
    const outsider = await attach(otherBranch, taskId, updateId, 'bao-cao.docx', docx);
    expect(outsider.statusCode).toBe(404);
    const byCommittee = await attach(secretary, taskId, updateId, 'bao-cao.docx', docx);
    expect(byCommittee.statusCode).toBe(201);
    expect(byCommittee.json().mime).toContain('wordprocessingml');
    // An update of another task is not found under this one.
    const other = await taskWithUpdate();
    expect((await attach(owner, taskId, other.updateId, 'a.png', PNG_1PX)).statusCode).toBe(404);
  });

  it('refuses bad files with stable codes and stores nothing', async () => {
    const { taskId, updateId } = await taskWithUpdate();
    const exe = await attach(owner, taskId, updateId, 'virus.exe', Uint8Array.from([0x4d, 0x5a, 0, 0]));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const fake = await attach(owner, taskId, updateId, 'anh.jpg', await makePdf(['Không phải ảnh']));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('UPLOAD_CONTENT_MISMATCH');
    expect(fake.json().error.message).toContain('không khớp');
    const audio = await attach(
      owner,
      taskId,
      updateId,
      'ghi-am.mp3',
      Uint8Array.from([...MP3_ID3, ...MP3_FRAME]),
    );
    expect(audio.statusCode).toBe(415);
    const big = new Uint8Array(1024 * 1024 + 10);
    big.set(PNG_1PX);
    const tooLarge = await attach(owner, taskId, updateId, 'lon.png', big);
    expect(tooLarge.statusCode).toBe(413);
    const none = await owner.post(`/api/v1/tasks/${taskId}/updates/${updateId}/files`, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('UPLOAD_REQUIRED');
    const stored = await t.ctx.db
      .selectFrom('task_files')
      .selectAll()
      .where('task_id', '=', taskId)
      .execute();
    expect(stored).toEqual([]);
  });

  it('caps the files of one update and refuses files on a cancelled task', async () => {
    const { taskId, updateId } = await taskWithUpdate();
    for (let i = 0; i < 10; i++)
      expect((await attach(owner, taskId, updateId, `anh-${i}.png`, PNG_1PX)).statusCode).toBe(201);
    const eleventh = await attach(owner, taskId, updateId, 'anh-10.png', PNG_1PX);
    expect(eleventh.statusCode).toBe(422);
    expect(eleventh.json().error.code).toBe('TASK_FILES_LIMIT');

    const second = await taskWithUpdate();
    expect(
      (await secretary.patch(`/api/v1/tasks/${second.taskId}`, { status: 'cancelled' })).statusCode,
    ).toBe(200);
    const closed = await attach(owner, second.taskId, second.updateId, 'anh.png', PNG_1PX);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('TASK_CLOSED');
  });
});
