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
let district: Client;
let commune: Client;
let otherCommune: Client;
let secretary: Client;
let member: Client;
let members: string[];
const month = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  members = [];
  for (let i = 0; i < 4; i++) members.push(await makeMember(t.ctx, tree.branchA1));
  await makeAccount(t.ctx, { login: 'district', roles: [{ role: 'committee_member', org: tree.district }] });
  await makeAccount(t.ctx, { login: 'commune', roles: [{ role: 'committee_member', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'otherc', roles: [{ role: 'committee_member', org: tree.communeB }] });
  await makeAccount(t.ctx, {
    login: 'bithu',
    memberId: members[0]!,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  await makeAccount(t.ctx, { login: 'member', memberId: members[1]! });
  district = await login(t.app, 'district', PASSWORD);
  commune = await login(t.app, 'commune', PASSWORD);
  otherCommune = await login(t.app, 'otherc', PASSWORD);
  secretary = await login(t.app, 'bithu', PASSWORD);
  member = await login(t.app, 'member', PASSWORD);
});
afterAll(() => t?.close());

/** A meeting of branch A1 held this month: 3 of 4 present, started 90 minutes before it ended. */
async function holdMeeting() {
  const actor = { accountId: 'x', ip: null, requestId: 'test' };
  const id = await mutate(t.ctx, actor, (uow) =>
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
  const start = new Date(`${month}-01T12:00:00Z`);
  await t.ctx.db
    .updateTable('meetings')
    .set({
      status: 'ended',
      starts_at: start.toISOString(),
      published_at: new Date(start.getTime() - 3 * 86_400_000).toISOString(),
      started_at: start.toISOString(),
      ended_at: new Date(start.getTime() + 90 * 60_000).toISOString(),
    })
    .where('id', '=', id)
    .execute();
  for (const [i, m] of members.entries()) {
    await t.ctx.db
      .insertInto('meeting_attendance')
      .values({
        meeting_id: id,
        member_id: m,
        mark: i < 3 ? 'present' : 'absent_with_reason',
        reason: null,
        remote: 0,
        source: 'secretary',
        at: start.toISOString(),
      })
      .execute();
  }
  await t.ctx.db
    .insertInto('meeting_reads')
    .values({
      meeting_id: id,
      member_id: members[0]!,
      first_at: new Date(start.getTime() - 86_400_000).toISOString(),
      last_at: start.toISOString(),
    })
    .execute();
  // What the meetings feature publishes when a meeting ends.
  await t.ctx.bus.publish({ topic: `meeting.${id}.status`, payload: { meetingId: id, status: 'ended' } });
  await new Promise((r) => setTimeout(r, 50));
  await runDueJobs(t.ctx, { kinds: ['supervision.refresh_meeting'] });
  return id;
}

describe('supervision', () => {
  it('rolls a held meeting up to the branch, the commune and the district', async () => {
    const meetingId = await holdMeeting();
    const res = await commune.get(`/api/v1/orgs/${tree.communeA.id}/supervision?period=${month}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const a1 = body.children.find((c: { id: string }) => c.id === tree.branchA1.id);
    const a2 = body.children.find((c: { id: string }) => c.id === tree.branchA2.id);
    expect(a1.figures.meetingsHeld).toBe(1);
    expect(a1.figures.regularRate).toBe(1);
    expect(a1.figures.attendanceRate).toBe(0.75);
    expect(a1.figures.openedBeforeRate).toBe(0.25);
    expect(a1.figures.materialsEarlyRate).toBe(1);
    expect(a1.figures.avgDurationMinutes).toBe(90);
    expect(a2.figures.regularRate).toBe(0);
    expect(a2.figures.lagging).toBe(true);
    expect(body.total.regularRate).toBe(0.5);
    expect(body.definitions.attendanceRate).toContain('có mặt');
    const d = (await district.get(`/api/v1/orgs/${tree.district.id}/supervision?period=${month}`)).json();
    const ca = d.children.find((c: { id: string }) => c.id === tree.communeA.id);
    expect(ca.figures.meetingsHeld).toBe(1);
    expect(ca.hasChildren).toBe(true);
    const records = (
      await commune.get(
        `/api/v1/orgs/${tree.communeA.id}/supervision/records?figure=meetings&period=${month}`,
      )
    ).json();
    expect(records.items.map((r: { id: string }) => r.id)).toEqual([meetingId]);
  });

  it('keeps task figures right after each change, in the same transaction', async () => {
    const deadline = `${month}-28`;
    const today = new Date().toISOString().slice(0, 10);
    const id = (
      await secretary.post(`/api/v1/orgs/${tree.branchA1.id}/tasks`, {
        title: 'Thu đảng phí',
        ownerMemberId: members[1],
        deadline: deadline < today ? today : deadline,
      })
    ).json().id;
    const figures = async () =>
      (await commune.get(`/api/v1/orgs/${tree.communeA.id}/supervision?period=${month}`))
        .json()
        .children.find((c: { id: string }) => c.id === tree.branchA1.id).figures;
    expect((await figures()).tasksTotal).toBe(1);
    expect((await figures()).tasksOnTime).toBe(0);
    await member.post(`/api/v1/tasks/${id}/updates`, { progress: 100, note: 'Đã thu đủ' });
    expect((await figures()).tasksOnTime).toBe(1);
    await secretary.patch(`/api/v1/tasks/${id}`, { status: 'cancelled' });
    expect((await figures()).tasksTotal).toBe(0);
  });

  it('shows a committee only its own subtree', async () => {
    expect((await otherCommune.get(`/api/v1/orgs/${tree.communeA.id}/supervision`)).statusCode).toBe(404);
    expect((await otherCommune.get(`/api/v1/orgs/${tree.branchA1.id}/supervision`)).statusCode).toBe(404);
    expect((await commune.get(`/api/v1/orgs/${tree.district.id}/supervision`)).statusCode).toBe(404);
    expect((await member.get(`/api/v1/orgs/${tree.branchA1.id}/supervision`)).statusCode).toBe(403);
    const own = (
      await otherCommune.get(`/api/v1/orgs/${tree.communeB.id}/supervision?period=${month}`)
    ).json();
    expect(own.children.map((c: { id: string }) => c.id)).toEqual([tree.branchB1.id]);
    expect(own.total.meetingsHeld).toBe(0);
    // The way back up stops at the commune the caller supervises.
    const b1 = (await commune.get(`/api/v1/orgs/${tree.branchA1.id}/supervision`)).json();
    expect(b1.breadcrumb.map((b: { id: string }) => b.id)).toEqual([tree.communeA.id]);
  });

  it('exports the table to XLSX and refuses a bad period', async () => {
    const res = await district.get(
      `/api/v1/orgs/${tree.district.id}/supervision/export?period=${month.slice(0, 4)}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const bad = await district.get(`/api/v1/orgs/${tree.district.id}/supervision?period=2026-13`);
    expect(bad.statusCode).toBe(400);
  });
});
