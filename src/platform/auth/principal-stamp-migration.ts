import { sql, type Kysely, type Migration } from 'kysely';
import { dialectOf } from '../db/database.ts';

/**
 * What the signed-in principal is made of, and which changes of it must empty the principal caches: the table,
 * the columns whose change matters (for updates), and whether an insert matters. An insert into accounts,
 * members, orgs or sessions cannot change a principal already built (nothing refers to the new row yet); a grant
 * or a pending second step can.
 */
const WATCHED: { table: string; columns: string[]; onInsert: boolean }[] = [
  { table: 'sessions', columns: ['account_id', 'expires_at'], onInsert: false },
  { table: 'pending_second_factor', columns: ['session_id', 'account_id', 'state'], onInsert: true },
  { table: 'two_factor', columns: ['account_id', 'enabled_at'], onInsert: true },
  {
    table: 'accounts',
    columns: ['login', 'member_id', 'password_hash', 'must_change_password', 'preferences', 'disabled_at'],
    onInsert: false,
  },
  { table: 'members', columns: ['org_id', 'org_path', 'host_org_id', 'erased_at'], onInsert: false },
  { table: 'orgs', columns: ['path', 'status'], onInsert: false },
  { table: 'role_grants', columns: ['account_id', 'org_id', 'role'], onInsert: true },
];

const changed = (columns: string[], pg: boolean) =>
  columns.map((c) => `old.${c} ${pg ? 'is distinct from' : 'is not'} new.${c}`).join(' or ');

/**
 * `principal_stamp`: one counter bumped by database triggers in the transaction of every change listed above,
 * whoever makes it (a route, a job, the CLI in another process). A process keeps principals only while the
 * counter it read is unchanged (src/platform/auth/principal-cache.ts). Triggers rather than calls in the code:
 * a write site that forgot the call would be an authorisation bug nobody sees.
 */
export const principalStampMigrations: Record<string, Migration> = {
  '20261207_10_auth_principal_stamp': {
    async up(db: Kysely<unknown>) {
      const pg = dialectOf(db) === 'postgres';
      await db.schema
        .createTable('principal_stamp')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      // Starts from the clock rather than 0, so a database made again from scratch never repeats a stamp that a
      // running process may still hold.
      await sql`insert into principal_stamp (id, value) values (1, ${Date.now()})`.execute(db);
      if (pg) {
        // Once per transaction (a subtree move updates thousands of member rows): the flag is transaction-local
        // and is undone with a rolled-back savepoint, as the update it guards.
        await sql`create or replace function principal_stamp_bump() returns trigger as $$
          begin
            if coalesce(current_setting('sotay.principal_stamp_bumped', true), '') <> '1' then
              update principal_stamp set value = value + 1 where id = 1;
              perform set_config('sotay.principal_stamp_bumped', '1', true);
            end if;
            return null;
          end; $$ language plpgsql`.execute(db);
        for (const w of WATCHED) {
          const t = sql.raw(w.table);
          await sql`create trigger ${sql.raw(`${w.table}_principal_upd`)} after update on ${t} for each row
            when (${sql.raw(changed(w.columns, pg))}) execute function principal_stamp_bump()`.execute(db);
          await sql`create trigger ${sql.raw(`${w.table}_principal_del`)} after delete on ${t}
            for each row execute function principal_stamp_bump()`.execute(db);
          if (w.onInsert)
            await sql`create trigger ${sql.raw(`${w.table}_principal_ins`)} after insert on ${t}
              for each row execute function principal_stamp_bump()`.execute(db);
        }
        return;
      }
      const bump = sql.raw('begin update principal_stamp set value = value + 1 where id = 1; end');
      for (const w of WATCHED) {
        const t = sql.raw(w.table);
        await sql`create trigger ${sql.raw(`${w.table}_principal_upd`)} after update on ${t} for each row
          when ${sql.raw(changed(w.columns, pg))} ${bump}`.execute(db);
        await sql`create trigger ${sql.raw(`${w.table}_principal_del`)} after delete on ${t}
          for each row ${bump}`.execute(db);
        if (w.onInsert)
          await sql`create trigger ${sql.raw(`${w.table}_principal_ins`)} after insert on ${t}
            for each row ${bump}`.execute(db);
      }
    },
  },
};
