import SQLite from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

function database() {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (id integer primary key, name text)');
  return sqlite;
}

describe('withStatementCache', () => {
  it('prepares a statement once and gives it back for the same SQL', () => {
    const sqlite = database();
    const spy = vi.spyOn(sqlite, 'prepare');
    const db = withStatementCache(sqlite);
    const a = db.prepare('select * from t where id = ?');
    const b = db.prepare('select * from t where id = ?');
    expect(a).toBe(b);
    expect(spy).toHaveBeenCalledTimes(1);
    db.prepare('insert into t (name) values (?)').run(['Nguyễn Văn A']);
    expect(a.all([1])).toEqual([{ id: 1, name: 'Nguyễn Văn A' }]);
    db.close();
  });

  it('keeps only the most recently used statements', () => {
    const sqlite = database();
    const spy = vi.spyOn(sqlite, 'prepare');
    const db = withStatementCache(sqlite, 2);
    db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1'); // used again: now the most recent
    db.prepare('select 3'); // drops "select 2"
    expect(spy).toHaveBeenCalledTimes(3);
    db.prepare('select 1');
    expect(spy).toHaveBeenCalledTimes(3);
    db.prepare('select 2');
    expect(spy).toHaveBeenCalledTimes(4);
    db.close();
  });

  it('still answers after the schema changes under a kept statement', () => {
    const sqlite = database();
    const db = withStatementCache(sqlite);
    const select = db.prepare('select * from t');
    sqlite.exec('alter table t add column note text');
    db.prepare('insert into t (name, note) values (?, ?)').run(['B', 'ghi chú']);
    expect(db.prepare('select * from t').all([])).toEqual([{ id: 1, name: 'B', note: 'ghi chú' }]);
    expect(select.all([])).toHaveLength(1);
    db.close();
  });
});
