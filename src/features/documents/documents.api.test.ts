import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { makePdf } from '../../platform/files/test-fixtures.ts';
import { uploadFile } from './test-support.ts';

let t: TestApp;
let tree: SmallTree;
let communeAOffice: Client;
let memberA1: Client;
let memberB1: Client;
let secretaryB1: Client;
let provinceAdmin: Client;

const base = {
  kind: 'nghi_quyet',
  issuer: 'Đảng ủy xã Đông Hợp',
  title: 'Nghị quyết về phát triển kinh tế nông nghiệp năm 2026',
  summary: 'Mục tiêu và giải pháp phát triển nông nghiệp.',
  body: 'Điều 1. Mục tiêu tăng giá trị sản xuất.\n\nĐiều 2. Giải pháp về giống và cơ giới hóa.\n\nĐiều 3. Tổ chức thực hiện.',
};

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'vp-xa-a', roles: [{ role: 'office', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'dv-b1', memberId: await makeMember(t.ctx, tree.branchB1) });
  await makeAccount(t.ctx, {
    login: 'bt-b1',
    memberId: await makeMember(t.ctx, tree.branchB1),
    roles: [{ role: 'secretary', org: tree.branchB1 }],
  });
  await makeAccount(t.ctx, { login: 'qt-tinh', roles: [{ role: 'admin', org: tree.province }] });
  const clients = await Promise.all(
    ['vp-xa-a', 'dv-a1', 'dv-b1', 'bt-b1', 'qt-tinh'].map((l) => login(t.app, l, PASSWORD)),
  );
  [communeAOffice, memberA1, memberB1, secretaryB1, provinceAdmin] = clients as [
    Client,
    Client,
    Client,
    Client,
    Client,
  ];
});
afterAll(() => t?.close());

async function publish(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/api/v1/documents', { orgId: tree.communeA.id, ...base, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; paragraphs: Array<{ id: string; text: string }> };
}

