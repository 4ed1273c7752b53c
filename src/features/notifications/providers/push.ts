import {
  createCipheriv,
  createECDH,
  createHmac,
  createPrivateKey,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import webpush from 'web-push';
import type { OutgoingMessage, SendResult } from './types.ts';

export interface PushSubscriptionKeys {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export interface PushProvider {
  send(sub: PushSubscriptionKeys, msg: OutgoingMessage): Promise<SendResult>;
  /** Closes the kept-alive connections to the push services. */
  close(): void;
}

/**
 * A VAPID token may live up to 24 h (RFC 8292 §2); we sign one per push service origin valid for 12 h and reuse
 * it, so a batch pays for one ECDSA signature per service instead of one per message.
 */
export const VAPID_TOKEN_SECONDS = 12 * 3600;
/** A token is replaced this long before it expires, so no request carries one that expires in flight. */
export const VAPID_RENEW_SECONDS = 600;

const b64u = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/**
 * VAPID `Authorization` headers (RFC 8292 §3: `vapid t=<JWT>, k=<public key>`), one ES256 token per push
 * service origin (the JWT's `aud`), reused until VAPID_RENEW_SECONDS before its expiry.
 */
export function createVapidTokens(opts: {
  vapid: VapidKeys;
  subject: string;
  /** Seconds since the epoch (tests move the clock). */
  now?: () => number;
}): { header(endpoint: string): string; signed: () => number } {
  const point = Buffer.from(opts.vapid.publicKey, 'base64url');
  if (point.length !== 65 || point[0] !== 4)
    throw new Error('VAPID public key must be an uncompressed P-256 point');
  const key: KeyObject = createPrivateKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: opts.vapid.privateKey,
      x: b64u(point.subarray(1, 33)),
      y: b64u(point.subarray(33)),
    },
    format: 'jwk',
  });
  if (!/^(mailto:|https:)/.test(opts.subject))
    throw new Error('VAPID subject must be a mailto: or https: URL');
  const now = opts.now ?? (() => Math.floor(Date.now() / 1000));
  const head = b64u(JSON.stringify({ typ: 'JWT', alg: 'ES256' }));
  const tokens = new Map<string, { header: string; until: number }>();
  let signed = 0;
  return {
    header(endpoint) {
      const origin = new URL(endpoint).origin;
      const t = now();
      let token = tokens.get(origin);
      if (!token || token.until - VAPID_RENEW_SECONDS <= t) {
        const until = t + VAPID_TOKEN_SECONDS;
        const claims = b64u(JSON.stringify({ aud: origin, exp: until, sub: opts.subject }));
        const signature = sign('sha256', Buffer.from(`${head}.${claims}`), {
          key,
          dsaEncoding: 'ieee-p1363',
        });
        token = { header: `vapid t=${head}.${claims}.${b64u(signature)}, k=${opts.vapid.publicKey}`, until };
        tokens.set(origin, token);
        signed++;
      }
      return token.header;
    },
    signed: () => signed,
  };
}

const KEY_INFO = Buffer.from('WebPush: info\0');
const CEK_INFO = Buffer.from('Content-Encoding: aes128gcm\0\x01');
const NONCE_INFO = Buffer.from('Content-Encoding: nonce\0\x01');
const ONE = Buffer.of(1);
const LAST_RECORD = Buffer.of(2);
const RECORD_SIZE = 4096;
/** Push services accept 4,096 bytes of body (RFC 8030 §7.2): 86 bytes of header, the text, 0x02, a 16-byte tag. */
export const MAX_PLAINTEXT = 4096 - 86 - 17;

