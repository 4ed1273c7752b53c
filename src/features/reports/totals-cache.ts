// The cells of a totals view, kept in memory between requests while nothing they are made of has changed.
//
// A view is made of stored totals and of the catalogue. Totals change through `withTotals` (which bumps the
// `totals:<root>` stamp of the organisation's tree in the same transaction), `rebuildTotals` and the bulk dataset
// loader (which bump `views`); the catalogue through its routes and `addIndicators` (which bump `views`). Each use reads both stamps first (one indexed read) and recomputes when
// either moved, so a submission is visible in the next view exactly as before. The stamps are read before the
// totals, so a change committing in between leaves the kept entry under the older stamp and the next request
// recomputes.

import type { DbOrTx } from '../../platform/db/database.ts';
import { readStamps, totalsStamp } from './stamps.ts';

const MAX_ENTRIES = 64;
const caches = new WeakMap<object, Map<string, { stamp: string; value: unknown }>>();
const misses = new WeakMap<object, number>();

/** `compute()`'s answer for `key` under the organisation path's tree, reused while the stamps stay the same. */
export async function keptView<T>(
  db: DbOrTx,
  path: string,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const stamp = await readStamps(db, ['views', totalsStamp(path)]);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) {
    // Most recently used last, so the oldest is dropped first.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  misses.set(db, (misses.get(db) ?? 0) + 1);
  const value = await compute();
  cache.set(key, { stamp, value });
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return value;
}

/** Forgets every kept view of this database handle (the benchmark measures the computation with it). */
export function forgetKeptViews(db: DbOrTx): void {
  caches.delete(db);
}

/** How many views were computed rather than reused, per database handle. */
export function viewMisses(db: DbOrTx): number {
  return misses.get(db) ?? 0;
}
