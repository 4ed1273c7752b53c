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

let t: TestApp;
let tree: SmallTree;
let member: Client;
let secretary: Client;
let memberId: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  memberId = await makeMember(t.ctx, tree.branchA1);
  const sec = await makeMember(t.ctx, tree.branchA1);
  await makeAccount(t.ctx, { login: 'member', memberId });
  await makeAccount(t.ctx, {
    login: 'bithu',
    memberId: sec,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
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
});
