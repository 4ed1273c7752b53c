import { describe, expect, it } from 'vitest';
import { createStore } from './store.ts';

describe('createStore', () => {
  it('notifies subscribers of changes and stops after unsubscribe', () => {
    const store = createStore(1);
    const seen: number[] = [];
    const off = store.subscribe((v) => seen.push(v));
    store.set(2);
    store.set(2);
    off();
    store.set(3);
    expect(seen).toEqual([2]);
    expect(store.get()).toBe(3);
  });
});
