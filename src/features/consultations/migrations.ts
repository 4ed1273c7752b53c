import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const consultationMigrations: Record<string, Migration> = {
  '20261123_41_consultations': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('consultations')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('province_id', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('intro', 'text', (col) => col.notNull())
        .addColumn('draft', 'text', (col) => col.notNull())
        .addColumn('document_id', 'text')
        .addColumn('opens_at', 'text', (col) => col.notNull())
        .addColumn('closes_at', 'text', (col) => col.notNull())
        .addColumn('closed_at', 'text')
        .addColumn('created_by', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('consultations_path')
        .on('consultations')
        .columns(['org_path', 'closes_at'])
        .execute();
      await db.schema
        .createTable('consultation_questions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('consultation_id', 'text', (col) => col.notNull().references('consultations.id'))
        .addColumn('position', 'integer', (col) => col.notNull())
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('options', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('consultation_comments')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('consultation_id', 'text', (col) => col.notNull().references('consultations.id'))
        .addColumn('target_id', 'text', (col) => col.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('author_account_id', 'text', (col) => col.notNull())
        .addColumn('author_name', 'text', (col) => col.notNull())
        .addColumn('author_org_path', c.pathType, (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('answer', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('consultation_comments_by')
        .on('consultation_comments')
        .columns(['consultation_id', 'author_org_path'])
        .execute();
      await db.schema
        .createTable('consultation_answers')
        .addColumn('consultation_id', 'text', (col) => col.notNull().references('consultations.id'))
        .addColumn('question_id', 'text', (col) => col.notNull())
        .addColumn('account_id', 'text', (col) => col.notNull())
        .addColumn('author_org_path', c.pathType, (col) => col.notNull())
        .addColumn('value', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('consultation_answers_pk', ['question_id', 'account_id'])
        .execute();
      await db.schema
        .createTable('consultation_summaries')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('consultation_id', 'text', (col) => col.notNull().references('consultations.id'))
        .addColumn('org_id', 'text', (col) => col.notNull())
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('summary', 'text', (col) => col.notNull())
        .addColumn('created_by', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
    },
  },
};
