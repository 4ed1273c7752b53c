import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import SQLite from 'better-sqlite3';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../platform/config.ts';
import { sqliteFile } from '../platform/db/database.ts';

export interface BackupResult {
  file: string;
  bytes: number;
  kind: 'sqlite' | 'pg_dump';
}

function defaultName(config: Config): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const ext = config.databaseUrl ? 'pgdump' : 'sqlite';
  return path.join(config.dataDir, 'backups', `sotay-${stamp}.${ext}`);
}

/**
 * SQLite: the online backup API copies the database page by page while the server keeps writing; the copy is
 * one consistent snapshot (pages changed during the copy make it restart from a consistent point), then it is
 * checked with `pragma integrity_check`. PostgreSQL: `pg_dump` in custom format, one snapshot transaction.
 */
export async function backupDatabase(config: Config, out?: string): Promise<BackupResult> {
  const file = path.resolve(out ?? defaultName(config));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (config.databaseUrl) {
    const r = spawnSync(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, config.databaseUrl],
      {
        encoding: 'utf8',
      },
    );
    if (r.status !== 0) throw new Error(`pg_dump failed (${r.status ?? r.error?.message}): ${r.stderr}`);
    return { file, bytes: fs.statSync(file).size, kind: 'pg_dump' };
  }
  const source = sqliteFile(config.dataDir);
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
  const db = new SQLite(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const partial = `${file}.partial`;
  try {
    // After the first step, copy the whole database in one step: a write by another connection between steps
    // restarts the copy from the first page, so any smaller step (even "the pages that were remaining") can be
    // overtaken by a steady write load forever. Twice the current size leaves room for growth meanwhile.
    await db.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages * 2, 100) });
  } finally {
    db.close();
  }
  const copy = new SQLite(partial, { readonly: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`backup failed its integrity check: ${String(check)}`);
  } finally {
    copy.close();
  }
  // Only a complete, checked copy gets the final name.
  fs.renameSync(partial, file);
  return { file, bytes: fs.statSync(file).size, kind: 'sqlite' };
}

export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('Online, consistent backup of the database (SQLite backup API, or pg_dump for PostgreSQL)')
    .option(
      '--out <file>',
      'where to write the backup (default: SOTAY_DATA_DIR/backups/sotay-<time>.sqlite|.pgdump)',
    )
    .action(async (opts: { out?: string }) => {
      const r = await backupDatabase(loadConfig(), opts.out);
      console.log(`Đã sao lưu cơ sở dữ liệu vào ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MB).`);
      console.log('Lưu ý: tệp đính kèm nằm trong thư mục files của SOTAY_DATA_DIR, cần sao lưu riêng.');
    });
}
