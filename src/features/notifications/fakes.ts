// Local stand-ins for the outside services, speaking their real protocols: a Web Push service that checks the
// VAPID signature and decrypts the payload (RFC 8291/8292), a Zalo OA endpoint that checks the request shape,
// and an SMTP server. Used by the provider tests and the benchmark; never by the running application.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const b64u = (s: string) => Buffer.from(s, 'base64url');

/** A browser's subscription keys: the fake service decrypts with them, as the browser would. */
export interface FakeSubscriber {
  p256dh: string;
  auth: string;
  decrypt(body: Buffer): string;
}

export function makeSubscriber(): FakeSubscriber {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  const uaPublic = ecdh.getPublicKey();
  return {
    p256dh: uaPublic.toString('base64url'),
    auth: auth.toString('base64url'),
    decrypt(body) {
      const salt = body.subarray(0, 16);
      const idLen = body[20]!;
      const asPublic = body.subarray(21, 21 + idLen);
      const ct = body.subarray(21 + idLen);
      const secret = ecdh.computeSecret(asPublic);
      const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
      const ikm = Buffer.from(hkdfSync('sha256', secret, auth, keyInfo, 32));
      const cek = Buffer.from(
        hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16),
      );
      const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
      const d = createDecipheriv('aes-128-gcm', cek, nonce);
      d.setAuthTag(ct.subarray(ct.length - 16));
      const padded = Buffer.concat([d.update(ct.subarray(0, ct.length - 16)), d.final()]);
      const end = padded.lastIndexOf(2);
      return padded.subarray(0, end).toString('utf8');
    },
  };
}

export interface PushReceipt {
  path: string;
  payload: unknown;
  ttl: string | undefined;
  /** The VAPID JWT the request carried. */
  token: string;
}

export interface FakePushService {
  url: string;
  received: PushReceipt[];
  rejected: string[];
  /** Subscribers by endpoint path, for decryption. */
  subscribers: Map<string, FakeSubscriber>;
  /** TCP connections opened so far. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * Paths starting with /gone/ answer 410, /missing/ 404, /flaky/ 503; others 201 after checking the VAPID JWT
 * (ES256 over the `k` public key, audience = this origin, expiry in the future, a contact subject) and the
 * aes128gcm encryption (the payload must decrypt with the subscriber's keys).
 */
export async function startFakePushService(opts: { vapidPublicKey?: string } = {}): Promise<FakePushService> {
  const received: PushReceipt[] = [];
  const rejected: string[] = [];
  const subscribers = new Map<string, FakeSubscriber>();
  const verified = new Map<string, string>();
  let origin = '';
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = req.url ?? '/';
    const refuse = (why: string) => {
      rejected.push(`${path}: ${why}`);
      res.writeHead(401).end(why);
    };
    if (path.startsWith('/gone/')) return void res.writeHead(410).end();
    if (path.startsWith('/missing/')) return void res.writeHead(404).end();
    if (path.startsWith('/flaky/')) return void res.writeHead(503).end();
    const m = /^vapid t=([^,\s]+),\s*k=([\w-]+)$/.exec(String(req.headers.authorization ?? ''));
    if (!m) return refuse('no VAPID authorization');
    const [, jwt, k] = m;
    if (opts.vapidPublicKey && k !== opts.vapidPublicKey) return refuse('unexpected VAPID key');
    const [h, p, s] = jwt!.split('.');
    // Push services verify a token once and trust it until it expires; so does this fake.
    if (verified.get(jwt!) !== k) {
      const point = b64u(k!);
      let good = false;
      try {
        const key = createPublicKey({
          key: {
            kty: 'EC',
            crv: 'P-256',
            x: point.subarray(1, 33).toString('base64url'),
            y: point.subarray(33).toString('base64url'),
          },
          format: 'jwk',
        });
        good = verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, b64u(s ?? ''));
      } catch {
        good = false;
      }
      if (!good) return refuse('bad VAPID signature');
    }
    verified.set(jwt!, k!);
    const claims = JSON.parse(b64u(p!).toString('utf8')) as { aud: string; exp: number; sub: string };
    if (claims.aud !== origin) return refuse(`audience ${claims.aud}`);
    if (claims.exp * 1000 < Date.now()) return refuse('expired');
    if (!/^(mailto:|https:)/.test(claims.sub)) return refuse('no contact subject');
    if (req.headers['content-encoding'] !== 'aes128gcm') return refuse('not aes128gcm');
    if (!req.headers.ttl) return refuse('no TTL');
    const sub = subscribers.get(path);
    let payload: unknown = null;
    if (sub) {
      try {
        payload = JSON.parse(sub.decrypt(body));
      } catch {
        return refuse('payload does not decrypt');
      }
    }
    received.push({ path, payload, ttl: req.headers.ttl as string, token: jwt! });
    res.writeHead(201).end();
  });
  server.keepAliveTimeout = 30_000;
  let connections = 0;
  server.on('connection', () => connections++);
  origin = await listen(server);
  return {
    url: origin,
    received,
    rejected,
    subscribers,
    connections: () => connections,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface FakeZalo {
  url: string;
  messages: Array<{ userId: string; text: string }>;
  bad: string[];
  close(): Promise<void>;
}

/** Zalo OA v3 `message/cs`: checks the token header and the body shape; user "unfollowed" answers -213. */
export async function startFakeZalo(token: string, opts: { failAll?: boolean } = {}): Promise<FakeZalo> {
  const messages: FakeZalo['messages'] = [];
  const bad: string[] = [];
  const server = createServer(async (req, res) => {
    const raw = (await readBody(req)).toString('utf8');
    const answer = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
    };
    if (opts.failAll) return answer(502, { error: -32, message: 'down' });
    if (req.method !== 'POST' || req.url !== '/v3.0/oa/message/cs') {
      bad.push(`${req.method} ${req.url}`);
      return answer(404, { error: -201, message: 'not found' });
    }
    if (req.headers.access_token !== token)
      return answer(200, { error: -216, message: 'access token invalid' });
    if (!String(req.headers['content-type']).startsWith('application/json')) bad.push('content-type');
    let body: { recipient?: { user_id?: unknown }; message?: { text?: unknown } };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      bad.push('json');
      return answer(200, { error: -201, message: 'invalid body' });
    }
    if (typeof body.recipient?.user_id !== 'string' || typeof body.message?.text !== 'string') {
      bad.push(raw);
      return answer(200, { error: -201, message: 'invalid parameters' });
    }
    if (body.recipient.user_id === 'unfollowed')
      return answer(200, { error: -213, message: 'user not follow OA' });
    messages.push({ userId: body.recipient.user_id, text: body.message.text });
    answer(200, { error: 0, message: 'Success', data: { message_id: String(messages.length) } });
  });
  const url = await listen(server);
  return { url, messages, bad, close: () => new Promise((r) => server.close(() => r())) };
}

export interface FakeSmtp {
  url: string;
  mails: Array<{ from: string; to: string[]; raw: string }>;
  /** SMTP connections opened so far. */
  connections(): number;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on a free local port; mailboxes starting with "nobody@" are refused (550). */
export async function startFakeSmtp(): Promise<FakeSmtp> {
  const mails: FakeSmtp['mails'] = [];
  let connections = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, cb) {
      connections++;
      cb();
    },
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('nobody@')) {
        const err = new Error('mailbox unavailable') as Error & { responseCode: number };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    connections: () => connections,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
