import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';
import { DEFAULT_ORG_TYPES } from './org-types.ts';

export const orgMigrations: Record<string, Migration> = {
  '20261122_01_orgs': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('org_types')
        .addColumn('code', 'text', (col) => col.primaryKey())
        .addColumn('name_vi', 'text', (col) => col.notNull())
        .addColumn('name_en', 'text', (col) => col.notNull())
        .addColumn('rank', 'integer', (col) => col.notNull())
        .addColumn('holds_members', 'integer', (col) => col.notNull().defaultTo(0))
        .addColumn('parent_types', 'text', (col) => col.notNull().defaultTo('[]'))
        .addColumn('rules', 'text', (col) => col.notNull().defaultTo('{}'))
        .execute();
      await db.schema
        .createTable('orgs')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('parent_id', 'text', (col) => col.references('orgs.id'))
        .addColumn('path', c.pathType, (col) => col.notNull().unique())
        .addColumn('depth', 'integer', (col) => col.notNull())
        .addColumn('type_code', 'text', (col) => col.notNull().references('org_types.code'))
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('name_folded', 'text', (col) => col.notNull())
        .addColumn('province_id', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
        .addColumn('closed_at', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('orgs_parent').on('orgs').columns(['parent_id', 'name']).execute();
      await db.schema.createIndex('orgs_province').on('orgs').columns(['province_id', 'type_code']).execute();
      const rows = DEFAULT_ORG_TYPES.map((t) => ({
        code: t.code,
        name_vi: t.nameVi,
        name_en: t.nameEn,
        rank: t.rank,
        holds_members: t.holdsMembers ? 1 : 0,
        parent_types: JSON.stringify(t.parentTypes),
        rules: '{}',
      }));
      await (db as Kysely<{ org_types: (typeof rows)[number] }>)
        .insertInto('org_types')
        .values(rows)
        .execute();
    },
  },
};
