import type { Kysely, Migration } from 'kysely';
import { columnsFor } from '../../platform/db/columns.ts';

export const memberMigrations: Record<string, Migration> = {
  '20261122_02_members': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      await db.schema
        .createTable('members')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('org_id', 'text', (col) => col.notNull().references('orgs.id'))
        .addColumn('org_path', c.pathType, (col) => col.notNull())
        .addColumn('province_id', 'text', (col) => col.notNull())
        .addColumn('full_name', 'text', (col) => col.notNull())
        .addColumn('name_folded', 'text', (col) => col.notNull())
        .addColumn('gender', 'text')
        .addColumn('birth_date', 'text')
        .addColumn('phone', 'text')
        .addColumn('card_number', 'text')
        .addColumn('admitted_on', 'text')
        .addColumn('full_member_on', 'text')
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('host_org_id', 'text', (col) => col.references('orgs.id'))
        .addColumn('position', 'text')
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .addColumn('erased_at', 'text')
        .execute();
      await db.schema
        .createIndex('members_org_path')
        .on('members')
        .columns(['org_path', 'name_folded'])
        .execute();
      await db.schema.createIndex('members_org').on('members').columns(['org_id', 'name_folded']).execute();
      await db.schema.createIndex('members_host').on('members').column('host_org_id').execute();
      await db.schema
        .createIndex('members_card_unique')
        .on('members')
        .column('card_number')
        .unique()
        .where('card_number', 'is not', null)
        .execute();
      await db.schema
        .createIndex('members_phone_unique')
        .on('members')
        .column('phone')
        .unique()
        .where('phone', 'is not', null)
        .execute();
      await db.schema
        .createTable('member_transfers')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('member_id', 'text', (col) => col.notNull().references('members.id'))
        .addColumn('from_org_id', 'text', (col) => col.notNull())
        .addColumn('to_org_id', 'text', (col) => col.notNull())
        .addColumn('kind', 'text', (col) => col.notNull())
        .addColumn('note', 'text')
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('actor_account_id', 'text')
        .execute();
      await db.schema
        .createIndex('member_transfers_member')
        .on('member_transfers')
        .column('member_id')
        .execute();
    },
  },
};
