import { sql, type Kysely } from 'kysely';
import { dialectOf } from './database.ts';

/**
 * Change counters kept by the database itself. A process that keeps something built from some tables in memory
 * (principals, document pages) reads one counter per request and drops what it kept when the counter has moved.
 * Triggers rather than calls in the code: a write site that forgot the call would serve stale or, worse,
 * unauthorised data, and nobody would see it. Every process sharing the database, the CLI included, bumps it.
 */

/** A table whose changes move a stamp: the columns whose update matters, and whether an insert matters. */
export interface WatchedTable {
  table: string;
  columns: string[];
  onInsert: boolean;
}

const changed = (columns: string[], pg: boolean) =>
  columns.map((c) => `old.${c} ${pg ? 'is distinct from' : 'is not'} new.${c}`).join(' or ');

/**
 * Creates the one-row table `stamp` (id 1), starting from the clock rather than 0 so a database made again
 * from scratch never repeats a value a running process may still hold, and the triggers that bump it.
 */
export async function createStamp(
  db: Kysely<unknown>,
  stamp: string,
  watched: WatchedTable[],
  triggerTag = stamp,
): Promise<void> {
  await db.schema
    .createTable(stamp)
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into ${sql.table(stamp)} (id, value) values (1, ${Date.now()})`.execute(db);
  await addStampTriggers(db, stamp, watched, triggerTag);
}

/** The triggers of `stamp` (named `<table>_<triggerTag>_upd|del|ins`) on these tables. */
export async function addStampTriggers(
  db: Kysely<unknown>,
  stamp: string,
  watched: WatchedTable[],
  triggerTag = stamp,
): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  let action: string;
  if (pg) {
    // Once per transaction (a subtree move updates thousands of rows): the flag is transaction-local and is undone
    // with a rolled-back savepoint, as the update it guards.
    const fn = `${stamp}_bump`;
    await sql`create or replace function ${sql.raw(fn)}() returns trigger as $$
      begin
        if coalesce(current_setting(${sql.lit(`sotay.${stamp}_bumped`)}, true), '') <> '1' then
          update ${sql.raw(stamp)} set value = value + 1 where id = 1;
          perform set_config(${sql.lit(`sotay.${stamp}_bumped`)}, '1', true);
        end if;
        return null;
      end; $$ language plpgsql`.execute(db);
    action = `execute function ${fn}()`;
  } else action = `begin update ${stamp} set value = value + 1 where id = 1; end`;
  for (const w of watched) {
    const t = sql.raw(w.table);
    const name = (event: string) => sql.raw(`${w.table}_${triggerTag}_${event}`);
    const when = `when (${changed(w.columns, pg)})`;
    await sql`create trigger ${name('upd')} after update on ${t} for each row ${sql.raw(when)} ${sql.raw(action)}`.execute(
      db,
    );
    await sql`create trigger ${name('del')} after delete on ${t} for each row ${sql.raw(action)}`.execute(db);
    if (w.onInsert)
      await sql`create trigger ${name('ins')} after insert on ${t} for each row ${sql.raw(action)}`.execute(
        db,
      );
  }
}
