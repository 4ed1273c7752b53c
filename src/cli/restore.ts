import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import SQLite from 'better-sqlite3';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../platform/config.ts';
import { sqliteFile } from '../platform/db/database.ts';

/**
 * Replaces the database with a backup. SQLite: the backup is checked first, copied next to the database and
 * renamed over it (the old file is kept as `.before-restore`); the server must be stopped. PostgreSQL:
 * `pg_restore --clean` in a single transaction, so a failed restore leaves the database as it was.
 */
export async function restoreDatabase(config: Config, file: string): Promise<{ previous: string | null }> {
  if (!fs.existsSync(file)) throw new Error(`no backup at ${file}`);
  if (config.databaseUrl) {
    const r = spawnSync(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        '--single-transaction',
        '--exit-on-error',
        `--dbname=${config.databaseUrl}`,
        file,
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`pg_restore failed (${r.status ?? r.error?.message}): ${r.stderr}`);
    return { previous: null };
  }
  const check = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const ok = check.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`the backup failed its integrity check: ${String(ok)}`);
    const migrations = check
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get() as { n: number };
    if (migrations.n !== 1) throw new Error('this file is not a Sổ tay database');
  } finally {
    check.close();
  }
  const target = sqliteFile(config.dataDir);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const incoming = `${target}.restore`;
  fs.copyFileSync(file, incoming);
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, previous);
  }
  // A WAL left by the old database would be replayed onto the restored one.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(incoming, target);
  return { previous };
}

export function registerRestoreCommand(program: Command): void {
  program
    .command('restore <file>')
    .description('Replace the database with a backup made by `sotay backup` (stop the server first)')
    .action(async (file: string) => {
      const r = await restoreDatabase(loadConfig(), file);
      console.log(`Đã khôi phục cơ sở dữ liệu từ ${file}.`);
      if (r.previous) console.log(`Cơ sở dữ liệu cũ được giữ lại tại ${r.previous}.`);
    });
}
