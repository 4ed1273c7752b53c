import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';
import { setProviders } from './config.ts';
import { createEmailProvider } from './providers/email.ts';
import { createPushProvider } from './providers/push.ts';
import { createZaloProvider } from './providers/zalo.ts';
import {
  makeSubscriber,
  startFakePushService,
  startFakeSmtp,
  startFakeZalo,
  type FakePushService,
  type FakeSmtp,
  type FakeZalo,
} from './fakes.ts';
import { vapidKeys } from './vapid.ts';
import { runDigest } from './digest.ts';
import { vnHour } from './prefs.ts';
import { runFanoutStep } from './fanout.ts';

let t: TestApp;
let tree: SmallTree;
let pushService: FakePushService;
let smtp: FakeSmtp;
let zaloDown: FakeZalo;
const clients: Record<string, Client> = {};
const accounts: Record<string, string> = {};

async function jobsOf(kind: string) {
  return t.ctx.db.selectFrom('jobs').selectAll().where('kind', '=', kind).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  pushService = await startFakePushService({ vapidPublicKey: (await vapidKeys(t.ctx.db)).publicKey });
  smtp = await startFakeSmtp();
  // The messaging channel is down for the whole test: push and e-mail must still arrive.
  zaloDown = await startFakeZalo('tok', { failAll: true });
  setProviders(t.ctx, {
    push: createPushProvider({ vapid: await vapidKeys(t.ctx.db), subject: 'mailto:quantri@example.vn' }),
    email: createEmailProvider({ url: smtp.url, from: 'sotay@example.vn' }),
    zalo: createZaloProvider({ baseUrl: zaloDown.url, accessToken: 'tok' }),
    publicUrl: 'https://sotay.example.vn',
  });
  for (const [name, org] of [
    ['a1', tree.branchA1],
    ['a1b', tree.branchA1],
    ['a2', tree.branchA2],
    ['b1', tree.branchB1],
  ] as const) {
    const member = await makeMember(t.ctx, org);
    accounts[name] = (await makeAccount(t.ctx, { login: name, memberId: member })).id;
    clients[name] = await login(t.app, name, PASSWORD);
  }
});
afterAll(async () => {
  await t?.close();
  await pushService?.close();
  await smtp?.close();
  await zaloDown?.close();
});

