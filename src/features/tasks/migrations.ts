import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const taskMigrations: Record<string, Migration> = {
  '20261123_70_tasks': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('tasks')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('description', 'text', (col) => col.notNull())
        .addColumn('owner_member_id', 'text')
        .addColumn('owner_label', 'text', (col) => col.notNull())
        .addColumn('deadline', 'text')
        .addColumn('own_progress', 'real', (col) => col.notNull().defaultTo(0))
        .addColumn('progress', 'real', (col) => col.notNull().defaultTo(0))
        .addColumn('weight', 'real', (col) => col.notNull().defaultTo(1))
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('completed_on', 'text')
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('meeting_id', 'text')
        .addColumn('resolution_task_id', 'text', (col) => col.unique())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('tasks_org').on('tasks').columns(['org_path', 'deadline']).execute();
      await db.schema.createIndex('tasks_owner').on('tasks').columns(['owner_member_id', 'status']).execute();
      await db.schema.createIndex('tasks_parent').on('tasks').columns(['parent_id']).execute();
      await db.schema
        .createTable('task_contributors')
        .addColumn('task_id', 'text', (col) => col.notNull().references('tasks.id'))
        .addColumn('member_id', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('task_contributors_pk', ['task_id', 'member_id'])
        .execute();
      await db.schema
        .createIndex('task_contributors_member')
        .on('task_contributors')
        .columns(['member_id'])
        .execute();
      await db.schema
        .createTable('task_updates')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('task_id', 'text', (col) => col.notNull().references('tasks.id'))
        .addColumn('author_account_id', 'text', (col) => col.notNull())
        .addColumn('author_member_id', 'text')
        .addColumn('progress', 'real', (col) => col.notNull())
        .addColumn('note', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('task_updates_task')
        .on('task_updates')
        .columns(['task_id', 'created_at'])
        .execute();
    },
  },
  '20261125_75_task_files': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('task_files')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('task_id', 'text', (col) => col.notNull().references('tasks.id'))
        .addColumn('update_id', 'text', (col) => col.notNull().references('task_updates.id'))
        .addColumn('file_key', 'text', (col) => col.notNull())
        .addColumn('file_name', 'text', (col) => col.notNull())
        .addColumn('mime', 'text', (col) => col.notNull())
        .addColumn('size', 'integer', (col) => col.notNull())
        .addColumn('sha256', 'text', (col) => col.notNull())
        .addColumn('uploaded_by', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('task_files_update').on('task_files').columns(['update_id']).execute();
      await db.schema.createIndex('task_files_task').on('task_files').columns(['task_id']).execute();
    },
  },
  // Lists, reminders and the supervision roll-up read a branch's tasks by organisation id: without this index
  // each of those reads scanned every task of the database.
  '20261207_76_tasks_org_id': {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('tasks_org_id').on('tasks').columns(['org_id', 'deadline']).execute();
    },
  },
};
