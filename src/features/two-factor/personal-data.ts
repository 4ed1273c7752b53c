import type { PersonalDataContributor } from '../privacy/registry.ts';

/** Whether two-factor sign-in is on and how many recovery codes are left; never the secret or the codes. */
export const twoFactorPersonalData: PersonalDataContributor = {
  title: 'Xác thực hai bước',
  tables: ['two_factor', 'two_factor_recovery_codes', 'pending_second_factor'],
  async collect(_ctx, db, { accountId }) {
    if (!accountId) return { state: null };
    const row = await db
      .selectFrom('two_factor')
      .select(['enabled_at', 'created_at'])
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    const codes = await db
      .selectFrom('two_factor_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      state: {
        enabled: row?.enabled_at != null,
        enabledAt: row?.enabled_at ?? null,
        recoveryCodesLeft: Number(codes.n),
      },
    };
  },
  expire: {
    // A second step still pending belongs to a session; once the session is gone it is of no use.
    sessions: async (db) => {
      const res = await db
        .deleteFrom('pending_second_factor')
        .where('session_id', 'not in', db.selectFrom('sessions').select('id'))
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  },
  async erase(uow, { accountId }) {
    if (!accountId) return;
    await uow.trx.deleteFrom('pending_second_factor').where('account_id', '=', accountId).execute();
    await uow.trx.deleteFrom('two_factor_recovery_codes').where('account_id', '=', accountId).execute();
    await uow.trx.deleteFrom('two_factor').where('account_id', '=', accountId).execute();
  },
};
