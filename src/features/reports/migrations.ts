import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const reportMigrations: Record<string, Migration> = {
  '20261123_31_reports': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('report_indicators')
        .addColumn('code', 'text', (col) => col.primaryKey())
        .addColumn('owner_org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('owner_path', c.pathType, (col) => col.notNull())
        .addColumn('definition', 'text', (col) => col.notNull())
        .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('report_templates')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('code', 'text', (col) => col.notNull())
        .addColumn('version', 'integer', (col) => col.notNull())
        .addColumn('owner_org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('owner_path', c.pathType, (col) => col.notNull())
        .addColumn('definition', 'text', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('report_templates_code_version', ['code', 'version'])
        .execute();
      await db.schema
        .createTable('report_assignments')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('committee_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('committee_path', c.pathType, (col) => col.notNull())
        .addColumn('template_code', 'text', (col) => col.notNull())
        .addColumn('target', 'text', (col) => col.notNull())
        .addColumn('period_type', 'text', (col) => col.notNull())
        .addColumn('deadline_days', 'integer', (col) => col.notNull())
        .addColumn('lock_after_days', 'integer', (col) => col.notNull())
        .addColumn('active_from', 'text', (col) => col.notNull())
        .addColumn('active_to', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('report_assignments_committee')
        .on('report_assignments')
        .columns(['committee_path'])
        .execute();
      await db.schema
        .createTable('reports')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('period', 'text', (col) => col.notNull())
        .addColumn('template_code', 'text', (col) => col.notNull())
        .addColumn('template_version', 'integer', (col) => col.notNull())
        .addColumn('assignment_id', 'text', (col) => col.notNull())
        .addColumn('reviewer_id', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('first_submitted_at', 'text')
        .addColumn('last_submitted_at', 'text')
        .addColumn('approved_at', 'text')
        .addColumn('complete', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('texts', 'text', (col) => col.notNull().defaultTo('{}'))
        .addColumn('warning_comments', 'text', (col) => col.notNull().defaultTo('{}'))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addUniqueConstraint('reports_org_template_period', ['org_id', 'template_code', 'period'])
        .execute();
      await db.schema
        .createIndex('reports_path_period')
        .on('reports')
        .columns(['org_path', 'period'])
        .execute();
      await db.schema
        .createTable('report_values')
        .addColumn('report_id', 'text', (col) => col.notNull().references('reports.id'))
        .addColumn('org_id', 'text', (col) => col.notNull())
        .addColumn('period', 'text', (col) => col.notNull())
        .addColumn('indicator', 'text', (col) => col.notNull())
        .addColumn('combo', 'text', (col) => col.notNull())
        .addColumn('num', c.pg ? 'double precision' : 'real')
        .addColumn('text', 'text')
        .addColumn('counted', 'integer', (col) => col.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('report_values_pk', ['report_id', 'indicator', 'combo'])
        .execute();
      await db.schema
        .createIndex('report_values_counted')
        .on('report_values')
        .columns(['org_id', 'counted', 'period'])
        .execute();
      await db.schema
        .createTable('report_totals')
        .addColumn('org_id', 'text', (col) => col.notNull())
        .addColumn('period', 'text', (col) => col.notNull())
        .addColumn('indicator', 'text', (col) => col.notNull())
        .addColumn('combo', 'text', (col) => col.notNull())
        .addColumn('sum', c.pg ? 'double precision' : 'real', (col) => col.notNull())
        .addColumn('count', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('report_totals_pk', ['org_id', 'period', 'indicator', 'combo'])
        .execute();
      await db.schema
        .createTable('narrative_reports')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('reviewer_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('reviewer_path', c.pathType, (col) => col.notNull())
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('period', 'text')
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('state', 'text', (col) => col.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('narrative_reports_path')
        .on('narrative_reports')
        .columns(['org_path', 'created_at'])
        .execute();
      await db.schema
        .createIndex('narrative_reports_reviewer')
        .on('narrative_reports')
        .columns(['reviewer_path', 'status'])
        .execute();
      await db.schema
        .createTable('narrative_attachments')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('narrative_id', 'text', (col) => col.notNull().references('narrative_reports.id'))
        .addColumn('file_key', 'text', (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('mime', 'text', (col) => col.notNull())
        .addColumn('size', 'integer', (col) => col.notNull())
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema
        .createIndex('narrative_attachments_report')
        .on('narrative_attachments')
        .column('narrative_id')
        .execute();
    },
  },
  '20261123_41_reports_stamps': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('report_stamps')
        .addColumn('name', 'text', (col) => col.primaryKey())
        .addColumn('value', 'integer', (col) => col.notNull())
        .execute();
    },
  },
  // Completeness reads one period of a subtree: equality on the period first, then the path range.
  '20261123_42_reports_period_path': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('reports_period_path')
        .on('reports')
        .columns(['period', 'org_path'])
        .execute();
    },
  },
};
