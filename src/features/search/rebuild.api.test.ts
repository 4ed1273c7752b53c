import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { indexSearchItem } from './index-writer.ts';
import { rebuildSearchIndex } from './rebuild.ts';
import { searchIndex } from './service.ts';

let t: TestApp;
const view = { ancestors: ['/p/'], subtrees: ['/p/'] };
const find = async (q: string) =>
  (await searchIndex(t.ctx.db, t.ctx.dialect, view, { q })).hits.map((h) => h.id);

beforeAll(async () => {
  t = await createTestApp();
  for (const [id, title] of [
    ['a', 'Nghị quyết về chuyển đổi số'],
    ['b', 'Kế hoạch xây dựng nông thôn mới'],
  ]) {
    await indexSearchItem(t.ctx.db, {
      type: 'document',
      id: id as string,
      title: title as string,
      body: 'Nội dung.',
      number: id === 'a' ? '02-NQ/TU' : null,
      date: '2026-01-01',
      url: `/documents/${id}`,
      audience: ['/p/'],
    });
  }
});

afterAll(async () => {
  await t.close();
});

describe('rebuildSearchIndex', () => {
  it('restores a damaged full-text index from the stored items', async () => {
    expect(await find('chuyen doi so')).toEqual(['a']);
    if (t.dialect === 'postgres')
      await sql`update search_items set doc = ''::tsvector, title_f = ''`.execute(t.ctx.db);
    else {
      await sql`update search_items set title_f = ''`.execute(t.ctx.db);
      await sql`insert into search_fts(search_fts) values ('delete-all')`.execute(t.ctx.db);
    }
    expect(await find('chuyen doi so')).toEqual([]);
    expect(await rebuildSearchIndex(t.ctx.db)).toBe(2);
    expect(await find('chuyen doi so')).toEqual(['a']);
    expect(await find('nong thon moi')).toEqual(['b']);
    expect(await find('02-NQ/TU')).toEqual(['a']);
  });
});
