import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
let district: Client;
let communeB: Client;
let a1: Client;
let a2: Client;
let b1: Client;
let docId: string;
let paragraphs: Array<{ id: string }>;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'cu-huyen', roles: [{ role: 'committee_member', org: tree.district }] });
  await makeAccount(t.ctx, { login: 'cu-xa-b', roles: [{ role: 'committee_member', org: tree.communeB }] });
  await makeAccount(t.ctx, { login: 'dv-a1', memberId: await makeMember(t.ctx, tree.branchA1) });
  await makeAccount(t.ctx, { login: 'dv-a2', memberId: await makeMember(t.ctx, tree.branchA2) });
  await makeAccount(t.ctx, { login: 'dv-b1', memberId: await makeMember(t.ctx, tree.branchB1) });
  [district, communeB, a1, a2, b1] = (await Promise.all(
    ['cu-huyen', 'cu-xa-b', 'dv-a1', 'dv-a2', 'dv-b1'].map((l) => login(t.app, l, PASSWORD)),
  )) as [Client, Client, Client, Client, Client];
  const res = await district.post('/api/v1/documents', {
    orgId: tree.district.id,
    kind: 'nghi_quyet',
    title: 'Nghị quyết về xây dựng nông thôn mới',
    body: 'Mục tiêu thứ nhất.\n\nMục tiêu thứ hai.\n\nGiải pháp thực hiện.',
  });
  docId = res.json().id;
  paragraphs = res.json().paragraphs;
});
afterAll(() => t?.close());

describe('study assignments', () => {
  it('a committee assigns to its subtree; members mark sections; progress per organisation and member', async () => {
    const created = await district.post(`/api/v1/orgs/${tree.communeA.id}/study-assignments`, {
      documentId: docId,
      deadline: '2026-12-31',
      note: 'Học xong trước hội nghị',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().paragraphCount).toBe(3);
    // Members of commune A see it; commune B's member and committee do not.
    expect((await a1.get('/api/v1/study-assignments')).json().items.map((x: { id: string }) => x.id)).toEqual(
      [id],
    );
    expect((await b1.get('/api/v1/study-assignments')).json().items).toEqual([]);
    expect((await b1.get(`/api/v1/study-assignments/${id}`)).statusCode).toBe(404);
    expect((await communeB.get(`/api/v1/study-assignments/${id}/progress`)).statusCode).toBe(404);
    expect(
      (
        await communeB.post(`/api/v1/orgs/${tree.communeA.id}/study-assignments`, {
          documentId: docId,
          deadline: '2026-12-31',
        })
      ).statusCode,
    ).toBe(404);
    // Marking.
    const all = paragraphs.map((p) => p.id);
    const r1 = await a1.post(`/api/v1/study-assignments/${id}/studied`, { paragraphIds: all });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json().studied.sort()).toEqual([...all].sort());
    await a2.post(`/api/v1/study-assignments/${id}/studied`, { paragraphIds: [all[0]] });
    const un = await a2.post(`/api/v1/study-assignments/${id}/studied`, {
      paragraphIds: [all[0]],
      studied: false,
    });
    expect(un.json().studied).toEqual([]);
    await a2.post(`/api/v1/study-assignments/${id}/studied`, { paragraphIds: [all[1]] });
    const bad = await a1.post(`/api/v1/study-assignments/${id}/studied`, { paragraphIds: ['khong-co'] });
    expect(bad.json().error.code).toBe('STUDY_UNKNOWN_PARAGRAPH');
    expect(
      (await district.post(`/api/v1/study-assignments/${id}/studied`, { paragraphIds: [all[0]] })).json()
        .error.code,
    ).toBe('STUDY_MEMBERS_ONLY');
    // Progress.
    const p = (await district.get(`/api/v1/study-assignments/${id}/progress`)).json();
    expect(p).toMatchObject({ members: 2, started: 2, completed: 1, paragraphCount: 3 });
    const byName = Object.fromEntries(p.children.map((c: { name: string }) => [c.name, c]));
    expect(byName[tree.branchA1.name]).toMatchObject({ members: 1, started: 1, completed: 1 });
    expect(byName[tree.branchA2.name]).toMatchObject({ members: 1, started: 1, completed: 0 });
    expect(p.people.map((x: { studied: number }) => x.studied)).toEqual([3, 1]);
    const branch = (
      await district.get(`/api/v1/study-assignments/${id}/progress?orgId=${tree.branchA2.id}`)
    ).json();
    expect(branch).toMatchObject({ members: 1, started: 1, completed: 0 });
    expect(
      (await district.get(`/api/v1/study-assignments/${id}/progress?orgId=${tree.communeB.id}`)).statusCode,
    ).toBe(404);
    expect((await a1.get(`/api/v1/study-assignments/${id}/progress`)).statusCode).toBe(403);
  });

  it('keeps a learning history per member and statistics per organisation', async () => {
    const h = (await a1.get('/api/v1/me/learning')).json();
    expect(h.studies).toHaveLength(1);
    expect(h.studies[0]).toMatchObject({
      studied: 3,
      total: 3,
      documentTitle: 'Nghị quyết về xây dựng nông thôn mới',
    });
    expect(h.practice).toEqual([]);
    const s = (await district.get(`/api/v1/orgs/${tree.communeA.id}/learning-stats`)).json();
    expect(s).toMatchObject({
      members: 2,
      assignments: 1,
      membersStudying: 2,
      contestAttempts: 0,
      averageScorePercent: null,
    });
    expect((await communeB.get(`/api/v1/orgs/${tree.communeA.id}/learning-stats`)).statusCode).toBe(404);
  });
});
