// What the administration screens rely on: template versions readable one by one (past reports keep theirs),
// and assignments refused with a stable code and a Vietnamese message when they name unknown things.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { makeAccount, makeTree, PASSWORD, type SmallTree } from '../../../test/support/factories.ts';
import { periodOf } from './domain/index.ts';
import { setUpReporting, TEST_TEMPLATE } from './test-setup.ts';

let t: TestApp;
let tree: SmallTree;
let tinh: Client;
let xa: Client;
let bithu: Client;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  await makeAccount(t.ctx, { login: 'tinh', roles: [{ role: 'committee_member', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'xa', roles: [{ role: 'committee_member', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'bithu', roles: [{ role: 'secretary', org: tree.branchA1 }] });
  tinh = await login(t.app, 'tinh', PASSWORD);
  xa = await login(t.app, 'xa', PASSWORD);
  bithu = await login(t.app, 'bithu', PASSWORD);
  await setUpReporting(tinh, tree.province.id);
});
afterAll(() => t?.close());

describe('template versions', () => {
  it('an edit is a new version; the old one stays readable and a report opened before keeps it', async () => {
    const period = periodOf(new Date(), 'monthly');
    const opened = await bithu.post('/api/v1/reports', {
      orgId: tree.branchA1.id,
      templateCode: 'BC_THANG',
      period,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const sections = [
      ...TEST_TEMPLATE.sections,
      {
        code: 'III',
        title: 'Tài liệu',
        items: [{ kind: 'attachment', code: 'BIEN_BAN', label: 'Biên bản', required: false, maxFiles: 2 }],
      },
    ];
    const edited = await tinh.put('/api/v1/report-templates/BC_THANG', {
      name: 'Báo cáo tháng của chi bộ (sửa)',
      periodType: 'monthly',
      sections,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().version).toBe(2);

    const versions = (await bithu.get('/api/v1/report-templates/BC_THANG/versions')).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await bithu.get(`/api/v1/report-template-versions/${versions[1].id}`);
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toMatchObject({ version: 1, name: 'Báo cáo tháng của chi bộ', latest: false });
    expect(v1.json().sections).toHaveLength(2);
    const v2 = (await bithu.get(`/api/v1/report-template-versions/${versions[0].id}`)).json();
    expect(v2).toMatchObject({ version: 2, latest: true });
    expect(v2.sections[2].items[0]).toMatchObject({ kind: 'attachment', code: 'BIEN_BAN' });
    // The rules were kept from version 1.
    expect(v2.rules.map((r: { code: string }) => r.code)).toEqual(['DU_HOP_LE_TONG', 'CO_SINH_HOAT']);

    const report = (await bithu.get(`/api/v1/reports/${opened.json().id}`)).json();
    expect(report.templateName).toBe('Báo cáo tháng của chi bộ');
    expect((await bithu.get('/api/v1/report-template-versions/khong-co')).statusCode).toBe(404);
  });

  it('refuses a template naming an unknown indicator with a stable code', async () => {
    const res = await tinh.put('/api/v1/report-templates/BC_THANG', {
      name: 'Báo cáo tháng',
      periodType: 'monthly',
      sections: [
        { code: 'I', title: 'I', items: [{ kind: 'indicator', indicator: 'KHONG_CO', required: true }] },
      ],
      rules: [],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toMatch(/^REPORT_/);
    expect(res.json().error.message).toMatch(/[ăâđêôơư]/i);
  });
});

describe('assignments', () => {
  const base = {
    templateCode: 'BC_THANG',
    periodType: 'monthly',
    deadlineDays: 5,
    lockAfterDays: 10,
    activeFrom: '2026-01-01',
  };

  it('refuses unknown organisation types, organisations outside the subtree and a wrong period type', async () => {
    const types = await xa.post('/api/v1/report-assignments', {
      ...base,
      committeeId: tree.communeA.id,
      target: { kind: 'org_types', orgTypes: ['branch', 'khong_co'] },
    });
    expect(types.statusCode).toBe(422);
    expect(types.json().error).toMatchObject({
      code: 'REPORT_ASSIGNMENT_INVALID',
      message: 'Có loại tổ chức không có trong danh mục.',
      details: [{ field: 'target.orgTypes', message: 'khong_co' }],
    });
    const outside = await xa.post('/api/v1/report-assignments', {
      ...base,
      committeeId: tree.communeA.id,
      target: { kind: 'orgs', orgIds: [tree.branchA1.id, tree.branchB1.id] },
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.details).toEqual([
      expect.objectContaining({ field: 'target.orgIds', message: tree.branchB1.id }),
    ]);
    const wrongType = await xa.post('/api/v1/report-assignments', {
      ...base,
      periodType: 'quarterly',
      committeeId: tree.communeA.id,
      target: { kind: 'orgs', orgIds: [tree.branchA1.id] },
    });
    expect(wrongType.json().error).toMatchObject({
      code: 'REPORT_ASSIGNMENT_INVALID',
      message: 'Loại kỳ báo cáo của phân công phải trùng với mẫu báo cáo.',
    });
  });

  it('a commune assigns to a list of its branches and sees it in its list', async () => {
    const made = await xa.post('/api/v1/report-assignments', {
      ...base,
      committeeId: tree.communeA.id,
      target: { kind: 'orgs', orgIds: [tree.branchA2.id] },
    });
    expect(made.statusCode, made.body).toBe(201);
    const list = (await xa.get(`/api/v1/orgs/${tree.communeA.id}/report-assignments`)).json().items;
    expect(list).toEqual([
      expect.objectContaining({
        id: made.json().id,
        target: { kind: 'orgs', orgIds: [tree.branchA2.id] },
        deadline: { deadlineDays: 5, lockAfterDays: 10 },
        activeTo: null,
      }),
    ]);
    // Nor to itself: a branch would set its own deadline over the commune's.
    for (const [client, org, target] of [
      [bithu, tree.branchA1, { kind: 'orgs', orgIds: [tree.branchA1.id] }],
      [bithu, tree.branchA1, { kind: 'org_types', orgTypes: ['branch'] }],
      [xa, tree.communeA, { kind: 'org_types', orgTypes: ['grassroots_committee', 'branch'] }],
    ] as const) {
      const self = await client.post('/api/v1/report-assignments', {
        ...base,
        deadlineDays: 365,
        committeeId: org.id,
        target,
      });
      expect(self.statusCode).toBe(422);
      expect(self.json().error).toMatchObject({
        code: 'REPORT_ASSIGNMENT_INVALID',
        message: 'Chỉ giao báo cáo cho tổ chức trực thuộc, không giao cho chính tổ chức mình.',
      });
    }
    // A branch secretary cannot assign in the commune's name.
    const denied = await bithu.post('/api/v1/report-assignments', {
      ...base,
      committeeId: tree.communeA.id,
      target: { kind: 'orgs', orgIds: [tree.branchA1.id] },
    });
    expect(denied.statusCode).toBe(403);
  });
});
