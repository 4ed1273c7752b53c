import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const quizMigrations: Record<string, Migration> = {
  '20261124_71_quizzes': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('quiz_questions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('document_id', 'text', (col) => col.notNull().references('documents.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('stem', 'text', (col) => col.notNull())
        .addColumn('options', 'text', (col) => col.notNull())
        .addColumn('correct', 'text', (col) => col.notNull())
        .addColumn('paragraph_id', 'text', (col) => col.notNull())
        .addColumn('tags', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('origin', 'text', (col) => col.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('quiz_questions_doc')
        .on('quiz_questions')
        .columns(['document_id', 'status', 'created_at'])
        .execute();
      await db.schema
        .createTable('quiz_contests')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('document_id', 'text', (col) => col.notNull().references('documents.id'))
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('starts_at', 'text', (col) => col.notNull())
        .addColumn('ends_at', 'text', (col) => col.notNull())
        .addColumn('question_count', 'integer', (col) => col.notNull())
        .addColumn('time_limit_seconds', 'integer', (col) => col.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('quiz_contests_org')
        .on('quiz_contests')
        .columns(['org_path', 'ends_at'])
        .execute();
      await db.schema
        .createTable('quiz_attempts')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('contest_id', 'text', (col) => col.notNull().references('quiz_contests.id'))
        .addColumn('account_id', 'text', (col) => col.notNull())
        .addColumn('member_id', 'text')
        .addColumn('branch_path', c.pathType, (col) => col.notNull())
        .addColumn('layout', 'text', (col) => col.notNull())
        .addColumn('started_at', 'text', (col) => col.notNull())
        .addColumn('deadline_at', 'text', (col) => col.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('score', 'integer')
        .addColumn('total', 'integer', (col) => col.notNull())
        .execute();
      // One attempt per person and contest, enforced by the database even under concurrent starts.
      await db.schema
        .createIndex('quiz_attempts_once')
        .unique()
        .on('quiz_attempts')
        .columns(['contest_id', 'account_id'])
        .execute();
      await db.schema
        .createIndex('quiz_attempts_board')
        .on('quiz_attempts')
        .columns(['contest_id', 'branch_path'])
        .execute();
      await db.schema
        .createTable('quiz_answers')
        .addColumn('attempt_id', 'text', (col) => col.notNull().references('quiz_attempts.id'))
        .addColumn('question_id', 'text', (col) => col.notNull())
        .addColumn('chosen', 'text', (col) => col.notNull())
        .addColumn('correct', 'integer', (col) => col.notNull())
        .addColumn('answered_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('quiz_answers_pk', ['attempt_id', 'question_id'])
        .execute();
      await db.schema
        .createTable('quiz_practice')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('account_id', 'text', (col) => col.notNull())
        .addColumn('document_id', 'text', (col) => col.notNull())
        .addColumn('question_id', 'text', (col) => col.notNull())
        .addColumn('correct', 'integer', (col) => col.notNull())
        .addColumn('answered_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('quiz_practice_account')
        .on('quiz_practice')
        .columns(['account_id', 'answered_at'])
        .execute();
    },
  },
};
