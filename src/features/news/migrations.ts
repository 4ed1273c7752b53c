import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const newsMigrations: Record<string, Migration> = {
  '20261123_42_news': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('news')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('section', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('excerpt', 'text', (col) => col.notNull())
        .addColumn('body_html', 'text', (col) => col.notNull())
        .addColumn('body_text', 'text', (col) => col.notNull())
        .addColumn('source', 'text')
        .addColumn('source_url', 'text')
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('publish_at', 'text', (col) => col.notNull())
        .addColumn('pinned', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('indexed', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      // The feed order (pinned first, newest first) as one index walk.
      await db.schema
        .createIndex('news_feed')
        .on('news')
        .columns(['status', 'pinned', 'publish_at', 'id'])
        .execute();
      await db.schema.createIndex('news_org').on('news').columns(['org_path', 'created_at']).execute();
      await db.schema
        .createTable('news_audience')
        .addColumn('news_id', 'text', (col) => col.notNull().references('news.id'))
        .addColumn('audience_path', c.pathType, (col) => col.notNull())
        .addPrimaryKeyConstraint('news_audience_pk', ['news_id', 'audience_path'])
        .execute();
      await db.schema
        .createIndex('news_audience_path')
        .on('news_audience')
        .columns(['audience_path', 'news_id'])
        .execute();
      await db.schema
        .createTable('news_reads')
        .addColumn('account_id', 'text', (col) => col.notNull())
        .addColumn('news_id', 'text', (col) => col.notNull().references('news.id'))
        .addColumn('read_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('news_reads_pk', ['account_id', 'news_id'])
        .execute();
    },
  },
  '20261123_90_news_feed_stamp': {
    async up(db) {
      await db.schema
        .createTable('news_feed_stamp')
        .addColumn('id', 'integer', (col) => col.primaryKey())
        .addColumn('value', 'integer', (col) => col.notNull())
        .execute();
    },
  },
};
