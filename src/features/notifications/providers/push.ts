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

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291). web-push builds the
 * signed, encrypted request; fetch sends it, so connections are kept alive across a batch.
 */
export function createPushProvider(opts: {
  vapid: VapidKeys;
  subject: string;
  timeoutMs?: number;
}): PushProvider {
  return {
    async send(sub, msg) {
      let details;
      try {
        details = webpush.generateRequestDetails(
          { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
          JSON.stringify({ title: msg.title, body: msg.body, url: msg.url }),
          {
            vapidDetails: {
              subject: opts.subject,
              publicKey: opts.vapid.publicKey,
              privateKey: opts.vapid.privateKey,
            },
            TTL: 24 * 3600,
            urgency: 'normal',
          },
        );
      } catch (err) {
        // Keys the browser gave us that cannot be used: the subscription is useless.
        return { status: 'gone', error: (err as Error).message };
      }
      try {
        const res = await fetch(details.endpoint, {
          method: details.method,
          headers: details.headers as Record<string, string>,
          body: details.body ? new Uint8Array(details.body) : undefined,
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
