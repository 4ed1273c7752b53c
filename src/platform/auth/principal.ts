import type { DbOrTx } from '../db/database.ts';
import type { Grant, Principal } from '../permissions/check.ts';
import { isRole } from '../permissions/roles.ts';

export interface AccountInfo {
  id: string;
  login: string;
  memberId: string | null;
  mustChangePassword: boolean;
  preferences: Record<string, unknown>;
}

/**
 * Builds the principal of an account: explicit grants from role_grants, plus the implicit member role on the
 * member's own branch (and on the host branch of a temporary transfer), which follows the member on transfer.
 */
export async function loadPrincipal(
  db: DbOrTx,
  accountId: string,
): Promise<{ principal: Principal; account: AccountInfo } | null> {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'login', 'member_id', 'must_change_password', 'preferences', 'disabled_at'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!account || account.disabled_at) return null;
  const grants: Grant[] = [];
  const explicit = await db
    .selectFrom('role_grants')
    .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['role_grants.role', 'orgs.id as orgId', 'orgs.path as orgPath'])
    .where('role_grants.account_id', '=', accountId)
    .where('orgs.status', '=', 'active')
    .execute();
  for (const g of explicit) {
    if (isRole(g.role)) grants.push({ role: g.role, orgId: g.orgId, orgPath: g.orgPath, implicit: false });
  }
  if (account.member_id) {
    const member = await db
      .selectFrom('members')
      .select(['org_id', 'org_path', 'host_org_id', 'erased_at'])
      .where('id', '=', account.member_id)
      .executeTakeFirst();
    if (member && !member.erased_at) {
      grants.push({ role: 'member', orgId: member.org_id, orgPath: member.org_path, implicit: true });
      if (member.host_org_id) {
        const host = await db
          .selectFrom('orgs')
          .select(['id', 'path'])
          .where('id', '=', member.host_org_id)
          .executeTakeFirst();
        if (host) grants.push({ role: 'member', orgId: host.id, orgPath: host.path, implicit: true });
      }
    }
  }
  let preferences: Record<string, unknown> = {};
  try {
    preferences = JSON.parse(account.preferences) as Record<string, unknown>;
  } catch {
    preferences = {};
  }
  return {
    principal: { accountId: account.id, memberId: account.member_id, grants },
    account: {
      id: account.id,
      login: account.login,
      memberId: account.member_id,
      mustChangePassword: account.must_change_password === 1,
      preferences,
    },
  };
}
