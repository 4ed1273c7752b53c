import { sql, type Kysely, type Migration } from 'kysely';
import { columnsFor } from '../db/columns.ts';

export const auditMigrations: Record<string, Migration> = {
  '20261122_04_audit': {
    async up(db: Kysely<unknown>) {
      const c = columnsFor(db);
      let t = db.schema.createTable('audit_log');
      t = c.serialPk(t, 'seq');
      await t
        .addColumn('id', 'text', (col) => col.notNull().unique())
        .addColumn('at', 'text', (col) => col.notNull())
        .addColumn('actor_account_id', 'text')
        .addColumn('on_behalf_of_member_id', 'text')
        .addColumn('action', 'text', (col) => col.notNull())
        .addColumn('entity_type', 'text', (col) => col.notNull())
        .addColumn('entity_id', 'text', (col) => col.notNull())
        .addColumn('org_path', c.pathType)
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('ip', 'text')
        .addColumn('request_id', 'text')
        .addColumn('prev_hash', 'text', (col) => col.notNull())
        .addColumn('hash', 'text', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('audit_org').on('audit_log').columns(['org_path', 'seq']).execute();
      await db.schema
        .createIndex('audit_entity')
        .on('audit_log')
        .columns(['entity_type', 'entity_id'])
        .execute();
      // Append-only at the database level too: updates and deletes are refused by triggers.
      if (c.pg) {
        await pgTriggers(db);
      } else {
        await sqliteTriggers(db);
      }
    },
  },
};

async function pgTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create or replace function audit_log_append_only() returns trigger as $$
    begin raise exception 'audit_log is append-only'; end; $$ language plpgsql`.execute(db);
  await sql`create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
}
