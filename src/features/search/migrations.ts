import { sql, type Kysely, type Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const searchMigrations: Record<string, Migration> = {
  '20261123_31_search': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      let table = db.schema.createTable('search_items');
      table = c.serialPk(table, 'seq');
      await table
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('item_id', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('number', 'text')
        .addColumn('number_key', 'text')
        .addColumn('level', 'text')
        .addColumn('date', 'text', (col) => col.notNull())
        .addColumn('source', 'text')
        .addColumn('url', 'text', (col) => col.notNull())
        .addColumn('title_f', 'text', (col) => col.notNull())
        .addColumn('body_f', 'text', (col) => col.notNull())
        .addColumn('indexed_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('search_items_key')
        .on('search_items')
        .columns(['type', 'item_id'])
        .unique()
        .execute();
      await db.schema.createIndex('search_items_date').on('search_items').column('date').execute();
      await db.schema
        .createTable('search_audience')
        .addColumn('item_seq', 'bigint', (col) => col.notNull())
        .addColumn('path', c.pathType, (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('search_audience_item')
        .on('search_audience')
        .columns(['item_seq', 'path'])
        .execute();
      await db.schema
        .createIndex('search_audience_path')
        .on('search_audience')
        .columns(['path', 'item_seq'])
        .execute();
      if (c.pg) {
        // The tsvector is built by the application from the folded streams (positions and weights given
        // explicitly), so no text-search configuration or extension is involved.
        await sql`alter table search_items add column doc tsvector not null default ''::tsvector`.execute(db);
        await sql`create index search_items_doc on search_items using gin (doc)`.execute(db);
      } else {
        // External content: the folded streams are stored once, in search_items.
        await sql`create virtual table search_fts using fts5(
          title_f, body_f, number_key,
          content='search_items', content_rowid='seq', prefix='2 3',
          tokenize='unicode61 remove_diacritics 0'
        )`.execute(db);
      }
    },
  },
  '20261123_32_search_vocab': {
    async up(db: Kysely<unknown>) {
      if (columnsFor(db).pg) return;
      // Document counts per term: lets a query see how broad its words are before asking FTS5 to rank.
      await sql`create virtual table search_fts_vocab using fts5vocab(search_fts, 'row')`.execute(db);
    },
  },
};
