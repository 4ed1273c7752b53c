import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

const COUNTS = [
  'meetings_held',
  'regular_held',
  'themed_held',
  'materials_early',
  'attendance_present',
  'attendance_expected',
  'opened_before',
  'comments',
  'ballots_cast',
  'ballots_possible',
  'duration_minutes',
  'quality_count',
  'members',
  'tasks_total',
  'tasks_on_time',
  'tasks_late',
  'tasks_overdue',
  'active_members',
] as const;

export const supervisionMigrations: Record<string, Migration> = {
  '20261123_72_supervision': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      let t = db.schema
        .createTable('supervision_monthly')
        .addColumn('org_id', 'text', (col) => col.notNull())
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('month', 'text', (col) => col.notNull())
        .addColumn('quality_sum', 'real', (col) => col.notNull().defaultTo(0))
        .addColumn('updated_at', 'text', (col) => col.notNull());
      for (const name of COUNTS) t = t.addColumn(name, 'integer', (col) => col.notNull().defaultTo(0));
      await t.addPrimaryKeyConstraint('supervision_monthly_pk', ['org_id', 'month']).execute();
      await db.schema
        .createIndex('supervision_monthly_path')
        .on('supervision_monthly')
        .columns(['month', 'org_path'])
        .execute();
    },
  },
};
