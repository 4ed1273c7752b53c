import type { DbOrTx } from '../db/database.ts';
import { prepareQuery } from '../db/prepared.ts';
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
const accountRow = prepareQuery((db, p: { accountId: string }) =>
  db
    .selectFrom('accounts')
    .leftJoin('members', 'members.id', 'accounts.member_id')
    .leftJoin('orgs as host', 'host.id', 'members.host_org_id')
    .select([
      'accounts.id',
      'accounts.login',
      'accounts.member_id',
      'accounts.must_change_password',
      'accounts.preferences',
      'accounts.disabled_at',
      'members.id as m_id',
      'members.org_id as m_org_id',
      'members.org_path as m_org_path',
      'members.erased_at as m_erased_at',
      'host.id as host_id',
      'host.path as host_path',
    ])
    .where('accounts.id', '=', p.accountId),
);

const explicitGrants = prepareQuery((db, p: { accountId: string }) =>
  db
    .selectFrom('role_grants')
    .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
    .select(['role_grants.role', 'orgs.id as orgId', 'orgs.path as orgPath'])
    .where('role_grants.account_id', '=', p.accountId)
    .where('orgs.status', '=', 'active'),
);

export async function loadPrincipal(
  db: DbOrTx,
  accountId: string,
): Promise<{ principal: Principal; account: AccountInfo } | null> {
  // One row for the account, its member and the host branch of a temporary transfer; one query for the explicit
  // grants. Runs on every authenticated request, so the round trips matter.
  const account = await accountRow.first(db, { accountId });
  if (!account || account.disabled_at) return null;
  const grants: Grant[] = [];
  const explicit = await explicitGrants.all(db, { accountId });
  for (const g of explicit) {
    if (isRole(g.role)) grants.push({ role: g.role, orgId: g.orgId, orgPath: g.orgPath, implicit: false });
  }
  if (account.m_id && account.m_org_id && account.m_org_path && !account.m_erased_at) {
    grants.push({ role: 'member', orgId: account.m_org_id, orgPath: account.m_org_path, implicit: true });
    if (account.host_id && account.host_path) {
      grants.push({ role: 'member', orgId: account.host_id, orgPath: account.host_path, implicit: true });
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
