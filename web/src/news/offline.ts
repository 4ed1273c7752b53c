import { api, ApiError } from '../api/client.ts';

// Offline copies of content (news and documents) written by the app itself, in the cache that sign-out empties
// (see forgetCachedContent in state/session.ts). Keys are synthetic paths that no request ever uses.
const CACHE = 'sotay-content';
const PREFIX = '/offline-copy/';

interface Copy<T> {
  savedAt: string;
  data: T;
}

function available(): boolean {
  return typeof caches !== 'undefined';
}

export async function saveCopy(key: string, data: unknown): Promise<void> {
  if (!available()) return;
  try {
    const cache = await caches.open(CACHE);
    const body = JSON.stringify({ savedAt: new Date().toISOString(), data });
    await cache.put(PREFIX + key, new Response(body, { headers: { 'Content-Type': 'application/json' } }));
  } catch {
    // Storage full or refused: reading online still works.
  }
}

export async function readCopy<T>(key: string): Promise<Copy<T> | null> {
  if (!available()) return null;
  try {
    const res = await (await caches.open(CACHE)).match(PREFIX + key);
    return res ? ((await res.json()) as Copy<T>) : null;
  } catch {
    return null;
  }
}

export async function hasCopy(key: string): Promise<boolean> {
  if (!available()) return false;
  try {
    return (await (await caches.open(CACHE)).match(PREFIX + key)) !== undefined;
  } catch {
    return false;
  }
}

/** The keys saved under a prefix, e.g. "documents/". */
export async function listCopies(prefix: string): Promise<string[]> {
  if (!available()) return [];
  try {
    const keys = await (await caches.open(CACHE)).keys();
    return keys
      .map((r) => new URL(r.url).pathname)
      .filter((p) => p.startsWith(PREFIX + prefix))
      .map((p) => decodeURIComponent(p.slice(PREFIX.length)));
  } catch {
    return [];
  }
}

export interface Loaded<T> {
  data: T;
  /** When the shown copy was saved, if it comes from this device rather than the server. */
  offlineAt: string | null;
}

function offline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/**
 * Loads from the server and keeps a copy; without a network (or when the server cannot be reached) answers
 * with the saved copy, saying when it was saved.
 */
export async function loadWithCopy<T>(
  path: string,
  key: string | null,
  /** What of the answer is kept: the content, without personal marks. */
  contentOf: (data: T) => T = (data) => data,
): Promise<Loaded<T>> {
  if (offline() && key) {
    const copy = await readCopy<T>(key);
    if (copy) return { data: copy.data, offlineAt: copy.savedAt };
  }
  try {
    const data = await api<T>('GET', path);
    if (key) await saveCopy(key, contentOf(data));
    return { data, offlineAt: null };
  } catch (error) {
    if (key && error instanceof ApiError && (error.status === 0 || error.status >= 500)) {
      const copy = await readCopy<T>(key);
      if (copy) return { data: copy.data, offlineAt: copy.savedAt };
    }
    throw error;
  }
}
