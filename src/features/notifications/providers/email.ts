import nodemailer, { type Transporter } from 'nodemailer';
import type { OutgoingMessage, SendResult } from './types.ts';

export interface EmailProvider {
  send(to: string, msg: OutgoingMessage): Promise<SendResult>;
  close(): void;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** E-mail over SMTP (`smtp://user:pass@host:587`, `smtps://…`), pooled connections for batches. */
export function createEmailProvider(opts: {
  url: string;
  from: string;
  maxConnections?: number;
}): EmailProvider {
  const transport: Transporter = nodemailer.createTransport(opts.url, {
    pool: true,
    maxConnections: opts.maxConnections ?? 5,
    maxMessages: Infinity,
  } as Parameters<typeof nodemailer.createTransport>[1]);
  return {
    async send(to, msg) {
      try {
        await transport.sendMail({
          from: opts.from,
          to,
          subject: msg.title,
          text: `${msg.body}\n\nXem trong Sổ tay: ${msg.url}\n`,
          html:
            `<p>${escapeHtml(msg.body).replace(/\n/g, '<br>')}</p>` +
            `<p><a href="${escapeHtml(msg.url)}">Xem trong Sổ tay</a></p>`,
        });
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
