import { describe, expect, it } from 'vitest';
import { PrincipalCache, type Authenticated } from './principal-cache.ts';

const entry = (sessionId: string): Authenticated => ({
  sessionId,
  lastSeenMs: 0,
  expiresMs: Number.MAX_SAFE_INTEGER,
  secondFactor: null,
  principal: {
    accountId: 'a',
    memberId: null,
    grants: [{ role: 'admin', orgId: 'o', orgPath: '/o/', implicit: false }],
  },
  account: { id: 'a', login: 'a', memberId: null, mustChangePassword: false, preferences: {} },
});

describe('principal cache', () => {
  it('keeps entries only under the stamp they were made with', () => {
    const cache = new PrincipalCache();
    cache.sync(5);
    cache.set(5, entry('s1'));
    cache.set(4, entry('s2')); // built from data read under an older stamp
    expect(cache.get('s1')).toBeDefined();
    expect(cache.get('s2')).toBeUndefined();
    cache.sync(5);
    expect(cache.size).toBe(1);
    cache.sync(6);
    expect(cache.size).toBe(0);
  });

  it('holds at most its bound, dropping the oldest', () => {
    const cache = new PrincipalCache(3);
    cache.sync(1);
    for (const id of ['a', 'b', 'c', 'd']) cache.set(1, entry(id));
    expect(cache.size).toBe(3);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('d')).toBeDefined();
  });

  it('freezes what it keeps: a request cannot change the principal another request will get', () => {
    const cache = new PrincipalCache();
    cache.sync(1);
    cache.set(1, entry('s'));
    const kept = cache.get('s')!;
    expect(() => kept.principal.grants.push(kept.principal.grants[0]!)).toThrow(TypeError);
    expect(() => {
      (kept.account as { mustChangePassword: boolean }).mustChangePassword = true;
    }).toThrow(TypeError);
  });
});
