import type { Me, Role, RoleGrant } from '../api/types.ts';

// These mirror the server's role table (src/platform/permissions/roles.ts): committee roles carry
// `member.read`, the import roles carry `member.manage`. The server still checks every request.
const COMMITTEE_ROLES: ReadonlySet<Role> = new Set([
  'admin',
  'office',
  'secretary',
  'deputy_secretary',
  'committee_member',
]);
const IMPORT_ROLES: ReadonlySet<Role> = new Set(['admin', 'office', 'secretary', 'deputy_secretary']);

export interface CommitteeScope {
  orgId: string;
  orgName: string;
  orgPath: string;
  canImport: boolean;
}

/**
 * The subtrees this account works on as a committee, one entry per top organisation: a grant that lies
 * inside another grant's subtree adds nothing to browse, only possibly the right to import.
 */
export function committeeScopes(roles: readonly RoleGrant[]): CommitteeScope[] {
  const grants = roles.filter((r) => COMMITTEE_ROLES.has(r.role));
  const tops = grants.filter(
    (g) => !grants.some((o) => o.orgPath !== g.orgPath && g.orgPath.startsWith(o.orgPath)),
  );
  const scopes = new Map<string, CommitteeScope>();
  for (const top of tops) {
    const canImport = grants.some((g) => IMPORT_ROLES.has(g.role) && top.orgPath.startsWith(g.orgPath));
    const seen = scopes.get(top.orgId);
    scopes.set(top.orgId, {
      orgId: top.orgId,
      orgName: top.orgName,
      orgPath: top.orgPath,
      canImport: canImport || (seen?.canImport ?? false),
    });
  }
  return [...scopes.values()];
}

/** Whether the account may import into the organisation at `orgPath` (a grant on it or on an ancestor). */
export function canImportAt(me: Me, orgPath: string): boolean {
  return me.roles.some((g) => IMPORT_ROLES.has(g.role) && orgPath.startsWith(g.orgPath));
}

/** Whether the account administers `orgPath` (the only role that may erase a member's personal data). */
export function isAdminAt(me: Me, orgPath: string): boolean {
  return me.roles.some((g) => g.role === 'admin' && orgPath.startsWith(g.orgPath));
}

/** Whether the account may read full member profiles (and export them) at `orgPath`. */
export function canReadMembersAt(me: Me, orgPath: string): boolean {
  return me.roles.some((g) => COMMITTEE_ROLES.has(g.role) && orgPath.startsWith(g.orgPath));
}
