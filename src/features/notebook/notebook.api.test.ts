import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';

let t: TestApp;
let tree: SmallTree;
let owner: Client;
let others: Record<string, Client>;
const SECRET = 'Nghĩ riêng về đồng chí Quyết';
const SECRET_BODY = 'Chuẩn bị ý kiến thẳng thắn về khoản quỹ xây nhà văn hoá';
const SECRET_TAG = 'việc-riêng-tư';
let noteId: string;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  const ownerMember = await makeMember(t.ctx, tree.branchA1);
  await makeAccount(t.ctx, { login: 'owner', memberId: ownerMember });
  const secMember = await makeMember(t.ctx, tree.branchA1);
  await makeAccount(t.ctx, {
    login: 'secretary',
    memberId: secMember,
    roles: [{ role: 'secretary', org: tree.branchA1 }],
  });
  await makeAccount(t.ctx, { login: 'committee', roles: [{ role: 'committee_member', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'office', roles: [{ role: 'office', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'admin', roles: [{ role: 'admin', org: tree.province }] });
  owner = await login(t.app, 'owner', PASSWORD);
  others = {};
  for (const name of ['secretary', 'committee', 'office', 'admin'])
    others[name] = await login(t.app, name, PASSWORD);
  const res = await owner.post('/api/v1/notebook/notes', {
    title: SECRET,
    html: `<p>${SECRET_BODY}</p><script>alert(1)</script><ul><li><strong>Một</strong></li><li>Hai</li></ul>`,
    tags: [SECRET_TAG, 'họp chi bộ'],
    link: { type: 'meeting', id: 'mtg-2026-11', label: 'Họp chi bộ tháng 11' },
  });
  expect(res.statusCode, res.body).toBe(201);
  noteId = res.json().id;
});
afterAll(() => t?.close());

describe('the owner', () => {
  it('reads, lists, searches (without diacritics) and edits the note; rich text is sanitised', async () => {
    const got = (await owner.get(`/api/v1/notebook/notes/${noteId}`)).json();
    expect(got.title).toBe(SECRET);
    expect(got.html).not.toContain('script');
    expect(got.html).toContain('<strong>Một</strong>');
    expect(got.tags).toEqual([SECRET_TAG, 'họp chi bộ']);
    const list = (await owner.get('/api/v1/notebook/notes')).json();
    expect(list.items.map((n: { id: string }) => n.id)).toContain(noteId);
    const found = (await owner.get(`/api/v1/notebook/search?q=${encodeURIComponent('nha van hoa')}`)).json();
    expect(found.items).toHaveLength(1);
    expect(found.items[0].snippet).toContain('nhà văn hoá');
    const byTag = (await owner.get(`/api/v1/notebook/notes?tag=${encodeURIComponent('HỌP CHI BỘ')}`)).json();
    expect(byTag.items).toHaveLength(1);
    const byLink = (await owner.get('/api/v1/notebook/notes?linkType=meeting&linkId=mtg-2026-11')).json();
    expect(byLink.items).toHaveLength(1);
    const { html, tags, link } = got;
    const put = await owner.put(`/api/v1/notebook/notes/${noteId}`, {
      title: `${SECRET} (sửa)`,
      html,
      tags,
      link,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await owner.get(`/api/v1/notebook/notes/${noteId}`)).json().title).toBe(`${SECRET} (sửa)`);
  });

  it('saves a highlight on a document as a note and finds it from the document', async () => {
    const res = await owner.post('/api/v1/notebook/highlights', {
      id: 'doc-nq-02',
      paragraph: 'p12',
      label: 'Nghị quyết 02-NQ/TU',
      quote: 'Chuyển đổi số là nhiệm vụ trọng tâm',
      comment: 'Liên hệ việc của thôn',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().link).toEqual({
      type: 'document',
      id: 'doc-nq-02',
      paragraph: 'p12',
      label: 'Nghị quyết 02-NQ/TU',
    });
    const onDoc = (await owner.get('/api/v1/notebook/notes?linkType=document&linkId=doc-nq-02')).json();
    expect(onDoc.items.map((n: { quote: string }) => n.quote)).toEqual([
      'Chuyển đổi số là nhiệm vụ trọng tâm',
    ]);
    const found = (await owner.get('/api/v1/notebook/search?q=chuyen%20doi%20so')).json();
    expect(found.items).toHaveLength(1);
  });

  it('exports the notebook as Markdown and DOCX', async () => {
    const md = await owner.get('/api/v1/notebook/export?format=md');
    expect(md.statusCode).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toContain(`## ${SECRET} (sửa)`);
    expect(md.body).toContain('- **Một**');
    expect(md.body).toContain('> Chuyển đổi số là nhiệm vụ trọng tâm');
    const docx = await owner.get(`/api/v1/notebook/export?format=docx&noteId=${noteId}`);
    expect(docx.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(docx.rawPayload));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain(SECRET_BODY);
    expect(xml).not.toContain('Chuyển đổi số');
  });

  it('refuses a note over the size limit with NOTE_TOO_LARGE and an empty note with NOTE_EMPTY', async () => {
    const big = await owner.post('/api/v1/notebook/notes', {
      title: 'Dài',
      html: `<p>${'a'.repeat(100_001)}</p>`,
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('NOTE_TOO_LARGE');
    const empty = await owner.post('/api/v1/notebook/notes', { title: ' ', html: '<p> </p>' });
    expect(empty.json().error.code).toBe('NOTE_EMPTY');
  });
});

describe('nobody else can read the note', () => {
  it('by any notebook endpoint, whatever their role', async () => {
    for (const [name, c] of Object.entries(others)) {
      const where = (what: string) => `${name}: ${what}`;
      expect((await c.get(`/api/v1/notebook/notes/${noteId}`)).statusCode, where('get')).toBe(404);
      const put = await c.put(`/api/v1/notebook/notes/${noteId}`, { title: 'x', html: '<p>x</p>' });
      expect(put.statusCode, where('put')).toBe(404);
      expect((await c.delete(`/api/v1/notebook/notes/${noteId}`)).statusCode, where('delete')).toBe(404);
      const list = await c.get('/api/v1/notebook/notes');
      expect(list.json().items, where('list')).toEqual([]);
      for (const q of ['Quyết', 'nha van hoa', SECRET_TAG]) {
        const s = await c.get(`/api/v1/notebook/search?q=${encodeURIComponent(q)}`);
        expect(s.json().items, where('search')).toEqual([]);
      }
      expect((await c.get('/api/v1/notebook/tags')).json().items, where('tags')).toEqual([]);
      const linked = await c.get('/api/v1/notebook/notes?linkType=meeting&linkId=mtg-2026-11');
      expect(linked.json().items, where('link')).toEqual([]);
      const md = await c.get('/api/v1/notebook/export?format=md');
      expect(md.body, where('export')).not.toContain('Quyết');
      expect((await c.get(`/api/v1/notebook/export?format=md&noteId=${noteId}`)).statusCode).toBe(404);
      const docx = await c.get(`/api/v1/notebook/export?format=docx&noteId=${noteId}`);
      expect(docx.statusCode, where('export docx')).toBe(404);
    }
    expect((await owner.get(`/api/v1/notebook/notes/${noteId}`)).statusCode).toBe(200);
  });

  it('through the site-wide search: the owner finds their note, nobody else does', async () => {
    const mine = await owner.get(`/api/v1/search?q=${encodeURIComponent('nha van hoa')}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().hits.map((h: { id: string }) => h.id)).toContain(noteId);
    for (const [name, c] of Object.entries(others)) {
      const res = await c.get(`/api/v1/search?q=${encodeURIComponent('nha van hoa')}`);
      expect(res.body, name).not.toContain(noteId);
      expect(res.body, name).not.toContain('Quyết');
    }
  });

  it('through the audit log: entries say a note changed, never what it says, and no org view lists them', async () => {
    for (const org of [tree.province, tree.communeA, tree.branchA1]) {
      const res = await others.admin!.get(`/api/v1/orgs/${org.id}/audit?limit=200`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(noteId);
      expect(res.body).not.toContain('Quyết');
    }
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'note')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const dump = JSON.stringify(rows);
    for (const s of [SECRET, SECRET_BODY, SECRET_TAG, 'Chuyển đổi số', 'mtg-2026-11'])
      expect(dump).not.toContain(s);
  });

  it('in the database: the stored row holds no plaintext', async () => {
    const rows = await t.ctx.db.selectFrom('notebook_notes').selectAll().execute();
    expect(rows.length).toBe(2);
    const dump = JSON.stringify(rows);
    for (const s of [
      SECRET,
      'nhà văn hoá',
      SECRET_TAG,
      'họp chi bộ',
      'mtg-2026-11',
      'doc-nq-02',
      'Chuyển đổi số',
    ])
      expect(dump).not.toContain(s);
    for (const r of rows) expect(r.sealed).toMatch(/^v1\.[A-Za-z0-9+/=]+$/);
  });

  it('a sealed body copied onto another account’s row does not open', async () => {
    const other = await login(t.app, 'secretary', PASSWORD);
    const mine = (await other.post('/api/v1/notebook/notes', { title: 'Của bí thư', html: '' })).json();
    const stolen = await t.ctx.db
      .selectFrom('notebook_notes')
      .select('sealed')
      .where('id', '=', noteId)
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .updateTable('notebook_notes')
      .set({ sealed: stolen.sealed })
      .where('id', '=', mine.id)
      .execute();
    const res = await other.get(`/api/v1/notebook/notes/${mine.id}`);
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('NOTE_UNREADABLE');
    expect(res.body).not.toContain('Quyết');
  });
});
