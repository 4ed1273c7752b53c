import { describe, expect, it } from 'vitest';
import { can, scopesFor, subtreeBounds, type Principal } from './check.ts';

const p: Principal = {
  accountId: 'a',
  memberId: 'm',
  grants: [
    { role: 'member', orgId: 'b', orgPath: '/p/d/c/b/', implicit: true },
    { role: 'committee_member', orgId: 'c', orgPath: '/p/d/c/', implicit: false },
  ],
};

describe('permission checks', () => {
  it('allows inside the subtree of a grant carrying the permission', () => {
    expect(can(p, 'supervise', '/p/d/c/b2/')).toBe(true);
    expect(can(p, 'meeting.attend', '/p/d/c/b/')).toBe(true);
  });
  it('refuses outside every subtree, including the parent and siblings', () => {
    expect(can(p, 'supervise', '/p/d/')).toBe(false);
    expect(can(p, 'org.read', '/p/d/c2/')).toBe(false);
  });
  it('refuses a permission no covering role carries', () => {
    expect(can(p, 'org.manage', '/p/d/c/b/')).toBe(false);
  });
  it('does not treat an id prefix as a path prefix', () => {
    expect(can(p, 'org.read', '/p/d/cx/')).toBe(false);
  });
  it('collapses nested scopes', () => {
    expect(scopesFor(p, 'org.read')).toEqual(['/p/d/c/']);
    expect(scopesFor(p, 'org.manage')).toEqual([]);
  });
  it('bounds a subtree with the next byte after the slash', () => {
    const [lo, hi] = subtreeBounds('/p/d/');
    expect('/p/d/x/' >= lo && '/p/d/x/' < hi).toBe(true);
    expect('/p/d0' < hi).toBe(false);
    expect('/p/e/' < hi).toBe(false);
  });
});
