import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const studyMigrations: Record<string, Migration> = {
  '20261124_72_study': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('study_assignments')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('document_id', 'text', (col) => col.notNull().references('documents.id'))
        .addColumn('note', 'text')
        .addColumn('deadline', 'text', (col) => col.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('study_assignments_org')
        .on('study_assignments')
        .columns(['org_path', 'deadline'])
        .execute();
      await db.schema
        .createTable('study_marks')
        .addColumn('assignment_id', 'text', (col) => col.notNull().references('study_assignments.id'))
        .addColumn('account_id', 'text', (col) => col.notNull())
        .addColumn('member_id', 'text', (col) => col.notNull())
        .addColumn('branch_path', c.pathType, (col) => col.notNull())
        .addColumn('paragraph_id', 'text', (col) => col.notNull())
        .addColumn('studied_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('study_marks_pk', ['assignment_id', 'account_id', 'paragraph_id'])
        .execute();
      await db.schema
        .createIndex('study_marks_branch')
        .on('study_marks')
        .columns(['assignment_id', 'branch_path'])
        .execute();
    },
  },
};
