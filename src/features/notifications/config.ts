import type { AppContext } from '../../platform/context.ts';
import { createEmailProvider, type EmailProvider } from './providers/email.ts';
import { createPushProvider, type PushProvider } from './providers/push.ts';
import { createZaloProvider, type MessagingProvider } from './providers/zalo.ts';
import { vapidKeys } from './vapid.ts';

/**
 * The outside channels, configured by environment:
 *   SOTAY_SMTP_URL (smtp://user:pass@host:587), SOTAY_MAIL_FROM — e-mail;
 *   SOTAY_ZALO_OA_TOKEN, SOTAY_ZALO_API_URL (default https://openapi.zalo.me) — Zalo Official Account;
 *   SOTAY_VAPID_SUBJECT (mailto: or https: contact for push services) — Web Push (always on, keys in the DB);
 *   SOTAY_PUBLIC_URL — the address links in messages point to.
 * A channel without configuration is simply not used.
 */
export interface Providers {
  push: PushProvider | null;
  email: EmailProvider | null;
  zalo: MessagingProvider | null;
  publicUrl: string;
}

const cache = new WeakMap<AppContext, Promise<Providers>>();

export function providersFromEnv(ctx: AppContext, env: NodeJS.ProcessEnv = process.env): Promise<Providers> {
  return (async () => {
    const vapid = await vapidKeys(ctx.db);
    const smtp = env.SOTAY_SMTP_URL?.trim();
    const zaloToken = env.SOTAY_ZALO_OA_TOKEN?.trim();
    return {
      push: createPushProvider({
        vapid,
        subject: env.SOTAY_VAPID_SUBJECT?.trim() || 'mailto:quantri@sotay.invalid',
      }),
      email: smtp
        ? createEmailProvider({
            url: smtp,
            from: env.SOTAY_MAIL_FROM?.trim() || 'Sổ tay Đảng viên <sotay@localhost>',
          })
        : null,
      zalo: zaloToken
        ? createZaloProvider({
            baseUrl: env.SOTAY_ZALO_API_URL?.trim() || 'https://openapi.zalo.me',
            accessToken: zaloToken,
          })
        : null,
      publicUrl: (env.SOTAY_PUBLIC_URL?.trim() || `http://localhost:${ctx.config.port}`).replace(/\/$/, ''),
    };
  })();
}

export function providersFor(ctx: AppContext): Promise<Providers> {
  let p = cache.get(ctx);
  if (!p) {
    p = providersFromEnv(ctx);
    cache.set(ctx, p);
  }
  return p;
}

/** Replaces the channels of one running context (tests and benchmarks point them at local fakes). */
export function setProviders(ctx: AppContext, providers: Providers): void {
  cache.set(ctx, Promise.resolve(providers));
}
