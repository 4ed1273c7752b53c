import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../app/features.ts';
import { openDatabase } from '../../platform/db/database.ts';
import type { Feature } from '../../platform/http/types.ts';
import { contributorsOf } from './registry.ts';

/** A column that names a member or an account: `member_id`, `author_account_id`, `created_by`, … */
const PERSON_COLUMN = /(^|_)(member|account)_id$|_by$/;
/** Columns that match but name no person: the job queue's lease holder is a worker process. */
const NOT_PERSON = new Set(['jobs.locked_by']);
/** The subject tables themselves. */
const SUBJECT_TABLES = new Set(['members', 'accounts']);

interface Table {
  feature: string;
  name: string;
  personColumns: string[];
}

/** Runs the features' migrations in order on an empty SQLite database and says which feature made which table. */
async function tablesByFeature(features: readonly Feature[]): Promise<Table[]> {
  const handle = openDatabase({ databaseUrl: null, dataDir: '', sqliteFile: ':memory:' });
  const sqlite = handle.sqlite!;
  const owner = new Map<string, { feature: string; up: (db: Kysely<unknown>) => Promise<void> }>();
  for (const f of features)
    for (const [name, m] of Object.entries(f.migrations ?? {}))
      owner.set(name, { feature: f.name, up: m.up });
  const tables: Table[] = [];
  const seen = new Set<string>();
  try {
    for (const name of [...owner.keys()].sort()) {
      const { feature, up } = owner.get(name)!;
      await up(handle.db as unknown as Kysely<unknown>);
      const names = sqlite
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
        .all() as Array<{ name: string }>;
      for (const { name: table } of names) {
        if (seen.has(table)) continue;
        seen.add(table);
        const columns = (
          sqlite.prepare(`pragma table_info("${table}")`).all() as Array<{ name: string }>
        ).map((c) => c.name);
        tables.push({
          feature,
          name: table,
          personColumns: columns.filter((c) => PERSON_COLUMN.test(c) && !NOT_PERSON.has(`${table}.${c}`)),
        });
      }
    }
  } finally {
    await handle.close();
  }
  return tables;
}

/** What is wrong with the registry: member-linked tables no contributor covers, and tables named but absent. */
async function registryProblems(features: readonly Feature[]): Promise<string[]> {
  const tables = await tablesByFeature(features);
  const problems: string[] = [];
  const byFeature = new Map(features.map((f) => [f.name, f]));
  for (const t of tables) {
    if (t.personColumns.length === 0 && !SUBJECT_TABLES.has(t.name)) continue;
    const contributor = byFeature.get(t.feature)?.personalData;
    if (!contributor)
      problems.push(`${t.feature}: table ${t.name} (${t.personColumns.join(', ')}) but no personalData`);
    else if (!contributor.tables.includes(t.name))
      problems.push(`${t.feature}: personalData does not cover ${t.name} (${t.personColumns.join(', ')})`);
  }
  const known = new Map(tables.map((t) => [t.name, t.feature]));
  for (const c of contributorsOf(features))
    for (const name of c.tables)
      if (known.get(name) !== c.feature)
        problems.push(`${c.feature}: personalData names ${name}, not its table`);
  return problems;
}

describe('personal data registry', () => {
  it('has a contributor for every table that holds a member or an account', async () => {
    expect(await registryProblems(FEATURES)).toEqual([]);
  });

  it('finds a feature that forgot its contributor or one of its tables', async () => {
    const forgetful: Feature = {
      name: 'forgetful',
      migrations: {
        '29990101_01_forgetful': {
          async up(db) {
            await db.schema
              .createTable('forgetful_likes')
              .addColumn('id', 'text', (c) => c.primaryKey())
              .addColumn('liker_account_id', 'text')
              .execute();
          },
        },
      },
    };
    const base = FEATURES.filter((f) => ['orgs', 'members', 'accounts'].includes(f.name));
    expect(await registryProblems([...base, forgetful])).toEqual([
      'forgetful: table forgetful_likes (liker_account_id) but no personalData',
    ]);
    const partial: Feature = {
      ...forgetful,
      personalData: { ...FEATURES.find((f) => f.name === 'calendar')!.personalData!, tables: [] },
    };
    expect(await registryProblems([...base, partial])).toEqual([
      'forgetful: personalData does not cover forgetful_likes (liker_account_id)',
    ]);
  });
});
