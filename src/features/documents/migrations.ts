import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';
import { createStamp } from '../../platform/db/stamp-triggers.ts';

export const documentMigrations: Record<string, Migration> = {
  '20261123_41_documents': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('number', 'text')
        .addColumn('issued_on', 'text')
        .addColumn('issuer', 'text', (col) => col.notNull())
        .addColumn('level', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('title_folded', 'text', (col) => col.notNull())
        .addColumn('summary', 'text')
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('body_file_id', 'text')
        .addColumn('source_name', 'text')
        .addColumn('year', 'integer', (col) => col.notNull())
        .addColumn('sort_date', 'text', (col) => col.notNull())
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      // Numbers repeat across years and issuers: the three together are the identity.
      await db.schema
        .createIndex('documents_identity')
        .unique()
        .on('documents')
        .columns(['issuer', 'number', 'issued_on'])
        .execute();
      await db.schema.createIndex('documents_order').on('documents').columns(['sort_date', 'id']).execute();
      await db.schema
        .createIndex('documents_browse')
        .on('documents')
        .columns(['kind', 'level', 'year', 'sort_date'])
        .execute();
      await db.schema
        .createTable('document_audience')
        .addColumn('document_id', 'text', (col) => col.notNull().references('documents.id'))
        .addColumn('audience_path', c.pathType, (col) => col.notNull())
        .addPrimaryKeyConstraint('document_audience_pk', ['document_id', 'audience_path'])
        .execute();
      await db.schema
        .createIndex('document_audience_path')
        .on('document_audience')
        .columns(['audience_path', 'document_id'])
        .execute();
      await db.schema
        .createTable('document_files')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('document_id', 'text', (col) => col.notNull().references('documents.id'))
        .addColumn('file_key', 'text', (col) => col.notNull())
        .addColumn('file_name', 'text', (col) => col.notNull())
        .addColumn('mime', 'text', (col) => col.notNull())
        .addColumn('size', 'integer', (col) => col.notNull())
        .addColumn('text_status', 'text', (col) => col.notNull())
        .addColumn('text_error', 'text')
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('document_files_doc')
        .on('document_files')
        .columns(['document_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('document_bookmarks')
        .addColumn('account_id', 'text', (col) => col.notNull())
        .addColumn('document_id', 'text', (col) => col.notNull().references('documents.id'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('document_bookmarks_pk', ['account_id', 'document_id'])
        .execute();
      await db.schema
        .createTable('document_reads')
        .addColumn('account_id', 'text', (col) => col.notNull())
        .addColumn('document_id', 'text', (col) => col.notNull().references('documents.id'))
        .addColumn('opened_at', 'text', (col) => col.notNull())
        .addColumn('finished_at', 'text')
        .addPrimaryKeyConstraint('document_reads_pk', ['account_id', 'document_id'])
        .execute();
      await db.schema
        .createIndex('document_reads_doc')
        .on('document_reads')
        .columns(['document_id'])
        .execute();
    },
  },
  '20261207_30_documents_stamp': {
    async up(db: Kysely<unknown>) {
      // What a document page shows for every reader: the document, its audience (with the organisations' names),
      // its files. Reads and bookmarks are per reader and read on every view, so they are not watched.
      await createStamp(db, 'documents_stamp', [
        {
          table: 'documents',
          columns: [
            'kind',
            'number',
            'issued_on',
            'issuer',
            'level',
            'title',
            'summary',
            'body',
            'body_file_id',
            'source_name',
            'year',
            'org_id',
            'org_path',
            'status',
            'updated_at',
          ],
          onInsert: false,
        },
        { table: 'document_audience', columns: ['document_id', 'audience_path'], onInsert: true },
        {
          table: 'document_files',
          columns: ['document_id', 'file_name', 'mime', 'size', 'text_status', 'text_error', 'created_at'],
          onInsert: true,
        },
        { table: 'orgs', columns: ['id', 'name', 'path'], onInsert: true },
      ]);
    },
  },
};
