import { describe, expect, it } from 'vitest';
import { childPath, depthOf, idsOnPath, isUnder, rebase } from './paths.ts';

describe('materialised paths', () => {
  it('builds child paths from the root', () => {
    expect(childPath(null, 'p')).toBe('/p/');
    expect(childPath('/p/', 'd')).toBe('/p/d/');
  });
  it('lists ids and depth', () => {
    expect(idsOnPath('/p/d/c/')).toEqual(['p', 'd', 'c']);
    expect(depthOf('/p/')).toBe(0);
    expect(depthOf('/p/d/c/')).toBe(2);
  });
  it('knows subtree membership without id-prefix confusion', () => {
    expect(isUnder('/p/d/c/', '/p/d/')).toBe(true);
    expect(isUnder('/p/dx/', '/p/d/')).toBe(false);
  });
  it('rebases a moved subtree', () => {
    expect(rebase('/p/d/c/b/', '/p/d/c/', '/p/e/c/')).toBe('/p/e/c/b/');
    expect(() => rebase('/p/x/', '/p/d/', '/p/e/')).toThrow();
  });
});
