import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const exchangeMigrations: Record<string, Migration> = {
  '20261123_43_exchange': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('exchange_messages')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('direction', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('document_id', 'text')
        .addColumn('sender_org_id', 'text')
        .addColumn('sender_org_path', c.pathType, (col) => col.notNull())
        .addColumn('sender_account_id', 'text', (col) => col.notNull())
        .addColumn('sender_member_id', 'text')
        .addColumn('sender_name', 'text', (col) => col.notNull())
        .addColumn('ack_deadline', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('exchange_messages_org')
        .on('exchange_messages')
        .columns(['sender_org_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('exchange_messages_account')
        .on('exchange_messages')
        .columns(['sender_account_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('exchange_recipients')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('message_id', 'text', (col) => col.notNull().references('exchange_messages.id'))
        .addColumn('member_id', 'text')
        .addColumn('org_id', 'text')
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('received_at', 'text', (col) => col.notNull())
        .addColumn('opened_at', 'text')
        .addColumn('acknowledged_at', 'text')
        .addColumn('acknowledged_by', 'text')
        .addColumn('reminded_at', 'text')
        .addColumn('reminders', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('exchange_recipients_msg')
        .on('exchange_recipients')
        .columns(['message_id'])
        .execute();
      await db.schema
        .createIndex('exchange_recipients_member')
        .on('exchange_recipients')
        .columns(['member_id', 'received_at'])
        .execute();
      await db.schema
        .createIndex('exchange_recipients_org')
        .on('exchange_recipients')
        .columns(['org_id', 'received_at'])
        .execute();
      await db.schema
        .createTable('exchange_files')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('message_id', 'text', (col) => col.notNull().references('exchange_messages.id'))
        .addColumn('file_key', 'text', (col) => col.notNull())
        .addColumn('file_name', 'text', (col) => col.notNull())
        .addColumn('mime', 'text', (col) => col.notNull())
        .addColumn('size', 'integer', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
    },
  },
};
