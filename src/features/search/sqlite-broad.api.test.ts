import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { indexSearchItem } from './index-writer.ts';
import { parseQuery } from './query.ts';
import { sqliteBackendWith } from './sqlite-backend.ts';

// The broad-query strategy of the SQLite back end, with thresholds small enough for a handful of items.
let t: TestApp;
const view = { ancestors: ['/p/'], subtrees: ['/p/'] };

beforeAll(async () => {
  t = await createTestApp();
  if (t.dialect !== 'sqlite') return;
  for (let i = 1; i <= 12; i++) {
    await indexSearchItem(t.ctx.db, {
      type: 'news',
      id: `n${String(i).padStart(2, '0')}`,
      title: i % 4 === 0 ? `Hội nghị bàn về kỷ luật lao động ${i}` : `Tin ${i}`,
      body: 'Tăng cường kỷ luật lao động trong cơ quan.',
      date: '2026-01-01',
      url: `/news/n${i}`,
      // one of the newest is published elsewhere: it must not be a candidate
      audience: i === 11 ? ['/q/'] : ['/p/'],
    });
  }
});

afterAll(async () => {
  await t.close();
});

describe.runIf(process.env.SOTAY_TEST_DB !== 'postgres')('SQLite back end, broad queries', () => {
  it('takes title matches first, then the newest matches, only among visible items', async () => {
    const backend = sqliteBackendWith({ broad: 3, window: 50 });
    const found = await backend.candidates(t.ctx.db, parseQuery('ky luat lao dong '), 'all', view, {}, 6);
    expect(found.map((c) => c.id)).toEqual(['n12', 'n08', 'n04', 'n10', 'n09', 'n07']);
  });

  it('ranks every match with bm25 while the words are rare enough', async () => {
    const backend = sqliteBackendWith({ broad: 1_000, window: 50 });
    const found = await backend.candidates(t.ctx.db, parseQuery('ky luat lao dong '), 'all', view, {}, 20);
    expect(found).toHaveLength(11);
    expect(found.map((c) => c.id)).not.toContain('n11');
    expect(
      found
        .slice(0, 3)
        .map((c) => c.id)
        .sort(),
    ).toEqual(['n04', 'n08', 'n12']);
  });
});
