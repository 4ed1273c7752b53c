import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailProvider } from './providers/email.ts';
import { createPushProvider, generateVapidKeys } from './providers/push.ts';
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

const msg = {
  title: 'Họp chi bộ tháng 11',
  body: 'Họp lúc 19 giờ 30 tại nhà văn hoá thôn.',
  url: 'https://sotay.example.vn/meetings/1',
};
const vapid = generateVapidKeys();
let pushService: FakePushService;
let smtp: FakeSmtp;
let zalo: FakeZalo;

beforeAll(async () => {
  pushService = await startFakePushService({ vapidPublicKey: vapid.publicKey });
  smtp = await startFakeSmtp();
  zalo = await startFakeZalo('oa-token-123');
});
afterAll(async () => {
  await pushService.close();
  await smtp.close();
  await zalo.close();
});

describe('Web Push', () => {
  const push = createPushProvider({ vapid, subject: 'mailto:quantri@thaibinh.example.vn' });

  it('sends a VAPID-signed, encrypted message the subscriber can decrypt', async () => {
    const sub = makeSubscriber();
    pushService.subscribers.set('/send/abc', sub);
    const res = await push.send(
      { endpoint: `${pushService.url}/send/abc`, p256dh: sub.p256dh, auth: sub.auth },
      msg,
    );
    expect(res).toEqual({ status: 'sent' });
    expect(pushService.rejected).toEqual([]);
    expect(pushService.received.at(-1)!.payload).toEqual(msg);
  });

  it('is refused by the push service when signed with another key', async () => {
    const other = createPushProvider({ vapid: generateVapidKeys(), subject: 'mailto:a@b.vn' });
    const sub = makeSubscriber();
    const res = await other.send(
      { endpoint: `${pushService.url}/send/x`, p256dh: sub.p256dh, auth: sub.auth },
      msg,
    );
    expect(res.status).toBe('retry');
    expect(pushService.rejected.at(-1)).toContain('unexpected VAPID key');
  });

  it('reports expired subscriptions (404, 410) as gone and server errors as worth a retry', async () => {
    const sub = makeSubscriber();
    const at = (p: string) => ({ endpoint: `${pushService.url}${p}`, p256dh: sub.p256dh, auth: sub.auth });
    expect((await push.send(at('/gone/1'), msg)).status).toBe('gone');
    expect((await push.send(at('/missing/1'), msg)).status).toBe('gone');
    expect((await push.send(at('/flaky/1'), msg)).status).toBe('retry');
    expect((await push.send({ ...at('/send/1'), p256dh: 'not-a-key' }, msg)).status).toBe('gone');
    expect((await push.send({ ...at('/send/1'), endpoint: 'http://127.0.0.1:1/closed' }, msg)).status).toBe(
      'retry',
    );
  });
});

describe('e-mail over SMTP', () => {
  it('delivers a Vietnamese message with a link, and reports an unknown mailbox as gone', async () => {
    const email = createEmailProvider({ url: smtp.url, from: 'Sổ tay <sotay@example.vn>' });
    expect(await email.send('dangvien@example.vn', msg)).toEqual({ status: 'sent' });
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toEqual(['dangvien@example.vn']);
    expect(mail.raw).toContain('Subject: =?UTF-8?');
    // Quoted-printable bodies wrap long lines with soft breaks.
    expect(mail.raw.replace(/=\r\n/g, '')).toContain('https://sotay.example.vn/meetings/1');
    expect((await email.send('nobody@example.vn', msg)).status).toBe('gone');
    email.close();
  });

  it('reports an unreachable server as worth a retry', async () => {
    const email = createEmailProvider({ url: 'smtp://127.0.0.1:1', from: 'sotay@example.vn' });
    expect((await email.send('a@example.vn', msg)).status).toBe('retry');
    email.close();
  });
});

describe('Zalo Official Account', () => {
  it('posts the OA message shape with the access token', async () => {
    const z = createZaloProvider({ baseUrl: zalo.url, accessToken: 'oa-token-123' });
    expect(await z.send('84987000111', msg)).toEqual({ status: 'sent' });
    expect(zalo.bad).toEqual([]);
    expect(zalo.messages.at(-1)).toEqual({
      userId: '84987000111',
      text: `${msg.title}\n${msg.body}\n${msg.url}`,
    });
    expect((await z.send('unfollowed', msg)).status).toBe('gone');
  });

  it('treats a wrong token or a down service as worth a retry', async () => {
    const wrong = createZaloProvider({ baseUrl: zalo.url, accessToken: 'expired' });
    expect((await wrong.send('84987000111', msg)).status).toBe('retry');
    const down = await startFakeZalo('t', { failAll: true });
    expect((await createZaloProvider({ baseUrl: down.url, accessToken: 't' }).send('1', msg)).status).toBe(
      'retry',
    );
    await down.close();
  });
});