/** The JSON the service worker shows; a body too long for one push message is shortened (the link has it all). */
export function pushPayload(msg: OutgoingMessage): string {
  let body = msg.body;
  for (;;) {
    const json = JSON.stringify({ title: msg.title, body, url: msg.url });
    if (Buffer.byteLength(json) <= MAX_PLAINTEXT || body.length === 0) return json;
    body = `${[...body].slice(0, Math.floor([...body].length * 0.8)).join('')}…`.replace(/^…$/, '');
  }
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();
/** One ECDH object, given a new key pair for every message (generateKeys replaces the previous pair). */
const ephemeral = createECDH('prime256v1');

/**
 * RFC 8291 message encryption with the aes128gcm content coding (RFC 8188), one record: a fresh ECDH key pair
 * and salt for every message (the standard requires it). HKDF-SHA-256 written out with HMAC (RFC 5869; every
 * output is at most one hash long, so expand is one HMAC of `info || 0x01`):
 * IKM = HKDF(auth, ecdh_secret, "WebPush: info" || 0 || ua_public || as_public, 32), then CEK and NONCE from
 * HKDF(salt, IKM, …).
 */
export function encryptPayload(p256dh: string, auth: string, payload: string): Buffer {
  const uaPublic = Buffer.from(p256dh, 'base64url');
  const authSecret = Buffer.from(auth, 'base64url');
  if (uaPublic.length !== 65 || uaPublic[0] !== 4) throw new Error('p256dh must be a 65-byte P-256 point');
  if (authSecret.length < 16) throw new Error('auth secret must be at least 16 bytes');
  const plain = Buffer.from(payload, 'utf8');
  if (plain.length > MAX_PLAINTEXT) throw new Error('payload too large for one push message');
  const asPublic = ephemeral.generateKeys();
  const secret = ephemeral.computeSecret(uaPublic);
  const ikm = hmac(hmac(authSecret, secret), Buffer.concat([KEY_INFO, uaPublic, asPublic, ONE]));
  const salt = randomBytes(16);
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, CEK_INFO).subarray(0, 16);
  const nonce = hmac(prk, NONCE_INFO).subarray(0, 12);
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  const header = Buffer.alloc(21);
  salt.copy(header, 0);
  header.writeUInt32BE(RECORD_SIZE, 16);
  header[20] = asPublic.length;
  return Buffer.concat([
    header,
    asPublic,
    cipher.update(plain),
    cipher.update(LAST_RECORD),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
}

function post(
  url: URL,
  headers: Record<string, string | number>,
  body: Buffer,
  agents: { http: HttpAgent; https: HttpsAgent },
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const https = url.protocol === 'https:';
    const options: RequestOptions = {
      method: 'POST',
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || (https ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, 'Content-Length': body.length },
      agent: https ? agents.https : agents.http,
      timeout: timeoutMs,
    };
    const req = (https ? httpsRequest : httpRequest)(options, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291). Connections to each push
 * service are kept alive and shared across a batch (`maxSockets` per service).
 */
export function createPushProvider(opts: {
  vapid: VapidKeys;
  subject: string;
  timeoutMs?: number;
  /** Connections per push service; the delivery job's concurrency is the useful maximum. */
  maxSockets?: number;
  now?: () => number;
}): PushProvider {
  const vapid = createVapidTokens(opts);
  const sockets = {
    keepAlive: true,
    maxSockets: opts.maxSockets ?? 64,
    maxFreeSockets: opts.maxSockets ?? 64,
  };
  const agents = { http: new HttpAgent(sockets), https: new HttpsAgent(sockets) };
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    async send(sub, msg) {
      let url: URL;
      let body: Buffer;
      let authorization: string;
      try {
        url = new URL(sub.endpoint);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('endpoint is not http(s)');
        body = encryptPayload(sub.p256dh, sub.auth, pushPayload(msg));
        authorization = vapid.header(sub.endpoint);
      } catch (err) {
        // Keys or an endpoint the browser gave us that cannot be used: the subscription is useless.
        return { status: 'gone', error: (err as Error).message };
      }
      try {
        const status = await post(
          url,
          {
            Authorization: authorization,
            'Content-Encoding': 'aes128gcm',
            'Content-Type': 'application/octet-stream',
            TTL: 24 * 3600,
            Urgency: 'normal',
          },
          body,
          agents,
          timeoutMs,
        );
        if (status >= 200 && status < 300) return { status: 'sent' };
        if (status === 404 || status === 410) return { status: 'gone', error: `HTTP ${status}` };
        return { status: 'retry', error: `HTTP ${status}` };
      } catch (err) {
        return { status: 'retry', error: (err as Error).message };
      }
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}
