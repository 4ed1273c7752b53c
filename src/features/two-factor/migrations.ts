import type { Kysely, Migration } from 'kysely';
import { principalStampMigrations } from '../../platform/auth/principal-stamp-migration.ts';

export const twoFactorMigrations: Record<string, Migration> = {
  '20261123_41_two_factor': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('two_factor')
        .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('enabled_at', 'text')
        .addColumn('last_step', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('two_factor_recovery_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createIndex('two_factor_recovery_account')
        .on('two_factor_recovery_codes')
        .columns(['account_id', 'code_hash'])
        .execute();
      // No foreign key to sessions: sessions are deleted in bulk (sign-out everywhere) and a leftover row
      // for a deleted session is never reached.
      await db.schema
        .createTable('pending_second_factor')
        .addColumn('session_id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  // The principal stamp's triggers watch the two-factor tables as well as accounts, members, orgs and grants,
  // so they are made by the last of these features to exist.
  ...principalStampMigrations,
};
