import type { Kysely, Migration } from 'kysely';

export const notebookMigrations: Record<string, Migration> = {
  '20261123_31_notebook': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notebook_notes')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('owner_account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('sealed', 'text', (col) => col.notNull())
        .addColumn('link_ref', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('notebook_notes_owner')
        .on('notebook_notes')
        .columns(['owner_account_id', 'updated_at'])
        .execute();
      await db.schema
        .createIndex('notebook_notes_link')
        .on('notebook_notes')
        .columns(['owner_account_id', 'link_ref'])
        .execute();
    },
  },
};
