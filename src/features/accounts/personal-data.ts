import { randomBytes } from 'node:crypto';
import { nowIso } from '../../platform/db/database.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { storedJson, type PersonalDataContributor } from '../privacy/registry.ts';

/**
 * The account, its roles and its sign-in sessions (IP address and browser). Erasure signs it out everywhere,
 * removes its roles and closes it: a random password, a login that says nothing, no preferences.
 */
export const accountsPersonalData: PersonalDataContributor = {
  title: 'Tài khoản, vai trò và phiên đăng nhập',
  tables: ['accounts', 'sessions', 'role_grants'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { account: null, roles: [], sessions: [] };
    const a = await db
      .selectFrom('accounts')
      .select(['login', 'preferences', 'created_at', 'updated_at', 'disabled_at'])
      .where('id', '=', accountId)
      .executeTakeFirst();
    const roles = await db
      .selectFrom('role_grants')
      .innerJoin('orgs', 'orgs.id', 'role_grants.org_id')
      .select(['role_grants.role', 'orgs.name as org_name', 'role_grants.granted_at'])
      .where('role_grants.account_id', '=', accountId)
      .orderBy('role_grants.granted_at')
      .execute();
    const sessions = await db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
      .where('account_id', '=', accountId)
      .orderBy('last_seen_at', 'desc')
      .execute();
    return {
      account: a
        ? {
            login: a.login,
            createdAt: a.created_at,
            updatedAt: a.updated_at,
            disabledAt: a.disabled_at,
            preferences: storedJson(a.preferences),
          }
        : null,
      roles: roles.map((r) => ({ role: r.role, organisation: r.org_name, grantedAt: r.granted_at })),
      sessions: sessions.map((s) => ({
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        expiresAt: s.expires_at,
        ip: s.ip,
        userAgent: s.user_agent,
      })),
    };
  },
  expire: {
    // Sign-in history: a session's IP address and browser, kept after the session ended. Throttling counters
    // (login names, IP addresses) live minutes and are cleared after a day whatever the setting.
    sessions: async (db, before, now) => {
      const res = await db.deleteFrom('sessions').where('expires_at', '<', before).executeTakeFirst();
      const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
      await db.deleteFrom('rate_limits').where('window_start', '<', dayAgo).execute();
      return Number(res.numDeletedRows);
    },
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    const now = nowIso();
    await uow.trx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
    await uow.trx.deleteFrom('role_grants').where('account_id', '=', accountId).execute();
    await uow.trx
      .updateTable('accounts')
      .set({
        login: `erased-${accountId}`,
        password_hash: await hashPassword(randomBytes(24).toString('base64url')),
        must_change_password: 0,
        preferences: '{}',
        disabled_at: now,
        updated_at: now,
      })
      .where('id', '=', accountId)
      .execute();
  },
};
