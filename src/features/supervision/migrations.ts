import { sql, type Kysely, type Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';
import type { DB } from '../../platform/db/schema.ts';
import { ZERO_COUNTS } from './rollup.ts';
import { rebuildLevels } from './levels.ts';
import { MEETING_TYPES } from './org-changes.ts';

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
  '20261207_72_supervision_totals': {
    async up(db: Kysely<unknown>) {
      let t = db.schema
        .createTable('supervision_totals')
        .addColumn('org_id', 'text', (col) => col.notNull())
        .addColumn('month', 'text', (col) => col.notNull())
        .addColumn('quality_sum', 'real', (col) => col.notNull().defaultTo(0))
        .addColumn('branches', 'integer', (col) => col.notNull().defaultTo(0));
      for (const name of COUNTS) t = t.addColumn(name, 'integer', (col) => col.notNull().defaultTo(0));
      await t.addPrimaryKeyConstraint('supervision_totals_pk', ['org_id', 'month']).execute();
      const typed = db as unknown as Kysely<DB>;
      // A branch counts in the months it has a row: every open branch gets one for this month (the nightly job
      // keeps doing so), then the level rows are summed from the branch rows.
      const month = new Date().toISOString().slice(0, 7);
      const now = new Date().toISOString();
      await typed
        .insertInto('supervision_monthly')
        .columns(['org_id', 'org_path', 'month', 'updated_at', ...COUNTS, 'quality_sum'])
        .expression((eb) =>
          eb
            .selectFrom('orgs')
            .select([
              'orgs.id',
              'orgs.path',
              sql.lit(month).as('month'),
              sql.lit(now).as('updated_at'),
              ...[...COUNTS, 'quality_sum' as const].map((c) => sql.lit(ZERO_COUNTS[c]).as(c)),
            ])
            .where('orgs.type_code', 'in', [...MEETING_TYPES])
            .where('orgs.status', '=', 'active')
            .where((w) =>
              w.not(
                w.exists(
                  w
                    .selectFrom('supervision_monthly as m')
                    .select('m.org_id')
                    .whereRef('m.org_id', '=', 'orgs.id')
                    .where('m.month', '=', month),
                ),
              ),
            ),
        )
        .execute();
      await rebuildLevels(typed);
    },
  },
};
