import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { indexSearchItem, removeSearchItem, type SearchItem } from './index-writer.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const base: SearchItem = {
  type: 'document',
  id: 'doc-1',
  title: 'Nghị quyết về chuyển đổi số',
  body: 'Đẩy mạnh chuyển đổi số trong các cơ quan Đảng, thực hiện Nghị quyết số 02-NQ/TU.',
  number: '02-NQ/TU',
  level: 'province',
  date: '2026-03-01',
  source: 'nq02.docx',
  url: '/documents/doc-1',
  audience: ['/p/', '/p/d/'],
};

/** Item ids whose full-text entry matches one folded term, through the back end's own index. */
async function matching(term: string): Promise<string[]> {
  if (t.dialect === 'postgres') {
    const r = await sql<{ item_id: string }>`select item_id from search_items
      where doc @@ ${`'${term}'`}::tsquery order by item_id`.execute(t.ctx.db);
    return r.rows.map((x) => x.item_id);
  }
  const r = await sql<{ item_id: string }>`select i.item_id from search_fts f
    join search_items i on i.seq = f.rowid where search_fts match ${`"${term}"`} order by i.item_id`.execute(
    t.ctx.db,
  );
  return r.rows.map((x) => x.item_id);
}

describe('index writer', () => {
  it('indexes folded terms, the whole number and the audience', async () => {
    await t.ctx.db.transaction().execute((trx) => indexSearchItem(trx, base));
    const row = await t.ctx.db
      .selectFrom('search_items')
      .select(['seq', 'title', 'title_f', 'body_f', 'number_key', 'level', 'source'])
      .where('item_id', '=', 'doc-1')
      .executeTakeFirstOrThrow();
    expect(row.title_f).toBe('nghi quyet ve chuyen doi so | 02 nq tu');
    expect(row.body_f).toContain('nghi quyet so 02 nq tu');
    expect(row.number_key).toBe('02nqtu');
    expect(await matching('dang')).toEqual(['doc-1']);
    expect(await matching('02nqtu')).toEqual(['doc-1']);
    const paths = await t.ctx.db
      .selectFrom('search_audience')
      .select('path')
      .where('item_seq', '=', row.seq)
      .orderBy('path')
      .execute();
    expect(paths.map((p) => p.path)).toEqual(['/p/', '/p/d/']);
  });

  it('replaces an item on re-index and forgets its old terms', async () => {
    await indexSearchItem(t.ctx.db, { ...base, body: 'Văn bản đã sửa về nông thôn mới.', audience: ['/q/'] });
    expect(await matching('dang')).toEqual([]);
    expect(await matching('nong')).toEqual(['doc-1']);
    const rows = await t.ctx.db
      .selectFrom('search_items')
      .select('seq')
      .where('item_id', '=', 'doc-1')
      .execute();
    expect(rows).toHaveLength(1);
    const paths = await t.ctx.db
      .selectFrom('search_audience')
      .select('path')
      .where('item_seq', '=', rows[0]!.seq)
      .execute();
    expect(paths.map((p) => p.path)).toEqual(['/q/']);
  });

  it('keeps items of different types with the same id apart, and removes one', async () => {
    await indexSearchItem(t.ctx.db, {
      ...base,
      type: 'news',
      url: '/news/doc-1',
      body: 'Tin nông thôn mới.',
    });
    expect(await matching('nong')).toHaveLength(2);
    await removeSearchItem(t.ctx.db, 'document', 'doc-1');
    await removeSearchItem(t.ctx.db, 'document', 'never-indexed');
    const left = await t.ctx.db.selectFrom('search_items').select(['type', 'seq']).execute();
    expect(left.map((r) => r.type)).toEqual(['news']);
    expect(await matching('nong')).toEqual(['doc-1']);
    const audience = await t.ctx.db.selectFrom('search_audience').select('item_seq').execute();
    expect(audience.every((a) => Number(a.item_seq) === Number(left[0]!.seq))).toBe(true);
  });

  it('rolls back with the caller transaction', async () => {
    await t.ctx.db
      .transaction()
      .execute(async (trx) => {
        await indexSearchItem(trx, { ...base, id: 'doc-rollback', body: 'Tạm thời thôi.' });
        throw new Error('abort');
      })
      .catch(() => undefined);
    expect(await matching('tam')).toEqual([]);
  });

  it('stores awkward text as text: quotes, operators, emoji, very long bodies', async () => {
    const body = `Câu có "ngoặc kép" AND OR NEAR * - : ( ) 'nháy' \\ 😀 Москва 北京 ${'lặp lại '.repeat(30_000)}`;
    await indexSearchItem(t.ctx.db, { ...base, id: 'doc-odd', number: "1'2-QĐ/TW", body });
    expect(await matching('ngoac')).toEqual(['doc-odd']);
    expect(await matching('москва')).toEqual(['doc-odd']);
    const row = await t.ctx.db
      .selectFrom('search_items')
      .select(['body'])
      .where('item_id', '=', 'doc-odd')
      .executeTakeFirstOrThrow();
    expect(row.body.length).toBe(100_000);
  });
});
