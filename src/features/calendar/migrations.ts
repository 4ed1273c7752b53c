import type { Kysely, Migration } from 'kysely';

export const calendarMigrations: Record<string, Migration> = {
  '20261123_74_calendar': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('calendar_feeds')
        .addColumn('account_id', 'text', (col) => col.primaryKey().references('accounts.id'))
        .addColumn('token_hash', 'text', (col) => col.notNull().unique())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
    },
  },
};
