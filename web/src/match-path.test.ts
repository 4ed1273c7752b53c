import { describe, expect, it } from 'vitest';
import { matchPath } from './match-path.ts';

describe('matchPath', () => {
  it('extracts decoded parameters', () => {
    expect(matchPath('/orgs/:id/members', '/orgs/a%20b/members')).toEqual({ id: 'a b' });
    expect(matchPath('/', '/')).toEqual({});
  });

  it('refuses other shapes and malformed escapes', () => {
    expect(matchPath('/orgs/:id', '/orgs/1/members')).toBeNull();
    expect(matchPath('/orgs/:id', '/teams/1')).toBeNull();
    expect(matchPath('/orgs/:id', '/orgs/%E0%A4%A')).toBeNull();
  });
});
