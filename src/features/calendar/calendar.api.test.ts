import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientFor,
  createTestApp,
  login,
  type Client,
  type TestApp,
} from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { mutate } from '../../platform/context.ts';
import { createMeeting } from '../meetings/service.ts';
import { studySamples } from '../study/test-samples.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';

let t: TestApp;
let tree: SmallTree;
let member: Client;
let secretary: Client;
let memberId: string;
let secretaryAccountId: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  memberId = await makeMember(t.ctx, tree.branchA1);
  const sec = await makeMember(t.ctx, tree.branchA1);
  await makeAccount(t.ctx, { login: 'member', memberId });
  secretaryAccountId = (
    await makeAccount(t.ctx, {
      login: 'bithu',
      memberId: sec,
      roles: [{ role: 'secretary', org: tree.branchA1 }],
    })
  ).id;
  member = await login(t.app, 'member', PASSWORD);
  secretary = await login(t.app, 'bithu', PASSWORD);
});
afterAll(() => t?.close());

describe('personal calendar', () => {
  it('lists the member’s task deadlines and serves them in a private iCalendar feed', async () => {
    const res = await secretary.post(`/api/v1/orgs/${tree.branchA1.id}/tasks`, {
      title: 'Thu đảng phí, quý IV; nộp lên xã',
      ownerMemberId: memberId,
      deadline: day(5),
    });
    expect(res.statusCode).toBe(201);
    const mine = (await member.get('/api/v1/calendar/mine')).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ kind: 'task', at: day(5) });
    expect(mine.hasFeed).toBe(false);

    const path = (await member.post('/api/v1/calendar/feed')).json().path as string;
    const anonymous = clientFor(t.app);
    const feed = await anonymous.get(path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain(`DTSTART;VALUE=DATE:${day(5).replace(/-/g, '')}`);
    expect(feed.body).toContain('SUMMARY:Hạn nhiệm vụ: Thu đảng phí\\, quý IV\\; nộp lên xã');
    // Only the hash is stored.
    const stored = await t.ctx.db.selectFrom('calendar_feeds').selectAll().execute();
    expect(stored[0]!.token_hash).not.toContain(path.split('/').pop()!);

    // A new link makes the old one useless; revoking ends the new one.
    const again = (await member.post('/api/v1/calendar/feed')).json().path as string;
    expect((await anonymous.get(path)).statusCode).toBe(404);
    expect((await anonymous.get(again)).statusCode).toBe(200);
    expect((await member.delete('/api/v1/calendar/feed')).statusCode).toBe(204);
    expect((await anonymous.get(again)).statusCode).toBe(404);
    expect((await anonymous.get('/calendar/feed/khong-phai-ma-hop-le-0000')).statusCode).toBe(404);
  });

  it('adds the branch’s published meetings and study deadlines given from above, each linking to its screen', async () => {
    const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const actor = { accountId: secretaryAccountId, ip: null, requestId: 'test' };
    const meetingId = await mutate(t.ctx, actor, (uow) =>
      createMeeting(
        uow,
        tree.branchA1,
        { kind: 'regular', startsAt, place: 'Nhà văn hóa thôn', online: false },
        { accountId: secretaryAccountId, memberId: null },
      ),
    );
    // A draft is not on anyone's calendar yet.
    let mine = (await member.get('/api/v1/calendar/mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).not.toContain(meetingId);
    await t.ctx.db.updateTable('meetings').set({ status: 'published' }).where('id', '=', meetingId).execute();
    // The commune gives a document to its whole subtree, the member's branch included.
    const { assignmentId } = await studySamples(t.ctx, tree.communeA);
    await t.ctx.db
      .updateTable('study_assignments')
      .set({ deadline: day(12) })
      .where('id', '=', assignmentId)
      .execute();
    mine = (await member.get('/api/v1/calendar/mine')).json();
    const byId = new Map(mine.items.map((i: { id: string }) => [i.id, i]));
    expect(byId.get(meetingId)).toMatchObject({
      kind: 'meeting',
      at: startsAt,
      place: 'Nhà văn hóa thôn',
      url: `/meetings/${meetingId}`,
    });
    expect(byId.get(assignmentId)).toMatchObject({
      kind: 'study',
      at: day(12),
      title: 'Hạn học tập: Nghị quyết học tập',
      url: `/study/${assignmentId}`,
    });
    // Sorted by date: the meeting in 3 days comes before the task in 5 and the study deadline in 12.
    const order = mine.items.map((i: { kind: string }) => i.kind);
    expect(order.indexOf('meeting')).toBeLessThan(order.indexOf('task'));
    expect(order.indexOf('task')).toBeLessThan(order.indexOf('study'));

    // Half studied: still due. Every paragraph studied: off the calendar.
    const paragraphs = paragraphsOf('Mục tiêu thứ nhất.\n\nGiải pháp thực hiện.').map((p) => p.id);
    const studied = async (ids: string[]) =>
      expect(
        (await member.post(`/api/v1/study-assignments/${assignmentId}/studied`, { paragraphIds: ids }))
          .statusCode,
      ).toBe(200);
    const calendarIds = async () =>
      (await member.get('/api/v1/calendar/mine')).json().items.map((i: { id: string }) => i.id);
    await studied(paragraphs.slice(0, 1));
    expect(await calendarIds()).toContain(assignmentId);
    await studied(paragraphs.slice(1));
    expect(await calendarIds()).not.toContain(assignmentId);

    // A member of another commune does not get commune A's assignment or branch A1's meeting.
    const stranger = await makeMember(t.ctx, tree.branchB1);
    await makeAccount(t.ctx, { login: 'stranger', memberId: stranger });
    const theirs = (await (await login(t.app, 'stranger', PASSWORD)).get('/api/v1/calendar/mine')).json();
    expect(theirs.items).toEqual([]);
  });

  it('resets the private link: the new one works, the old one is gone, and the date is reported', async () => {
    const first = (await secretary.post('/api/v1/calendar/feed')).json().path as string;
    const status = (await secretary.get('/api/v1/calendar/mine')).json();
    expect(status.hasFeed).toBe(true);
    expect(Date.parse(status.feedCreatedAt)).not.toBeNaN();
    const second = (await secretary.post('/api/v1/calendar/feed')).json().path as string;
    expect(second).not.toBe(first);
    const anonymous = clientFor(t.app);
    expect((await anonymous.get(first)).statusCode).toBe(404);
    const feed = await anonymous.get(second);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('BEGIN:VCALENDAR');
    const rows = await t.ctx.db.selectFrom('calendar_feeds').selectAll().execute();
    expect(rows).toHaveLength(1);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'calendar.%')
      .execute();
    expect(audit.filter((a) => a.action === 'calendar.feed_issue').length).toBeGreaterThanOrEqual(2);
  });
});
