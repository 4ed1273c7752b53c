import { api } from '../api/client.ts';
import { createStore } from '../state/store.ts';

/** Unread count shown on the home tile; refreshed when the home screen or the inbox opens. */
export const unread = createStore<number | null>(null);

export async function refreshUnread(): Promise<void> {
  try {
    unread.set((await api<{ unread: number }>('GET', '/api/v1/notifications/unread-count')).unread);
  } catch {
    // The badge is a convenience: a failed count leaves it hidden rather than showing an error on home.
  }
}