describe('documents library', () => {
  it('publishes to a subtree: members inside see it with paragraphs, members outside never do', async () => {
    const doc = await publish(communeAOffice, { number: '05-NQ/ĐU', issuedOn: '2026-03-02' });
    expect(doc.paragraphs.map((p) => p.text)).toEqual([
      'Điều 1. Mục tiêu tăng giá trị sản xuất.',
      'Điều 2. Giải pháp về giống và cơ giới hóa.',
      'Điều 3. Tổ chức thực hiện.',
    ]);
    const seen = await memberA1.get(`/api/v1/documents/${doc.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().paragraphs).toEqual(doc.paragraphs);
    expect(seen.json().kindName).toBe('Nghị quyết');
    expect((await memberA1.get('/api/v1/documents')).json().items.map((d: { id: string }) => d.id)).toContain(
      doc.id,
    );
    // The province above sees what its communes publish.
    expect((await provinceAdmin.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(200);
    for (const outsider of [memberB1, secretaryB1]) {
      expect((await outsider.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
      const list = (await outsider.get('/api/v1/documents')).json();
      expect(list.items.map((d: { id: string }) => d.id)).not.toContain(doc.id);
      const facets = (await outsider.get('/api/v1/documents/facets')).json();
      expect(facets.kinds).toEqual([]);
      expect((await outsider.put(`/api/v1/documents/${doc.id}/bookmark`)).statusCode).toBe(404);
    }
  });

  it('identifies a document by number, date and issuer: the same number may return in another year', async () => {
    await publish(communeAOffice, { number: '07-NQ/ĐU', issuedOn: '2025-01-10' });
    await publish(communeAOffice, { number: '07-NQ/ĐU', issuedOn: '2026-01-10' });
    const dup = await communeAOffice.post('/api/v1/documents', {
      orgId: tree.communeA.id,
      ...base,
      number: '07-NQ/ĐU',
      issuedOn: '2026-01-10',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DOCUMENT_DUPLICATE');
  });

  it('refuses publishing outside the publisher’s subtree and to members', async () => {
    const res = await communeAOffice.post('/api/v1/documents', {
      orgId: tree.communeA.id,
      audienceOrgIds: [tree.communeB.id],
      ...base,
    });
    expect([403, 404]).toContain(res.statusCode);
    expect((await memberA1.post('/api/v1/documents', { orgId: tree.communeA.id, ...base })).statusCode).toBe(
      403,
    );
  });

  it('browses by kind, level and year with keyset pages', async () => {
    for (let i = 0; i < 5; i++)
      await publish(communeAOffice, {
        kind: 'ke_hoach',
        number: `${20 + i}-KH/ĐU`,
        issuedOn: `2024-0${i + 1}-15`,
        title: `Kế hoạch số ${20 + i}`,
      });
    const first = (await memberA1.get('/api/v1/documents?kind=ke_hoach&year=2024&limit=3')).json();
    expect(first.items).toHaveLength(3);
    expect(first.items[0].issuedOn).toBe('2024-05-15');
    const second = (
      await memberA1.get(`/api/v1/documents?kind=ke_hoach&year=2024&limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((d: { issuedOn: string }) => d.issuedOn)).toEqual(['2024-02-15', '2024-01-15']);
    expect(second.nextCursor).toBeNull();
    const byLevel = (await memberA1.get('/api/v1/documents?level=grassroots&limit=100')).json();
    expect(byLevel.items.length).toBeGreaterThanOrEqual(8);
    expect((await memberA1.get('/api/v1/documents?level=central')).json().items).toEqual([]);
    const facets = (await memberA1.get('/api/v1/documents/facets')).json();
    expect(facets.kinds).toContainEqual({ value: 'ke_hoach', name: 'Kế hoạch', count: 5 });
  });

  it('keeps bookmarks and read receipts per member', async () => {
    const doc = await publish(communeAOffice, { number: '09-NQ/ĐU', issuedOn: '2026-04-01' });
    expect((await memberA1.put(`/api/v1/documents/${doc.id}/bookmark`)).json()).toEqual({ bookmarked: true });
    const marks = (await memberA1.get('/api/v1/documents?bookmarked=true')).json();
    expect(marks.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    expect((await provinceAdmin.get('/api/v1/documents?bookmarked=true')).json().items).toEqual([]);

    const opened = (await memberA1.post(`/api/v1/documents/${doc.id}/read`, {})).json();
    expect(opened.openedAt).toBeTruthy();
    expect(opened.finishedAt).toBeNull();
    let receipts = (await communeAOffice.get(`/api/v1/documents/${doc.id}/reads`)).json();
    expect(receipts).toMatchObject({ opened: 1, finished: 0 });
    expect(receipts.audienceMembers).toBe(1);
    const done = (await memberA1.post(`/api/v1/documents/${doc.id}/read`, { finished: true })).json();
    expect(done.finishedAt).toBeTruthy();
    expect(done.openedAt).toBe(opened.openedAt);
    receipts = (await communeAOffice.get(`/api/v1/documents/${doc.id}/reads`)).json();
    expect(receipts).toMatchObject({ opened: 1, finished: 1 });
    expect(receipts.readers).toHaveLength(1);
    // Members do not see who read what.
    expect((await memberA1.get(`/api/v1/documents/${doc.id}/reads`)).statusCode).toBe(403);

    const detail = (await memberA1.get(`/api/v1/documents/${doc.id}`)).json();
    expect(detail).toMatchObject({ bookmarked: true, finishedAt: done.finishedAt });
    await memberA1.delete(`/api/v1/documents/${doc.id}/bookmark`);
    expect((await memberA1.get('/api/v1/documents?bookmarked=true')).json().items).toEqual([]);
  });

  it('withdrawn documents disappear for readers but stay for the publisher', async () => {
    const doc = await publish(communeAOffice, { number: '11-NQ/ĐU', issuedOn: '2026-05-01' });
    expect((await communeAOffice.post(`/api/v1/documents/${doc.id}/withdraw`)).statusCode).toBe(200);
    expect((await memberA1.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await communeAOffice.get(`/api/v1/documents/${doc.id}`)).json().status).toBe('withdrawn');
    await communeAOffice.post(`/api/v1/documents/${doc.id}/republish`);
    expect((await memberA1.get(`/api/v1/documents/${doc.id}`)).statusCode).toBe(200);
  });
});

describe('attachments', () => {
  it('extracts the text of a PDF into the body and serves the file only to the audience', async () => {
    const doc = await publish(communeAOffice, { number: '12-NQ/ĐU', issuedOn: '2026-06-01', body: '' });
    const pdf = await makePdf(['Chương trình hành động thực hiện nghị quyết.', 'Phân công nhiệm vụ cụ thể.']);
    const up = await uploadFile(
      t.app,
      communeAOffice,
      `/api/v1/documents/${doc.id}/files`,
      'Nghị quyết 12.pdf',
      pdf,
    );
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ mime: 'application/pdf', textStatus: 'ok' });
    const detail = (await memberA1.get(`/api/v1/documents/${doc.id}`)).json();
    expect(detail.paragraphs.map((p: { text: string }) => p.text).join(' ')).toContain('Phân công nhiệm vụ');

    const dl = await memberA1.get(up.json().url);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(
      /^attachment; filename=.*filename\*=UTF-8''Ngh%E1%BB%8B/,
    );
    expect(dl.rawPayload.equals(Buffer.from(pdf))).toBe(true);
    expect((await memberB1.get(up.json().url)).statusCode).toBe(404);
  });

  it('stores a corrupt PDF but reports no text; refuses a .pdf that is not a PDF', async () => {
    const doc = await publish(communeAOffice, { number: '13-NQ/ĐU', issuedOn: '2026-06-02' });
    // Starts like a PDF, so it is accepted as one, but there is no readable document behind the header.
    const corrupt = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog /Pages 9 0 R\nhỏng');
    const bad = await uploadFile(
      t.app,
      communeAOffice,
      `/api/v1/documents/${doc.id}/files`,
      'hong.pdf',
      corrupt,
    );
    expect(bad.statusCode, bad.body).toBe(201);
    expect(bad.json().textStatus).toBe('failed');
    expect(bad.json().textError).toMatch(/không trích xuất được văn bản/);
    expect((await memberA1.get(bad.json().url)).rawPayload.length).toBe(corrupt.length);
    const fake = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const res = await uploadFile(t.app, communeAOffice, `/api/v1/documents/${doc.id}/files`, 'gia.pdf', fake);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UPLOAD_CONTENT_MISMATCH');
    const exe = await uploadFile(t.app, communeAOffice, `/api/v1/documents/${doc.id}/files`, 'a.exe', fake);
    expect(exe.json().error.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    // The body typed by the publisher is not replaced by a failed attachment.
    expect((await memberA1.get(`/api/v1/documents/${doc.id}`)).json().paragraphs).toHaveLength(3);
    expect((await memberA1.post(`/api/v1/documents/${doc.id}/files`)).statusCode).toBe(403);
  });
});
