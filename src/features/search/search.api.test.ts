import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { indexSearchItem, removeSearchItem, type SearchItem } from './index-writer.ts';
import { registerPrivateSearchSource } from './private-sources.ts';

let t: TestApp;
let tree: SmallTree;
let admin: Client;
let memberA1: Client;
let committeeA: Client;
let memberB1: Client;
let memberB1Id: string;

function item(id: string, over: Partial<SearchItem>): SearchItem {
  return {
    type: 'document',
    id,
    title: `Văn bản ${id}`,
    body: '',
    date: '2026-01-01',
    url: `/documents/${id}`,
    audience: [tree.province.path],
    ...over,
  };
}

async function search(
  c: Client,
  query: string,
): Promise<Array<{ id: string; type: string; [k: string]: unknown }>> {
  const res = await c.get(`/api/v1/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().hits;
}
const ids = async (c: Client, query: string) => (await search(c, query)).map((h) => h.id);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'admin', roles: [{ role: 'admin', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'dangu', roles: [{ role: 'committee_member', org: tree.communeA }] });
  const a1 = await makeMember(t.ctx, tree.branchA1);
  await makeAccount(t.ctx, { login: 'a1', memberId: a1 });
  memberB1Id = await makeMember(t.ctx, tree.branchB1);
  await makeAccount(t.ctx, { login: 'b1', memberId: memberB1Id });
  admin = await login(t.app, 'admin', PASSWORD);
  committeeA = await login(t.app, 'dangu', PASSWORD);
  memberA1 = await login(t.app, 'a1', PASSWORD);
  memberB1 = await login(t.app, 'b1', PASSWORD);

  const db = t.ctx.db;
  // permissions
  await indexSearchItem(
    db,
    item('perm-province', { title: 'Thông báo kết luận hội nghị tỉnh', type: 'news' }),
  );
  await indexSearchItem(
    db,
    item('perm-a1', { title: 'Kết luận hội nghị chi bộ thôn Nguyệt Lâm', audience: [tree.branchA1.path] }),
  );
  await indexSearchItem(
    db,
    item('perm-b', { title: 'Kết luận hội nghị xã Đông La bí mật', audience: [tree.communeB.path] }),
  );
  await indexSearchItem(db, item('perm-none', { title: 'Kết luận hội nghị chưa công bố', audience: [] }));
  // exact diacritics above folded: the folded match is newer, so only the diacritics can put the exact one first
  await indexSearchItem(
    db,
    item('exact', { title: 'Ghi chép', body: 'Phong trào đổi mới ở vùng cao.', date: '2025-01-01' }),
  );
  await indexSearchItem(
    db,
    item('folded', { title: 'Ghi chép', body: 'Phong trào đôi mới ở vùng cao.', date: '2026-06-01' }),
  );
  // phrase above scattered words
  await indexSearchItem(
    db,
    item('phrase', { title: 'Báo cáo', body: 'Kết quả chuyển đổi số trong xã năm qua.', date: '2025-01-01' }),
  );
  await indexSearchItem(
    db,
    item('scattered', {
      title: 'Báo cáo',
      body: 'Số hộ chuyển nhà và đổi đất trong xã.',
      date: '2026-06-01',
    }),
  );
  // number boost
  await indexSearchItem(
    db,
    item('nq02', {
      title: 'Nghị quyết về giáo dục',
      number: '02-NQ/TU',
      date: '2024-01-01',
      level: 'province',
    }),
  );
  await indexSearchItem(
    db,
    item('mentions02', {
      title: 'Nghị quyết về giáo dục và đào tạo',
      body: 'Có 02 nội dung, theo hướng dẫn của TU.',
      date: '2026-06-01',
      level: 'district',
    }),
  );
  // filters
  await indexSearchItem(
    db,
    item('guide-1', { type: 'guide', title: 'Hướng dẫn sinh hoạt chuyên đề', date: '2026-03-10' }),
  );
  await indexSearchItem(
    db,
    item('news-1', { type: 'news', title: 'Tin sinh hoạt chuyên đề', date: '2026-05-20' }),
  );
});

afterAll(async () => {
  await t.close();
});

describe('GET /api/v1/search permissions', () => {
  it('shows a branch member their branch and the province, never a sibling commune or unpublished items', async () => {
    expect((await ids(memberA1, 'q=kết luận hội nghị')).sort()).toEqual(['perm-a1', 'perm-province']);
    expect(await ids(memberA1, 'q=bí mật Đông La')).toEqual([]);
    expect(await ids(memberA1, 'q=chua cong bo')).toEqual([]);
  });

  it('shows a commune committee its branches and what is published above it', async () => {
    expect((await ids(committeeA, 'q=ket luan hoi nghi')).sort()).toEqual(['perm-a1', 'perm-province']);
  });

  it('shows the province administrator everything published, still not unpublished items', async () => {
    expect((await ids(admin, 'q=ket luan hoi nghi')).sort()).toEqual(['perm-a1', 'perm-b', 'perm-province']);
    expect((await ids(memberB1, 'q=ket luan hoi nghi')).sort()).toEqual(['perm-b', 'perm-province']);
  });

  it('forgets removed items and follows re-targeting', async () => {
    await indexSearchItem(
      t.ctx.db,
      item('moving', { title: 'Lịch tiếp dân tháng mười', audience: [tree.communeB.path] }),
    );
    expect(await ids(memberA1, 'q=lich tiep dan')).toEqual([]);
    await indexSearchItem(
      t.ctx.db,
      item('moving', { title: 'Lịch tiếp dân tháng mười', audience: [tree.communeA.path] }),
    );
    expect(await ids(memberA1, 'q=lich tiep dan')).toEqual(['moving']);
    await removeSearchItem(t.ctx.db, 'document', 'moving');
    expect(await ids(admin, 'q=lich tiep dan')).toEqual([]);
  });

  it('requires a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=ket' });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/v1/search ranking', () => {
  it('puts exact diacritics above folded matches', async () => {
    expect((await ids(admin, 'q=đổi mới')).slice(0, 2)).toEqual(['exact', 'folded']);
    // without diacritics both match equally and the newer one comes first
    expect((await ids(admin, 'q=doi moi')).slice(0, 2)).toEqual(['folded', 'exact']);
  });

  it('puts a phrase above the same words scattered', async () => {
    expect((await ids(admin, 'q=chuyen doi so')).slice(0, 2)).toEqual(['phrase', 'scattered']);
  });

  it('boosts the document whose number was typed, in any spelling', async () => {
    expect((await ids(admin, 'q=02-NQ/TU'))[0]).toBe('nq02');
    expect((await ids(admin, 'q=nghi quyet 02 nq tu'))[0]).toBe('nq02');
    expect((await ids(admin, 'q=giao duc 02/nq-tu'))[0]).toBe('nq02');
    // the number's digits alone lift it too ("nghị quyết 02")
    expect((await ids(admin, 'q=nghi quyet 02 giao duc'))[0]).toBe('nq02');
    // without the number the better title match (newer) wins
    expect((await ids(admin, 'q=giao duc dao tao'))[0]).toBe('mentions02');
  });

  it('matches the start of the last word while typing', async () => {
    expect(await ids(admin, 'q=chuyen do&type=document')).toContain('phrase');
    expect((await ids(admin, 'q=chuyen do'))[0]).toBe('phrase');
  });

  it('marks matched syllables with offsets into plain text', async () => {
    const [hit] = await search(admin, 'q=chuyen doi so&limit=1');
    const snippet = hit!.snippet as string;
    const marked = (hit!.highlights as Array<[number, number]>).map(([a, b]) => snippet.slice(a, b));
    expect(marked).toEqual(['chuyển', 'đổi', 'số']);
    expect(hit!.url).toBe('/documents/phrase');
  });
});

describe('GET /api/v1/search filters', () => {
  it('filters by type, level and date range', async () => {
    expect(await ids(admin, 'q=sinh hoat chuyen de&type=guide')).toEqual(['guide-1']);
    expect((await ids(admin, 'q=sinh hoat chuyen de&type=guide,news')).sort()).toEqual(['guide-1', 'news-1']);
    expect(await ids(admin, 'q=sinh hoat chuyen de&from=2026-04-01')).toEqual(['news-1']);
    expect(await ids(admin, 'q=sinh hoat chuyen de&to=2026-03-10')).toEqual(['guide-1']);
    expect(await ids(admin, 'q=nghi quyet giao duc&level=province')).toEqual(['nq02']);
  });

  it('rejects unknown filter values', async () => {
    expect((await admin.get('/api/v1/search?q=a&type=secret')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/search?q=a&from=yesterday')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/search bad input', () => {
  it('treats operators, quotes, emoji and mixed scripts as text', async () => {
    for (const q of [
      '',
      '   ',
      '"',
      '"chuyển đổi',
      '*',
      'số*',
      'NEAR(chuyển đổi)',
      'chuyển AND OR NOT đổi',
      '-số',
      'title_f:số',
      'number_key:02nqtu',
      '(((',
      "'; drop table search_items; --",
      '😀🇻🇳',
      'đổi 😀 mới',
      'Москва 北京 chuyển',
      '\\',
      '%_',
    ]) {
      const res = await admin.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    }
    expect(await ids(admin, `q=${encodeURIComponent('NEAR("chuyển đổi" số)')}`)).toContain('phrase');
    expect(await ids(admin, `q=${encodeURIComponent('đổi 😀 mới')}`)).toContain('exact');
    expect(await ids(admin, 'q=')).toEqual([]);
  });

  it('cuts a very long query and says so', async () => {
    const res = await admin.get(`/api/v1/search?q=${encodeURIComponent('chuyển đổi số '.repeat(100))}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.truncated).toBe(true);
    expect(body.notice).toMatch(/quá dài/);
    expect(body.query.length).toBeLessThanOrEqual(200);
    expect(body.hits.map((h: { id: string }) => h.id)).toContain('phrase');
    const huge = await admin.get(`/api/v1/search?q=${'số '.repeat(3_000)}`);
    expect(huge.statusCode).toBe(200);
    expect(huge.json().truncated).toBe(true);
    const short = (await admin.get('/api/v1/search?q=chuyen')).json();
    expect(short.truncated).toBe(false);
    expect(short.notice).toBeNull();
  });
});

describe('private search sources', () => {
  it('merges a private source for its owner only', async () => {
    const unregister = registerPrivateSearchSource({
      name: 'test-notes',
      search: async ({ principal, query }) =>
        principal.memberId === memberB1Id && query.terms.some((x) => x.folded === 'riengtu')
          ? [
              {
                type: 'note',
                id: 'n1',
                title: 'Ghi chú riengtu',
                snippet: '',
                highlights: [],
                titleHighlights: [],
                score: 5,
                source: null,
                url: '/notebook/n1',
                date: '2026-01-01',
                number: null,
                level: null,
              },
            ]
          : [],
    });
    try {
      expect(await ids(memberB1, 'q=riengtu')).toEqual(['n1']);
      expect(await ids(memberA1, 'q=riengtu')).toEqual([]);
      expect(await ids(memberB1, 'q=riengtu&type=news')).toEqual([]);
    } finally {
      unregister();
    }
  });

  it('still answers when a private source fails', async () => {
    const unregister = registerPrivateSearchSource({
      name: 'broken',
      search: () => Promise.reject(new Error('key unavailable')),
    });
    try {
      expect(await ids(admin, 'q=chuyen doi so&limit=1')).toEqual(['phrase']);
    } finally {
      unregister();
    }
  });
});
