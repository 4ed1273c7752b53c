import type { Kysely, Migration } from 'kysely';

export const notificationMigrations: Record<string, Migration> = {
  '20261123_41_notifications': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('topic', 'text', (col) => col.notNull())
        .addColumn('event_key', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('url', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('read_at', 'text')
        .execute();
      await db.schema
        .createIndex('notifications_event_account')
        .on('notifications')
        .columns(['event_key', 'account_id'])
        .unique()
        .execute();
      await db.schema
        .createIndex('notifications_inbox')
        .on('notifications')
        .columns(['account_id', 'id'])
        .execute();
      await db.schema
        .createIndex('notifications_unread')
        .on('notifications')
        .columns(['account_id', 'read_at'])
        .execute();
      await db.schema
        .createTable('notification_prefs')
        .addColumn('account_id', 'text', (col) => col.primaryKey().references('accounts.id'))
        .addColumn('data', 'text', (col) => col.notNull())
        .addColumn('digest_enabled', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('digest_hour', 'integer', (col) => col.notNull().defaultTo(19))
        .addColumn('last_digest_at', 'text')
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('notification_prefs_digest')
        .on('notification_prefs')
        .columns(['digest_enabled', 'digest_hour'])
        .execute();
      await db.schema
        .createTable('push_subscriptions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
        .addColumn('endpoint', 'text', (col) => col.notNull().unique())
        .addColumn('p256dh', 'text', (col) => col.notNull())
        .addColumn('auth', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('push_subscriptions_account')
        .on('push_subscriptions')
        .column('account_id')
        .execute();
      await db.schema
        .createTable('notification_keys')
        .addColumn('name', 'text', (col) => col.primaryKey())
        .addColumn('value', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
    },
  },
};
