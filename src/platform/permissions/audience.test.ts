import { describe, expect, it } from 'vitest';
import { audienceView, canSeeAudience, type Principal } from './check.ts';

const member: Principal = {
  accountId: 'a',
  memberId: 'm',
  grants: [{ role: 'member', orgId: 'b', orgPath: '/p/d/c/b/', implicit: true }],
};
const commune: Principal = {
  accountId: 'c',
  memberId: null,
  grants: [{ role: 'committee_member', orgId: 'c', orgPath: '/p/d/c/', implicit: false }],
};

describe('audienceView', () => {
  it('lets a member see content published to any subtree that holds their branch', () => {
    const v = audienceView(member);
    expect(canSeeAudience(v, ['/p/'])).toBe(true);
    expect(canSeeAudience(v, ['/p/d/c/b/'])).toBe(true);
    expect(canSeeAudience(v, ['/p/d/c/other/'])).toBe(false);
    expect(canSeeAudience(v, ['/p/d2/'])).toBe(false);
  });

  it('lets a committee see content of its whole subtree but not of siblings', () => {
    const v = audienceView(commune);
    expect(canSeeAudience(v, ['/p/d/c/b/'])).toBe(true);
    expect(canSeeAudience(v, ['/p/d/'])).toBe(true);
    expect(canSeeAudience(v, ['/p/d/c2/'])).toBe(false);
    expect(canSeeAudience(v, [])).toBe(false);
  });

  it('ignores grants without the permission', () => {
    expect(audienceView(member, 'content.publish')).toEqual({ ancestors: [], subtrees: [] });
  });
});
