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
let admin: Client;
let communeA: Client;
let memberB: Client;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'qt', roles: [{ role: 'admin', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'xa', roles: [{ role: 'committee_member', org: tree.communeA }] });
  const m = await makeMember(t.ctx, tree.branchB1);
  await makeAccount(t.ctx, { login: 'dvb', memberId: m });
  await makeMember(t.ctx, tree.branchA1);
  await makeMember(t.ctx, tree.branchA1);
  admin = await login(t.app, 'qt', PASSWORD);
  communeA = await login(t.app, 'xa', PASSWORD);
  memberB = await login(t.app, 'dvb', PASSWORD);
});
afterAll(() => t?.close());

describe('organisation tree', () => {
  it('shows an organisation with counts and the breadcrumbs the viewer may see', async () => {
    const res = await communeA.get(`/api/v1/orgs/${tree.branchA1.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Chi bộ thôn Nguyệt Lâm 3',
      type: 'branch',
      typeName: 'Chi bộ',
      memberCount: 2,
    });
    expect(res.json().ancestors.map((a: { name: string }) => a.name)).toEqual(['Đảng bộ xã Đông Hợp']);
    const full = await admin.get(`/api/v1/orgs/${tree.branchA1.id}`);
    expect(full.json().ancestors).toHaveLength(3);
  });

  it('lists children ordered by type then name', async () => {
    const res = await admin.get(`/api/v1/orgs/${tree.district.id}/children`);
    expect(res.json().items.map((o: { name: string }) => o.name)).toEqual([
      'Đảng bộ xã Đông Hợp',
      'Đảng bộ xã Đông La',
    ]);
  });

  it('hides organisations outside the viewer’s subtree', async () => {
    expect((await communeA.get(`/api/v1/orgs/${tree.branchB1.id}`)).statusCode).toBe(404);
    expect((await communeA.get(`/api/v1/orgs/${tree.district.id}`)).statusCode).toBe(404);
    expect((await memberB.get(`/api/v1/orgs/${tree.branchA1.id}`)).statusCode).toBe(404);
    expect((await memberB.get(`/api/v1/orgs/${tree.branchB1.id}`)).statusCode).toBe(200);
  });

  it('creates, renames, moves and closes organisations, keeping history', async () => {
    const created = await admin.post('/api/v1/orgs', {
      parentId: tree.communeA.id,
      name: 'Chi bộ  Trường Tiểu học',
      type: 'branch',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      (await admin.patch(`/api/v1/orgs/${id}`, { name: 'Chi bộ Trường Tiểu học Đông Hợp' })).json().name,
    ).toBe('Chi bộ Trường Tiểu học Đông Hợp');
    const moved = await admin.post(`/api/v1/orgs/${id}/move`, { newParentId: tree.communeB.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().path.startsWith(tree.communeB.path)).toBe(true);
    expect((await admin.get(`/api/v1/orgs/${tree.communeB.id}/children`)).json().items).toHaveLength(2);
    const closed = await admin.post(`/api/v1/orgs/${id}/close`);
    expect(closed.json().status).toBe('closed');
    expect((await admin.get(`/api/v1/orgs/${tree.communeB.id}/children`)).json().items).toHaveLength(1);
    expect(
      (await admin.get(`/api/v1/orgs/${tree.communeB.id}/children?includeClosed=true`)).json().items,
    ).toHaveLength(2);
    expect((await admin.patch(`/api/v1/orgs/${id}`, { name: 'x' })).json().error.code).toBe('ORG_CLOSED');
  });

  it('moves a whole subtree with its members', async () => {
    const commune = (
      await admin.post('/api/v1/orgs', {
        parentId: tree.district.id,
        name: 'Đảng bộ xã Mới',
        type: 'grassroots_committee',
      })
    ).json();
    const branch = (
      await admin.post('/api/v1/orgs', { parentId: commune.id, name: 'Chi bộ thôn Mới', type: 'branch' })
    ).json();
    const m = await admin.post(`/api/v1/orgs/${branch.id}/members`, {
      fullName: 'Đỗ Thị Lan',
      phone: '0977000111',
    });
    expect(m.statusCode).toBe(201);
    const district2 = (
      await admin.post('/api/v1/orgs', {
        parentId: tree.province.id,
        name: 'Đảng bộ huyện Vũ Thư',
        type: 'district_committee',
      })
    ).json();
    expect(
      (await admin.post(`/api/v1/orgs/${commune.id}/move`, { newParentId: district2.id })).statusCode,
    ).toBe(200);
    const members = await admin.get(`/api/v1/orgs/${district2.id}/members`);
    expect(members.json().items.map((x: { fullName: string }) => x.fullName)).toEqual(['Đỗ Thị Lan']);
    expect((await admin.get(`/api/v1/orgs/${tree.district.id}/members?q=lan`)).json().items).toHaveLength(0);
  });

  it('refuses invalid structure changes with clear codes', async () => {
    expect(
      (await admin.post(`/api/v1/orgs/${tree.district.id}/move`, { newParentId: tree.branchA1.id })).json()
        .error.code,
    ).toBe('ORG_MOVE_INTO_ITSELF');
    expect(
      (await admin.post('/api/v1/orgs', { parentId: tree.branchA1.id, name: 'X', type: 'branch' })).json()
        .error.code,
    ).toBe('ORG_PARENT_TYPE_INVALID');
    expect(
      (await admin.post('/api/v1/orgs', { parentId: tree.communeA.id, name: 'X', type: 'nope' })).json().error
        .code,
    ).toBe('ORG_TYPE_UNKNOWN');
    expect((await admin.post(`/api/v1/orgs/${tree.branchA1.id}/close`)).json().error.code).toBe(
      'ORG_HAS_MEMBERS',
    );
    expect((await admin.post(`/api/v1/orgs/${tree.communeA.id}/close`)).json().error.code).toBe(
      'ORG_HAS_ACTIVE_CHILDREN',
    );
    expect(
      (await communeA.post('/api/v1/orgs', { parentId: tree.communeA.id, name: 'X', type: 'branch' }))
        .statusCode,
    ).toBe(403);
  });

  it('lets organisation types be data', async () => {
    const res = await admin.post('/api/v1/org-types', {
      code: 'union_branch',
      nameVi: 'Công đoàn bộ phận',
      nameEn: 'Union section',
      rank: 60,
      holdsMembers: true,
      parentTypes: ['grassroots_committee'],
    });
    expect(res.statusCode).toBe(201);
    expect(
      (
        await admin.post('/api/v1/orgs', {
          parentId: tree.communeA.id,
          name: 'Công đoàn Trường học',
          type: 'union_branch',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await communeA.post('/api/v1/org-types', {
          code: 'x_type',
          nameVi: 'X',
          nameEn: 'X',
          rank: 1,
          holdsMembers: false,
          parentTypes: [],
        })
      ).statusCode,
    ).toBe(403);
  });

  it('writes an append-only, verifiable audit trail visible to administrators of the subtree', async () => {
    const res = await admin.get(`/api/v1/orgs/${tree.province.id}/audit?limit=100`);
    expect(res.statusCode).toBe(200);
    const actions = res.json().items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['org.create', 'org.rename', 'org.move', 'org.close']));
    const rename = res.json().items.find((i: { action: string }) => i.action === 'org.rename');
    expect(rename.before).toEqual({ name: 'Chi bộ Trường Tiểu học' });
    expect((await communeA.get(`/api/v1/orgs/${tree.communeA.id}/audit`)).statusCode).toBe(403);
    await expect(t.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
  });
});
