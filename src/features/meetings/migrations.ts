import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const meetingMigrations: Record<string, Migration> = {
  '20261123_51_meetings': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('meeting_templates')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('org_type', 'text', (col) => col.notNull())
        .addColumn('meeting_kind', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('steps', 'text', (col) => col.notNull())
        .addColumn('published', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('meeting_templates_org')
        .on('meeting_templates')
        .column('org_path')
        .execute();

      await db.schema
        .createTable('meetings')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('theme', 'text')
        .addColumn('starts_at', 'text', (col) => col.notNull())
        .addColumn('place', 'text', (col) => col.notNull())
        .addColumn('online', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('published_at', 'text')
        .addColumn('started_at', 'text')
        .addColumn('ended_at', 'text')
        .addColumn('chair_member_id', 'text')
        .addColumn('minute_taker_member_id', 'text')
        .addColumn('minutes', 'text')
        .addColumn('minutes_approved_at', 'text')
        .addColumn('qr_secret', 'text', (col) => col.notNull())
        .addColumn('qr_code', 'text')
        .addColumn('qr_expires_at', 'text')
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('meetings_org').on('meetings').columns(['org_path', 'starts_at']).execute();

      await db.schema
        .createTable('meeting_materials')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('meeting_id', 'text', (col) => col.notNull().references('meetings.id'))
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('document_id', 'text')
        .addColumn('url', 'text')
        .addColumn('file_key', 'text')
        .addColumn('file_name', 'text')
        .addColumn('file_mime', 'text')
        .addColumn('position', 'integer', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('meeting_materials_m')
        .on('meeting_materials')
        .column('meeting_id')
        .execute();

      await db.schema
        .createTable('meeting_drafts')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('meeting_id', 'text', (col) => col.notNull().references('meetings.id'))
        .addColumn('version', 'integer', (col) => col.notNull())
        .addColumn('content', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('published_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('meeting_drafts_version', ['meeting_id', 'version'])
        .execute();

      await db.schema
        .createTable('meeting_reads')
        .addColumn('meeting_id', 'text', (col) => col.notNull().references('meetings.id'))
        .addColumn('member_id', 'text', (col) => col.notNull())
        .addColumn('first_at', 'text', (col) => col.notNull())
        .addColumn('last_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('meeting_reads_pk', ['meeting_id', 'member_id'])
        .execute();

      await db.schema
        .createTable('meeting_comments')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('meeting_id', 'text', (col) => col.notNull().references('meetings.id'))
        .addColumn('target_kind', 'text', (col) => col.notNull())
        .addColumn('target_id', 'text', (col) => col.notNull())
        .addColumn('parent_id', 'text')
        .addColumn('draft_version', 'integer')
        .addColumn('author_account_id', 'text', (col) => col.notNull())
        .addColumn('author_member_id', 'text')
        .addColumn('author_name', 'text', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('answer', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('meeting_comments_m')
        .on('meeting_comments')
        .columns(['meeting_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('meeting_attendance')
        .addColumn('meeting_id', 'text', (col) => col.notNull().references('meetings.id'))
        .addColumn('member_id', 'text', (col) => col.notNull())
        .addColumn('mark', 'text', (col) => col.notNull())
        .addColumn('reason', 'text')
        .addColumn('remote', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('source', 'text', (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'member_id'])
        .execute();

      await db.schema
        .createTable('meeting_notes')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('meeting_id', 'text', (col) => col.notNull().references('meetings.id'))
        .addColumn('step_id', 'text', (col) => col.notNull())
        .addColumn('speaker', 'text')
        .addColumn('text', 'text', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('meeting_notes_m').on('meeting_notes').column('meeting_id').execute();

      await db.schema
        .createTable('meeting_motions')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('meeting_id', 'text', (col) => col.notNull().references('meetings.id'))
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('method', 'text', (col) => col.notNull())
        .addColumn('is_resolution', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('hands', 'text')
        .addColumn('outcome', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('meeting_motions_m').on('meeting_motions').column('meeting_id').execute();

      // The primary key is what makes a second vote by the same member impossible, even in a race.
      await db.schema
        .createTable('meeting_ballots')
        .addColumn('motion_id', 'text', (col) => col.notNull().references('meeting_motions.id'))
        .addColumn('member_id', 'text', (col) => col.notNull())
        .addColumn('choice', 'text', (col) => col.notNull())
        .addColumn('at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('meeting_ballots_pk', ['motion_id', 'member_id'])
        .execute();

      await db.schema
        .createTable('meeting_resolution_tasks')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('meeting_id', 'text', (col) => col.notNull().references('meetings.id'))
        .addColumn('org_id', 'text', (col) => col.notNull())
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('content', 'text', (col) => col.notNull())
        .addColumn('owner', 'text', (col) => col.notNull())
        .addColumn('deadline', 'text')
        .addColumn('position', 'integer', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('meeting_resolution_tasks_org')
        .on('meeting_resolution_tasks')
        .columns(['org_path', 'deadline'])
        .execute();

      await db.schema
        .createTable('meeting_quality')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('meeting_id', 'text', (col) => col.notNull().references('meetings.id'))
        .addColumn('scorer_account_id', 'text', (col) => col.notNull())
        .addColumn('role', 'text', (col) => col.notNull())
        .addColumn('answers', 'text', (col) => col.notNull())
        .addColumn('score', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
    },
  },
  // A branch's meetings of a month (supervision recount, report pre-fill, calendar) are read by organisation id;
  // without these indexes each such read scanned every meeting (or score) of the database.
  '20261207_52_meetings_org_id': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('meetings_org_id')
        .on('meetings')
        .columns(['org_id', 'starts_at'])
        .execute();
      await db.schema
        .createIndex('meeting_quality_m')
        .on('meeting_quality')
        .columns(['meeting_id', 'created_at'])
        .execute();
      // The tasks of a meeting's resolution (adopting it again replaces them; the vote screen lists them).
      await db.schema
        .createIndex('meeting_resolution_tasks_m')
        .on('meeting_resolution_tasks')
        .column('meeting_id')
        .execute();
    },
  },
};
