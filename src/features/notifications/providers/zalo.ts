import type { OutgoingMessage, SendResult } from './types.ts';

export interface MessagingProvider {
  send(userId: string, msg: OutgoingMessage): Promise<SendResult>;
}

/**
 * Zalo Official Account consultation message: `POST {base}/v3.0/oa/message/cs` with the OA access token in the
 * `access_token` header and `{ recipient: { user_id }, message: { text } }`; the answer is `{ error: 0 }` on
 * success. Any HTTP messaging service with the same shape can sit behind SOTAY_ZALO_API_URL.
 */
export function createZaloProvider(opts: {
  baseUrl: string;
  accessToken: string;
  timeoutMs?: number;
}): MessagingProvider {
  const url = `${opts.baseUrl.replace(/\/$/, '')}/v3.0/oa/message/cs`;
  return {
    async send(userId, msg) {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', access_token: opts.accessToken },
          body: JSON.stringify({
            recipient: { user_id: userId },
            message: { text: `${msg.title}\n${msg.body}\n${msg.url}`.slice(0, 2000) },
          }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
        });
        const data = (await res.json().catch(() => null)) as { error?: number; message?: string } | null;
        if (res.ok && data?.error === 0) return { status: 'sent' };
        const error = `HTTP ${res.status} ${data?.error ?? ''} ${data?.message ?? ''}`.trim();
        // -213: the user does not follow the OA (any more); messages cannot reach them.
        if (data?.error === -213) return { status: 'gone', error };
        return { status: 'retry', error };
      } catch (err) {
        return { status: 'retry', error: (err as Error).message };
      }
    },
  };
}
