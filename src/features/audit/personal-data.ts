import type { PersonalDataContributor } from '../privacy/registry.ts';

const LIMIT = 2000;

/**
 * Audit records the member made, made on their behalf, or about their member profile or account (newest
 * first, at most 2 000). The audit log is append-only and hash-chained: erasure changes nothing in it, and
 * records written about a member carry ids, never the erased data.
 */
export const auditPersonalData: PersonalDataContributor = {
  title: 'Nhật ký hoạt động',
  tables: ['audit_log'],
  async collect(_ctx, db, { accountId, memberId }) {
    const ids = [accountId, memberId].filter((x): x is string => !!x);
    if (ids.length === 0) return { entries: [] };
    const rows = await db
      .selectFrom('audit_log')
      .select(['at', 'action', 'entity_type', 'entity_id', 'actor_account_id', 'ip'])
      .where((eb) =>
        eb.or([
          ...(accountId ? [eb('actor_account_id', '=', accountId)] : []),
          ...(memberId ? [eb('on_behalf_of_member_id', '=', memberId)] : []),
          eb('entity_id', 'in', ids),
        ]),
      )
      .orderBy('seq', 'desc')
      .limit(LIMIT)
      .execute();
    return {
      entries: rows.map((r) => ({
        at: r.at,
        action: r.action,
        entityType: r.entity_type,
        byMe: accountId !== null && r.actor_account_id === accountId,
        ip: accountId !== null && r.actor_account_id === accountId ? r.ip : null,
      })),
    };
  },
  async erase() {
    // Append-only: see docs/security.md, "Personal data".
  },
};
