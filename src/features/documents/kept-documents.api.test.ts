import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runElsewhere } from '../../../test/support/elsewhere.ts';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';

// A document page is answered from what this process keeps while documents_stamp is unchanged. Each test opens
// the page (filling what is kept), changes something the page shows through another database connection, as
// another server process or the CLI would, and checks that the very next view shows the change.

let t: TestApp;
let tree: SmallTree;
let office: Client;
let memberA1: Client;
let memberB1: Client;

const elsewhere = (statement: string, params: unknown[] = []) => runElsewhere(t, statement, params);

async function publish(audienceOrgIds: string[]) {
  const res = await office.post('/api/v1/documents', {
    orgId: tree.communeA.id,
    audienceOrgIds,
    kind: 'chi_thi',
    issuer: 'Đảng ủy xã',
    number: `${Math.floor(Math.random() * 1e6)}-CT/ĐU`,
    issuedOn: '2026-05-04',
    title: 'Chỉ thị về công tác dân vận',
    body: 'Đoạn một.\n\nĐoạn hai.',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'vp-huyen', roles: [{ role: 'office', org: tree.district }] });
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'dv-b1', memberId: await makeMember(t.ctx, tree.branchB1) });
  [office, memberA1, memberB1] = (await Promise.all(
    ['vp-huyen', 'dv-a1', 'dv-b1'].map((l) => login(t.app, l, PASSWORD)),
  )) as [Client, Client, Client];
});
afterAll(() => t?.close());

describe('kept document pages', () => {
  it('show an edit of the text made by another process at the next view', async () => {
    const id = await publish([tree.communeA.id]);
    expect((await memberA1.get(`/api/v1/documents/${id}`)).json().paragraphs).toHaveLength(2);
    await elsewhere('update documents set title = ?, body = ? where id = ?', [
      'Chỉ thị đã sửa',
      'Đoạn một.\n\nĐoạn hai.\n\nĐoạn ba.',
      id,
    ]);
    const page = (await memberA1.get(`/api/v1/documents/${id}`)).json();
    expect(page.title).toBe('Chỉ thị đã sửa');
    expect(page.paragraphs.map((p: { text: string }) => p.text)).toEqual([
      'Đoạn một.',
      'Đoạn hai.',
      'Đoạn ba.',
    ]);
  });

  it('follow the audience: a subtree added or removed elsewhere opens or closes the page at once', async () => {
    const id = await publish([tree.communeA.id]);
    expect((await memberB1.get(`/api/v1/documents/${id}`)).statusCode).toBe(404);
    await elsewhere('insert into document_audience (document_id, audience_path) values (?, ?)', [
      id,
      tree.communeB.path,
    ]);
    expect((await memberB1.get(`/api/v1/documents/${id}`)).statusCode).toBe(200);
    await elsewhere('delete from document_audience where document_id = ? and audience_path = ?', [
      id,
      tree.communeB.path,
    ]);
    expect((await memberB1.get(`/api/v1/documents/${id}`)).statusCode).toBe(404);
  });

  it('show a withdrawal, a renamed audience organisation and a new file made elsewhere', async () => {
    const id = await publish([tree.communeA.id]);
    const before = (await memberA1.get(`/api/v1/documents/${id}`)).json();
    expect(before.audience).toEqual([{ id: tree.communeA.id, name: tree.communeA.name }]);
    expect(before.files).toEqual([]);
    await elsewhere('update orgs set name = ? where id = ?', ['Đảng bộ xã Đổi Tên', tree.communeA.id]);
    expect((await memberA1.get(`/api/v1/documents/${id}`)).json().audience[0].name).toBe(
      'Đảng bộ xã Đổi Tên',
    );
    await elsewhere(
      `insert into document_files (id, document_id, file_key, file_name, mime, size, text_status, text_error, text, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        'f-kept-1',
        id,
        'k/f-kept-1',
        'phu-luc.pdf',
        'application/pdf',
        1234,
        'empty',
        null,
        '',
        new Date().toISOString(),
      ],
    );
    expect(
      (await memberA1.get(`/api/v1/documents/${id}`)).json().files.map((f: { id: string }) => f.id),
    ).toEqual(['f-kept-1']);
    await elsewhere('update documents set status = ? where id = ?', ['withdrawn', id]);
    expect((await memberA1.get(`/api/v1/documents/${id}`)).statusCode).toBe(404);
  });
});