describe('preferences and push subscriptions', () => {
  it('are each member’s own, with validation', async () => {
    const sub = makeSubscriber();
    pushService.subscribers.set('/send/a1', sub);
    let res = await clients.a1!.post('/api/v1/notifications/push/subscriptions', {
      endpoint: `${pushService.url.replace('http:', 'https:')}/send/a1`,
      keys: { p256dh: sub.p256dh, auth: sub.auth },
    });
    expect(res.statusCode, res.body).toBe(204);
    // The fake service speaks plain HTTP; point the stored endpoint at it.
    await t.ctx.db
      .updateTable('push_subscriptions')
      .set({ endpoint: `${pushService.url}/send/a1` })
      .where('account_id', '=', accounts.a1!)
      .execute();
    res = await clients.a1!.post('/api/v1/notifications/push/subscriptions', {
      endpoint: 'javascript:alert(1)//xxxxxxxx',
      keys: { p256dh: 'x', auth: 'y' },
    });
    expect(res.json().error.code).toBe('PUSH_SUBSCRIPTION_INVALID');
    res = await clients.a1!.put('/api/v1/notifications/preferences', {
      channels: { email: true, zalo: true },
      email: 'a1@example.vn',
      zaloUserId: '84900000001',
      quietHours: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().channels).toEqual({ push: true, email: true, zalo: true });
    const bad = await clients.a1!.put('/api/v1/notifications/preferences', { email: 'khong-phai-email' });
    expect(bad.json().error.code).toBe('NOTIFICATION_EMAIL_INVALID');
    // a1b has a dead push subscription and takes no e-mail; a2 turned content off for push.
    const dead = makeSubscriber();
    await t.ctx.db
      .insertInto('push_subscriptions')
      .values({
        id: 'dead-sub',
        account_id: accounts.a1b!,
        endpoint: `${pushService.url}/gone/a1b`,
        p256dh: dead.p256dh,
        auth: dead.auth,
        created_at: new Date().toISOString(),
      })
      .execute();
    await clients.a1b!.put('/api/v1/notifications/preferences', { quietHours: null });
    await clients.a2!.put('/api/v1/notifications/preferences', {
      events: { content: { push: false } },
      quietHours: null,
    });
    const got = (await clients.a2!.get('/api/v1/notifications/preferences')).json();
    expect(got.preferences.events.content.push).toBe(false);
    expect(got.eventKinds).toHaveLength(8);
  });
});

describe('an event published to commune A', () => {
  it('queues one fan-out job on the publishing path, then reaches inboxes and channels through the queue', async () => {
    await t.ctx.bus.publish({
      topic: 'news.published',
      payload: {
        title: 'Tin mới: Hội nghị Ban Chấp hành',
        body: 'Đọc tin trong mục Tin tức.',
        url: '/news/n1',
        audience: [tree.communeA.path],
        eventId: 'news:n1',
      },
    });
    await vi.waitFor(async () => expect(await jobsOf('notifications.fanout')).toHaveLength(1));
    // A second publication of the same event (another process on a shared bus) adds nothing.
    await t.ctx.bus.publish({
      topic: 'news.published',
      payload: {
        title: 'Tin mới: Hội nghị Ban Chấp hành',
        audience: [tree.communeA.path],
        eventId: 'news:n1',
      },
    });
    expect(await t.ctx.db.selectFrom('notifications').selectAll().execute()).toHaveLength(0);
    await runDueJobs(t.ctx);
    await vi.waitFor(async () => expect((await jobsOf('notifications.fanout')).length).toBe(1));

    const rows = await t.ctx.db.selectFrom('notifications').select(['account_id']).execute();
    expect(rows.map((r) => r.account_id).sort()).toEqual([accounts.a1, accounts.a1b, accounts.a2].sort());
    // Push reached a1 (decrypted payload), the dead subscription of a1b was pruned, a2 opted out of push.
    expect(pushService.received.map((r) => r.path)).toEqual(['/send/a1']);
    expect(pushService.received[0]!.payload).toMatchObject({
      title: 'Tin mới: Hội nghị Ban Chấp hành',
      url: 'https://sotay.example.vn/news/n1',
    });
    expect(
      await t.ctx.db.selectFrom('push_subscriptions').select('id').where('id', '=', 'dead-sub').execute(),
    ).toEqual([]);
    // E-mail arrived although the messaging channel failed; its failure is queued for a retry on its own.
    expect(smtp.mails.map((m) => m.to[0])).toEqual(['a1@example.vn']);
    const retries = (await jobsOf('notifications.deliver')).filter((j) => j.status === 'pending');
    expect(retries).toHaveLength(1);
    expect(JSON.parse(retries[0]!.payload)).toMatchObject({ channel: 'zalo', tries: 1 });
  });

  it('finds the same recipients when a large audience is walked account by account', async () => {
    const event = { title: 'Tin cả tỉnh', audience: [tree.communeA.path], eventId: 'scan:1' };
    const base = {
      topic: 'news.published',
      kind: 'content' as const,
      event,
      eventKey: 'news.published:scan:1',
      after: null,
      offset: 0,
    };
    await runFanoutStep(t.ctx, { ...base, mode: 'scan' });
    const rows = await t.ctx.db
      .selectFrom('notifications')
      .select('account_id')
      .where('event_key', '=', base.eventKey)
      .execute();
    expect(rows.map((r) => r.account_id).sort()).toEqual([accounts.a1, accounts.a1b, accounts.a2].sort());
    await t.ctx.db.deleteFrom('notifications').where('event_key', '=', base.eventKey).execute();
    // Its deliveries are not part of what the later tests count.
    await t.ctx.db
      .deleteFrom('jobs')
      .where('kind', '=', 'notifications.deliver')
      .where('status', '=', 'pending')
      .where('payload', 'not like', '%"tries"%')
      .execute();
  });

  it('stores each inbox row once, with the event fields, when a fan-out step runs twice', async () => {
    const base = {
      topic: 'contest.starting',
      kind: 'contest' as const,
      event: {
        title: 'Cuộc thi tìm hiểu Điều lệ Đảng bắt đầu',
        audience: [tree.communeA.path],
        eventId: 'twice:1',
      },
      eventKey: 'contest.starting:twice:1',
      after: null,
      offset: 0,
    };
    await runFanoutStep(t.ctx, { ...base });
    await runFanoutStep(t.ctx, { ...base });
    const rows = await t.ctx.db
      .selectFrom('notifications')
      .selectAll()
      .where('event_key', '=', base.eventKey)
      .execute();
    expect(rows.map((r) => r.account_id).sort()).toEqual([accounts.a1, accounts.a1b, accounts.a2].sort());
    for (const r of rows) {
      expect(r).toMatchObject({
        kind: 'contest',
        topic: 'contest.starting',
        title: 'Cuộc thi tìm hiểu Điều lệ Đảng bắt đầu',
        body: '',
        url: null,
        read_at: null,
      });
      expect(Number.isNaN(Date.parse(r.created_at))).toBe(false);
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(3);
    await t.ctx.db.deleteFrom('notifications').where('event_key', '=', base.eventKey).execute();
    await t.ctx.db
      .deleteFrom('jobs')
      .where('kind', '=', 'notifications.deliver')
      .where('status', '=', 'pending')
      .where('payload', 'not like', '%"tries"%')
      .execute();
  });

  it('shows in the inbox with an unread count; only the owner can mark it read', async () => {
    const inbox = (await clients.a1!.get('/api/v1/notifications')).json();
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      title: 'Tin mới: Hội nghị Ban Chấp hành',
      kind: 'content',
      url: '/news/n1',
    });
    const id = inbox.items[0].id;
    expect((await clients.b1!.get('/api/v1/notifications')).json().items).toEqual([]);
    expect((await clients.a2!.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(404);
    expect((await clients.a1!.get('/api/v1/notifications/unread-count')).json().unread).toBe(1);
    expect((await clients.a1!.post(`/api/v1/notifications/${id}/read`)).json().unread).toBe(0);
    expect((await clients.a2!.post('/api/v1/notifications/read-all')).json().marked).toBe(1);
  });
});

describe('quiet hours and the daily digest', () => {
  it('hold messages until the quiet window ends', async () => {
    const now = new Date();
    const hh = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
    await clients.a1!.put('/api/v1/notifications/preferences', {
      channels: { email: false, zalo: false },
      quietHours: {
        start: hh(new Date(now.getTime() - 3600_000)),
        end: hh(new Date(now.getTime() + 3600_000)),
      },
    });
    await t.ctx.bus.publish({
      topic: 'task.due',
      payload: { title: 'Nhiệm vụ sắp đến hạn', accountIds: [accounts.a1], eventId: 'task:1' },
    });
    await vi.waitFor(async () => expect((await jobsOf('notifications.fanout')).length).toBe(2));
    const before = pushService.received.length;
    await runDueJobs(t.ctx);
    expect(pushService.received.length).toBe(before);
    const held = (await jobsOf('notifications.deliver')).filter(
      (j) => j.status === 'pending' && j.payload.includes('"push"'),
    );
    expect(held).toHaveLength(1);
    const runAt = new Date(held[0]!.run_at).getTime();
    expect(runAt).toBeGreaterThan(now.getTime() + 50 * 60_000);
    expect(runAt).toBeLessThanOrEqual(now.getTime() + 61 * 60_000);
    expect((await clients.a1!.get('/api/v1/notifications/unread-count')).json().unread).toBe(1);
  });

  it('replace instant messages by one summary a day in the chosen hour', async () => {
    const now = new Date();
    await clients.a1b!.put('/api/v1/notifications/preferences', {
      channels: { email: true },
      email: 'a1b@example.vn',
      digest: { enabled: true, hour: vnHour(now) },
    });
    await t.ctx.bus.publish({
      topic: 'meeting.reminder',
      payload: { title: 'Nhắc họp chi bộ tối nay', orgPath: tree.branchA1.path, eventId: 'mtg:1' },
    });
    await vi.waitFor(async () => expect((await jobsOf('notifications.fanout')).length).toBe(3));
    const mailsBefore = smtp.mails.length;
    await runDueJobs(t.ctx);
    expect(smtp.mails.filter((m) => m.to[0] === 'a1b@example.vn')).toHaveLength(0);
    expect(await runDigest(t.ctx, now)).toBe(1);
    const digest = smtp.mails.slice(mailsBefore).filter((m) => m.to[0] === 'a1b@example.vn');
    expect(digest).toHaveLength(1);
    expect(digest[0]!.raw).toContain('Subject: =?UTF-8?');
    // Once a day: a second run in the same hour sends nothing.
    expect(await runDigest(t.ctx, now)).toBe(0);
  });
});
