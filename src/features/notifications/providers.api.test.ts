import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailProvider } from './providers/email.ts';
import { createPublicKey, verify } from 'node:crypto';
import {
  MAX_PLAINTEXT,
  VAPID_RENEW_SECONDS,
  VAPID_TOKEN_SECONDS,
  createPushProvider,
  createVapidTokens,
  encryptPayload,
  generateVapidKeys,
  pushPayload,
} from './providers/push.ts';
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

/** The JWT of a `vapid t=…, k=…` header: its claims, and whether its ES256 signature verifies with `k`. */
function readVapid(header: string) {
  const [, jwt, k] = /^vapid t=([^,]+), k=(.+)$/.exec(header)!;
  const [h, p, sig] = jwt!.split('.');
  const point = Buffer.from(k!, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  return {
    jwt: jwt!,
    k: k!,
    claims: JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) as {
      aud: string;
      exp: number;
      sub: string;
    },
    valid: verify(
      'sha256',
      Buffer.from(`${h}.${p}`),
      { key, dsaEncoding: 'ieee-p1363' },
      Buffer.from(sig!, 'base64url'),
    ),
  };
}

describe('VAPID tokens', () => {
  it('reuse one signed token per push service within its life and renew it before it expires', () => {
    let clock = 1_800_000_000;
    const tokens = createVapidTokens({ vapid, subject: 'mailto:quantri@example.vn', now: () => clock });
    const first = tokens.header('https://fcm.googleapis.com/fcm/send/aaa');
    const t1 = readVapid(first);
    expect(t1.valid).toBe(true);
    expect(t1.k).toBe(vapid.publicKey);
    expect(t1.claims).toEqual({
      aud: 'https://fcm.googleapis.com',
      exp: clock + VAPID_TOKEN_SECONDS,
      sub: 'mailto:quantri@example.vn',
    });
    expect(VAPID_TOKEN_SECONDS).toBeLessThanOrEqual(24 * 3600);

    // Another subscription on the same service, later but well inside the token's life: the same token.
    clock += VAPID_TOKEN_SECONDS - VAPID_RENEW_SECONDS - 1;
    expect(tokens.header('https://fcm.googleapis.com/fcm/send/bbb')).toBe(first);
    expect(tokens.signed()).toBe(1);

    // Another push service: a token of its own, with its own audience.
    const moz = readVapid(tokens.header('https://updates.push.services.mozilla.com/wpush/v2/ccc'));
    expect(moz.valid).toBe(true);
    expect(moz.claims.aud).toBe('https://updates.push.services.mozilla.com');
    expect(moz.jwt).not.toBe(t1.jwt);
    expect(tokens.signed()).toBe(2);

    // Close to the expiry: a new token, valid from now on, before the old one could expire in flight.
    clock += 1;
    const renewed = readVapid(tokens.header('https://fcm.googleapis.com/fcm/send/aaa'));
    expect(renewed.jwt).not.toBe(t1.jwt);
    expect(renewed.valid).toBe(true);
    expect(renewed.claims.exp).toBe(clock + VAPID_TOKEN_SECONDS);
    expect(t1.claims.exp - clock).toBe(VAPID_RENEW_SECONDS);
    expect(tokens.signed()).toBe(3);
  });

  it('send one token for a whole batch to the push service, which accepts every message', async () => {
    const push = createPushProvider({ vapid, subject: 'mailto:quantri@example.vn' });
    const sub = makeSubscriber();
    const before = pushService.received.length;
    const connectionsBefore = pushService.connections();
    for (let i = 0; i < 5; i++) {
      pushService.subscribers.set(`/send/batch${i}`, sub);
      const res = await push.send(
        { endpoint: `${pushService.url}/send/batch${i}`, p256dh: sub.p256dh, auth: sub.auth },
        { ...msg, title: `Tin ${i}` },
      );
      expect(res).toEqual({ status: 'sent' });
    }
    // One after another over a kept-alive connection.
    expect(pushService.connections() - connectionsBefore).toBe(1);
    push.close();
    const got = pushService.received.slice(before);
    expect(got.map((r) => (r.payload as { title: string }).title)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `Tin ${i}`),
    );
    expect(new Set(got.map((r) => r.token)).size).toBe(1);
    expect(readVapid(`vapid t=${got[0]!.token}, k=${vapid.publicKey}`).claims.aud).toBe(pushService.url);
  });
});

