import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';

/**
 * Migrations are named `<YYYYMMDD>_<nn>_<feature>_<what>` so they sort by time across features. Each feature
 * exports its own record; src/app/migrations.ts merges them.
 */
export async function migrateToLatest(db: Db, migrations: Record<string, Migration>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    allowUnorderedMigrations: true,
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
