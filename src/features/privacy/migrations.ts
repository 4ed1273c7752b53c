import type { Kysely, Migration } from 'kysely';

export const privacyMigrations: Record<string, Migration> = {
  '20261125_90_privacy_retention': {
    async up(db: Kysely<unknown>) {
      // One row per retention setting the root administrator changed; absent rows use the defaults.
      await db.schema
        .createTable('retention_settings')
        .addColumn('key', 'text', (col) => col.primaryKey())
        .addColumn('days', 'integer', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      // Members whose personal data was erased: what erasure kept is purged when their retention period ends.
      await db.schema
        .createTable('privacy_erasures')
        .addColumn('member_id', 'text', (col) => col.primaryKey())
        .addColumn('account_id', 'text')
        .addColumn('erased_at', 'text', (col) => col.notNull())
        .addColumn('purged_at', 'text')
        .execute();
    },
  },
};