describe('aes128gcm payload encryption', () => {
  it('uses a fresh key pair and salt for every message, and the subscriber decrypts each', () => {
    const sub = makeSubscriber();
    const a = encryptPayload(sub.p256dh, sub.auth, 'Xin chào đồng chí');
    const b = encryptPayload(sub.p256dh, sub.auth, 'Xin chào đồng chí');
    // Header: salt (16), record size (4), key length (1), the sender's one-time public key (65).
    expect(a.readUInt32BE(16)).toBe(4096);
    expect(a[20]).toBe(65);
    expect(a.subarray(0, 16).equals(b.subarray(0, 16))).toBe(false);
    expect(a.subarray(21, 86).equals(b.subarray(21, 86))).toBe(false);
    expect(sub.decrypt(a)).toBe('Xin chào đồng chí');
    expect(sub.decrypt(b)).toBe('Xin chào đồng chí');
    // A tampered byte fails the authentication tag.
    const bad = Buffer.from(a);
    bad[bad.length - 20]! ^= 1;
    expect(() => sub.decrypt(bad)).toThrow();
  });

  it('shortens a body too long for one push message, keeping title and link', () => {
    const long = { ...msg, body: 'Đảng viên đọc và học tập nghị quyết. '.repeat(200) };
    const json = pushPayload(long);
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(MAX_PLAINTEXT);
    const parsed = JSON.parse(json) as typeof msg;
    expect(parsed.title).toBe(msg.title);
    expect(parsed.url).toBe(msg.url);
    expect(parsed.body.endsWith('…')).toBe(true);
    expect(long.body.startsWith(parsed.body.slice(0, -1))).toBe(true);
    expect(pushPayload(msg)).toBe(JSON.stringify(msg));
    const sub = makeSubscriber();
    expect(JSON.parse(sub.decrypt(encryptPayload(sub.p256dh, sub.auth, json)))).toEqual(parsed);
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

  it('builds the message once and gives every recipient their own To and Message-ID', async () => {
    const email = createEmailProvider({
      url: smtp.url,
      from: 'Sổ tay <sotay@example.vn>',
      maxConnections: 3,
    });
    const before = smtp.mails.length;
    const connectionsBefore = smtp.connections();
    const to = ['a1@example.vn', 'a2@example.vn', 'a3@example.vn', 'a4@example.vn'];
    const results = await Promise.all(to.map((t) => email.send(t, msg)));
    expect(results).toEqual(to.map(() => ({ status: 'sent' })));
    // An address with a display name is not plain: the full composer writes it.
    expect(await email.send('Nguyễn Văn An <an@example.vn>', msg)).toEqual({ status: 'sent' });
    // One after another, more messages than connections: the pooled connections carry them all.
    for (const t of to)
      expect(await email.send(t, { ...msg, title: 'Nhắc họp' })).toEqual({ status: 'sent' });
    expect(smtp.connections() - connectionsBefore).toBeLessThanOrEqual(3);
    email.close();
    const mails = smtp.mails.slice(before, before + 5);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([...to, 'an@example.vn'].sort());
    const header = (raw: string, name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(raw)?.[1]?.trim();
    for (const m of mails) {
      expect(m.from).toBe('sotay@example.vn');
      expect(header(m.raw, 'To')).toContain(m.to[0]);
      expect(header(m.raw, 'Subject')).toMatch(/^=\?UTF-8\?/);
      expect(header(m.raw, 'Message-ID')).toMatch(/^<[^@\s]+@example\.vn>$/);
      expect(m.raw).not.toContain('template@');
      expect(m.raw.replace(/=\r\n/g, '')).toContain('https://sotay.example.vn/meetings/1');
    }
    expect(new Set(mails.map((m) => header(m.raw, 'Message-ID'))).size).toBe(mails.length);
    // The four plain ones share one built body (same MIME boundary).
    const boundary = (raw: string) => /boundary="([^"]+)"/.exec(raw)?.[1];
    const plain = mails.filter((m) => m.to[0] !== 'an@example.vn');
    expect(new Set(plain.map((m) => boundary(m.raw))).size).toBe(1);
    // Another notification is another message.
    const other = createEmailProvider({ url: smtp.url, from: 'sotay@example.vn' });
    expect(await other.send('a1@example.vn', { ...msg, title: 'Kết quả kiểm phiếu' })).toEqual({
      status: 'sent',
    });
    other.close();
    expect(smtp.mails.at(-1)!.raw).toContain('Subject: =?UTF-8?Q?K=E1=BA=BFt');
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
