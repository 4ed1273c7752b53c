/** One message to one person on one outside channel. */
export interface OutgoingMessage {
  title: string;
  body: string;
  /** Absolute link into the app. */
  url: string;
}

/**
 * `sent`; `gone` — the address no longer exists (a push subscription answered 404/410) and must be pruned;
 * `retry` — a temporary failure (network, 5xx, rate limit) worth another try later.
 */
export type SendResult = { status: 'sent' } | { status: 'gone' | 'retry'; error: string };
