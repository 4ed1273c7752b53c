import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const petitionMigrations: Record<string, Migration> = {
  '20261123_40_petitions': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('petitions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('sender_account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('sender_member_id', 'text', (col) => col.notNull().references('members.id'))
        .addColumn('sender_org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('sender_path', c.pathType, (col) => col.notNull())
        .addColumn('province_id', 'text', (col) => col.notNull())
        .addColumn('addressed_org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('addressed_path', c.pathType, (col) => col.notNull())
        .addColumn('category', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('confidential', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('handler_account_id', 'text')
        .addColumn('received_at', 'text', (col) => col.notNull())
        .addColumn('due_at', 'text', (col) => col.notNull())
        .addColumn('answer', 'text')
        .addColumn('answered_at', 'text')
        .addColumn('answered_by', 'text')
        .addColumn('reply', 'text')
        .addColumn('rating', 'integer')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createIndex('petitions_sender')
        .on('petitions')
        .columns(['sender_account_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('petitions_addressed')
        .on('petitions')
        .columns(['addressed_path', 'status'])
        .execute();
      await db.schema
        .createTable('petition_addressees')
        .addColumn('petition_id', 'text', (col) => col.notNull().references('petitions.id'))
        .addColumn('org_id', 'text', (col) => col.notNull())
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('petition_addressees_pk', ['petition_id', 'org_id'])
        .execute();
      await db.schema
        .createIndex('petition_addressees_path')
        .on('petition_addressees')
        .columns(['org_path', 'petition_id'])
        .execute();
      await db.schema
        .createTable('petition_events')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('petition_id', 'text', (col) => col.notNull().references('petitions.id'))
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('org_id', 'text')
        .addColumn('note', 'text')
        .addColumn('actor_account_id', 'text')
        .addColumn('at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('petition_events_petition')
        .on('petition_events')
        .columns(['petition_id', 'at'])
        .execute();
      await db.schema
        .createTable('petition_settings')
        .addColumn('org_id', 'text', (col) => col.primaryKey().references('orgs.id'))
        .addColumn('response_days', 'integer', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
    },
  },
};
