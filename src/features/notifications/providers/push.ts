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
}

// A VAPID token may live up to 24 h (RFC 8292 §2); we sign one per push service origin every 12 h and reuse it,
// so a batch pays for one ECDSA signature per service instead of one per message.
const TOKEN_SECONDS = 12 * 3600;

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291). web-push encrypts and
 * signs; fetch sends, so connections are kept alive across a batch.
 */
export function createPushProvider(opts: {
  vapid: VapidKeys;
  subject: string;
  timeoutMs?: number;
}): PushProvider {
  const tokens = new Map<string, { header: string; until: number }>();
  const authorization = (endpoint: string): string => {
    const origin = new URL(endpoint).origin;
    const now = Math.floor(Date.now() / 1000);
    let token = tokens.get(origin);
    if (!token || token.until - 600 < now) {
      const until = now + TOKEN_SECONDS;
      const headers = webpush.getVapidHeaders(
        origin,
        opts.subject,
        opts.vapid.publicKey,
        opts.vapid.privateKey,
        'aes128gcm',
        until,
      );
      token = { header: headers.Authorization, until };
      tokens.set(origin, token);
    }
    return token.header;
  };
  return {
    async send(sub, msg) {
      let headers: Record<string, string>;
      let body: Uint8Array<ArrayBuffer>;
      try {
        const payload = JSON.stringify({ title: msg.title, body: msg.body, url: msg.url });
        const encrypted = webpush.encrypt(sub.p256dh, sub.auth, payload, 'aes128gcm');
        body = new Uint8Array(encrypted.cipherText.byteLength);
        body.set(encrypted.cipherText);
        headers = {
          Authorization: authorization(sub.endpoint),
          'Content-Encoding': 'aes128gcm',
          'Content-Type': 'application/octet-stream',
          TTL: String(24 * 3600),
          Urgency: 'normal',
        };
      } catch (err) {
        // Keys the browser gave us that cannot be used: the subscription is useless.
        return { status: 'gone', error: (err as Error).message };
      }
      try {
        const res = await fetch(sub.endpoint, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
        });
        await res.arrayBuffer();
        if (res.status >= 200 && res.status < 300) return { status: 'sent' };
        if (res.status === 404 || res.status === 410) return { status: 'gone', error: `HTTP ${res.status}` };
        return { status: 'retry', error: `HTTP ${res.status}` };
      } catch (err) {
        return { status: 'retry', error: (err as Error).message };
      }
    },
  };
}

export function generateVapidKeys(): VapidKeys {
  return webpush.generateVAPIDKeys();
}
