/** Names the unique index a write collided with (SQLite reports columns, PostgreSQL the index name). */
export function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e?.code === '23505') return e.constraint ?? 'unique';
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return /UNIQUE constraint failed: (.+)$/.exec(e.message ?? '')?.[1] ?? 'unique';
  }
  return null;
}
