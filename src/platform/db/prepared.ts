import type SQLite from 'better-sqlite3';
import { CompiledQuery, PostgresAdapter, type Compilable, type InferResult } from 'kysely';
import type { Db, DbOrTx } from './database.ts';

/**
 * Queries built once and then run with new values, for the few statements every page view makes.
 *
 * Building a query with Kysely (parsing references, freezing the operation tree, compiling it) costs several
 * times what SQLite takes to run a small indexed query. A prepared query is built and compiled once per dialect
 * with placeholder values; each run only puts the values into the parameter list and executes the SQL text.
 *
 * On SQLite, a run outside any transaction executes the statement synchronously on the raw handle, skipping the
 * driver's connection queue: with one connection, nothing else can be half-way through a statement while this
 * code runs, and `inTransaction` tells whether another request has a transaction open, in which case the run
 * waits its turn through Kysely like any other query (it must not read another request's uncommitted writes).
 */

const MARK = '\u0000sotay-param\u0000';

type ParamValue = string | number | null;
type Args = Record<string, ParamValue | readonly ParamValue[]>;
/** Stand-ins handed to the builder: one placeholder per scalar, an array of them per list. */
type Placeholders<A extends Args> = { [K in keyof A]: A[K] };

interface Compiled {
  sql: string;
  /** Per parameter: a fixed value compiled into the query, or where the run's value comes from. */
  slots: Array<{ fixed: unknown } | { name: string; index: number | null }>;
}

interface RawHandle {
  sqlite: SQLite.Database;
  prepare(sql: string): SQLite.Statement;
}

const rawHandles = new WeakMap<object, RawHandle>();

/** Tells prepared queries which raw SQLite handle (and statement cache) sits under this Kysely instance. */
export function registerRawSqlite(
  db: Db,
  sqlite: SQLite.Database,
  prepare: (sql: string) => SQLite.Statement,
) {
  rawHandles.set(db, { sqlite, prepare });
}

function placeholder(name: string, index: number | null): string {
  return `${MARK}${name}${MARK}${index ?? ''}`;
}

function parseSlot(value: unknown): { name: string; index: number | null } | null {
  if (typeof value !== 'string' || !value.startsWith(MARK)) return null;
  const [, name, index] = value.split(MARK);
  return { name: name!, index: index ? Number(index) : null };
}

export interface PreparedQuery<A extends Args, R> {
  /** Every row. */
  all(db: DbOrTx, args: A): Promise<R[]>;
  /** The first row, or undefined. */
  first(db: DbOrTx, args: A): Promise<R | undefined>;
}

/**
 * A query whose shape is fixed and whose values change. `build` receives placeholders in place of the values
 * and must pass them to the builder unchanged (`where('id', '=', p.id)`); a list compiles once per length
 * (`where('id', 'in', p.ids)`). Placeholders must not be transformed (concatenated into a LIKE pattern, say):
 * that is detected when the query is first compiled.
 */
export function prepareQuery<A extends Args, Q extends Compilable<unknown>>(
  build: (db: Db, p: Placeholders<A>) => Q,
): PreparedQuery<A, InferResult<Q>[number]> {
  // Per dialect (the SQL differs) and per shape of the lists given.
  const compiled = new Map<string, Compiled>();

  function compile(db: DbOrTx, args: A, shape: string): Compiled {
    const key = `${db.getExecutor().adapter instanceof PostgresAdapter ? 'pg' : 'sqlite'}|${shape}`;
    let c = compiled.get(key);
    if (c) return c;
    const p = {} as Record<string, unknown>;
    for (const [name, value] of Object.entries(args))
      p[name] = Array.isArray(value) ? value.map((_, i) => placeholder(name, i)) : placeholder(name, null);
    const q = build(db as Db, p as Placeholders<A>).compile();
    const seen = new Set<string>();
    const slots = q.parameters.map((value) => {
      const slot = parseSlot(value);
      if (slot) seen.add(slot.name);
      else if (typeof value === 'string' && value.includes(MARK))
        throw new Error(`prepared query: placeholder changed by the builder (${q.sql})`);
      return slot ?? { fixed: value };
    });
    for (const name of Object.keys(args))
      if (!seen.has(name) && !(Array.isArray(args[name]) && (args[name] as unknown[]).length === 0))
        throw new Error(`prepared query: value "${name}" is not used by the query (${q.sql})`);
    c = { sql: q.sql, slots };
    // A list's length is part of the shape; keep the number of shapes bounded.
    if (compiled.size >= 64) compiled.clear();
    compiled.set(key, c);
    return c;
  }

  function parameters(c: Compiled, args: A): unknown[] {
    return c.slots.map((s) => {
      if ('fixed' in s) return s.fixed;
      const v = args[s.name];
      return s.index === null ? v : (v as readonly ParamValue[])[s.index];
    });
  }

  function shapeOf(args: A): string {
    let shape = '';
    for (const name in args) {
      const v = args[name];
      if (Array.isArray(v)) shape += `${name}:${v.length};`;
    }
    return shape;
  }

  async function all(db: DbOrTx, args: A): Promise<Array<InferResult<Q>[number]>> {
    const c = compile(db, args, shapeOf(args));
    const params = parameters(c, args);
    const raw = rawHandles.get(db);
    if (raw && !raw.sqlite.inTransaction) {
      const stmt = raw.prepare(c.sql);
      try {
        return stmt.all(params) as Array<InferResult<Q>[number]>;
      } catch (err) {
        // An open iterator (a streamed export) keeps the connection busy: wait for it through the driver.
        if (!(err instanceof TypeError && /busy/i.test(err.message))) throw err;
      }
    }
    const result = await db.executeQuery<InferResult<Q>[number]>(CompiledQuery.raw(c.sql, params));
    return result.rows;
  }

  return {
    all,
    async first(db, args) {
      return (await all(db, args))[0];
    },
  };
}
