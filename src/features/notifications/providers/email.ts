import { randomBytes } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMessage, SendResult } from './types.ts';

export interface EmailProvider {
  send(to: string, msg: OutgoingMessage): Promise<SendResult>;
  close(): void;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A plain ASCII mailbox (`name@example.vn`): safe to write into a header and an envelope as it is. */
const PLAIN_ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const TEMPLATE_ID = 'Message-ID: <template@sotay.invalid>\r\n';
/** A built message is reused for this long (its Date header stays close to the sending time). */
export const TEMPLATE_MS = 60_000;
const TEMPLATES_KEPT = 64;

function content(from: string, msg: OutgoingMessage) {
  return {
    from,
    subject: msg.title,
    text: `${msg.body}\n\nXem trong Sổ tay: ${msg.url}\n`,
    html:
      `<p>${escapeHtml(msg.body).replace(/\n/g, '<br>')}</p>` +
      `<p><a href="${escapeHtml(msg.url)}">Xem trong Sổ tay</a></p>`,
  };
}

/**
 * E-mail over SMTP (`smtp://user:pass@host:587`, `smtps://…`), pooled connections (PIPELINING when the server
 * offers it). The MIME message of one notification is built once and reused for every recipient: only the
 * `To` and `Message-ID` headers differ per message. Addresses that are not plain ASCII go through the full
 * composer (international domains, quoting).
 */
export function createEmailProvider(opts: {
  url: string;
  from: string;
  maxConnections?: number;
}): EmailProvider {
  // Transport options go in the first argument (the second one holds message defaults): a pool of connections,
  // each kept open for any number of messages.
  const transport: Transporter = nodemailer.createTransport({
    url: opts.url,
    pool: true,
    maxConnections: opts.maxConnections ?? 8,
    maxMessages: Infinity,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const envelopeFrom = /<([^>]+)>\s*$/.exec(opts.from)?.[1] ?? opts.from.trim();
  const domain = envelopeFrom.split('@')[1] ?? 'localhost';
  const templates = new Map<string, { built: number; raw: Promise<string> }>();
  const template = (msg: OutgoingMessage): Promise<string> => {
    const key = JSON.stringify([msg.title, msg.body, msg.url]);
    const now = Date.now();
    const hit = templates.get(key);
    if (hit && now - hit.built < TEMPLATE_MS) return hit.raw;
    if (templates.size >= TEMPLATES_KEPT) templates.delete(templates.keys().next().value!);
    const raw = new MailComposer({ ...content(opts.from, msg), messageId: '<template@sotay.invalid>' })
      .compile()
      .build()
      .then((b) => {
        const s = b.toString('utf8');
        if (!s.includes(TEMPLATE_ID)) throw new Error('unexpected MIME header layout');
        return s.replace(TEMPLATE_ID, '');
      });
    raw.catch(() => templates.delete(key));
    templates.set(key, { built: now, raw });
    return raw;
  };
  return {
    async send(to, msg) {
      try {
        if (PLAIN_ADDRESS.test(to)) {
          const body = await template(msg);
          const id = `<${randomBytes(12).toString('hex')}@${domain}>`;
          await transport.sendMail({
            envelope: { from: envelopeFrom, to: [to] },
            raw: `To: ${to}\r\nMessage-ID: ${id}\r\n${body}`,
          });
        } else {
          await transport.sendMail({ ...content(opts.from, msg), to });
        }
        return { status: 'sent' };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        // 550/551/553: the mailbox does not exist; other failures may pass later.
        if (code === 550 || code === 551 || code === 553)
          return { status: 'gone', error: (err as Error).message };
        return { status: 'retry', error: (err as Error).message };
      }
    },
    close: () => transport.close(),
  };
}
