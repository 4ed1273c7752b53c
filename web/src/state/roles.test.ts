import { describe, expect, it } from 'vitest';
import type { RoleGrant } from '../api/types.ts';
import { committeeScopes } from './roles.ts';

const grant = (role: RoleGrant['role'], orgId: string, orgPath: string): RoleGrant => ({
  role,
  orgId,
  orgName: `Org ${orgId}`,
  orgPath,
});

describe('committeeScopes', () => {
  it('ignores plain membership', () => {
    expect(committeeScopes([grant('member', 'b', '/p/d/b/')])).toEqual([]);
  });

  it('keeps only the top of nested grants and merges the right to import', () => {
    const scopes = committeeScopes([
      grant('committee_member', 'd', '/p/d/'),
      grant('secretary', 'b', '/p/d/b/'),
      grant('member', 'b', '/p/d/b/'),
    ]);
    expect(scopes).toEqual([{ orgId: 'd', orgName: 'Org d', orgPath: '/p/d/', canImport: false }]);
  });

  it('lists separate subtrees separately', () => {
    const scopes = committeeScopes([
      grant('secretary', 'b1', '/p/b1/'),
      grant('committee_member', 'b2', '/p/b2/'),
    ]);
    expect(scopes.map((s) => [s.orgId, s.canImport])).toEqual([
      ['b1', true],
      ['b2', false],
    ]);
  });

  it('does not treat a sibling with a longer id as nested', () => {
    const scopes = committeeScopes([grant('admin', 'a', '/p/a/'), grant('admin', 'ab', '/p/ab/')]);
    expect(scopes).toHaveLength(2);
  });
});
