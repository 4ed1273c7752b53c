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

describe('order of parts and items', () => {
  it('a new order is a new version; a report opened before keeps the old order', async () => {
    const period = periodOf(new Date(Date.now() - 35 * 864e5), 'monthly');
    const opened = await bithu.post('/api/v1/reports', {
      orgId: tree.branchA1.id,
      templateCode: 'BC_THANG',
      period,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const before = (await bithu.get('/api/v1/report-templates'))
      .json()
      .items.find((x: { code: string }) => x.code === 'BC_THANG');
    const order = (sections: Array<{ code: string; items: Array<{ indicator?: string; code?: string }> }>) =>
      sections.map((s) => `${s.code}:${s.items.map((i) => i.indicator ?? i.code).join(',')}`);
    // Part II first, and its last item (free text) moved to the top of it.
    const [first, second, ...rest] = before.sections;
    const reordered = [
      { ...second, items: [second.items.at(-1), ...second.items.slice(0, -1)] },
      first,
      ...rest,
    ];
    const res = await tinh.put('/api/v1/report-templates/BC_THANG', {
      name: before.name,
      periodType: before.periodType,
      sections: reordered,
      rules: before.rules,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(before.version + 1);
    const latest = (await bithu.get(`/api/v1/report-template-versions/${res.json().id}`)).json();
    expect(order(latest.sections)).toEqual(order(reordered));
    expect(order(latest.sections)[0]).toBe('II:GHI_CHU,SO_BUOI,DV_DU_HOP,TY_LE_DU_HOP,DANG_PHI');

    const old = (await bithu.get(`/api/v1/reports/${opened.json().id}`)).json();
    expect(old.templateVersion).toBe(before.version);
    expect(order(old.sections)).toEqual(order(before.sections));
    // A report opened now uses the new order.
    const fresh = await bithu.post('/api/v1/reports', {
      orgId: tree.branchA1.id,
      templateCode: 'BC_THANG',
      period: periodOf(new Date(Date.now() - 70 * 864e5), 'monthly'),
    });
    expect(fresh.statusCode, fresh.body).toBe(201);
    expect(fresh.json().templateVersion).toBe(before.version + 1);
    expect(order(fresh.json().sections)).toEqual(order(reordered));
  });
});

describe('validation rules of a template', () => {
  const current = async () =>
    (await tinh.get('/api/v1/report-templates'))
      .json()
      .items.find((x: { code: string }) => x.code === 'BC_THANG');
  const save = async (rules: unknown[]) => {
    const tpl = await current();
    return tinh.put('/api/v1/report-templates/BC_THANG', {
      name: tpl.name,
      periodType: tpl.periodType,
      sections: tpl.sections,
      rules,
    });
  };

  it('adds, edits and removes rules, each change a new version', async () => {
    const start = await current();
    const added = await save([
      ...start.rules,
      { code: 'QT_1', name: 'Số buổi không quá 4', expression: 'SO_BUOI <= 4', severity: 'warning' },
    ]);
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().version).toBe(start.version + 1);
    expect((await current()).rules.map((r: { code: string }) => r.code)).toEqual([
      'DU_HOP_LE_TONG',
      'CO_SINH_HOAT',
      'QT_1',
    ]);

    const edited = await save(
      (await current()).rules.map((r: { code: string }) =>
        r.code === 'QT_1'
          ? { ...r, expression: 'SO_BUOI <= 6', severity: 'error', name: 'Số buổi không quá 6' }
          : r,
      ),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await current()).rules.find((r: { code: string }) => r.code === 'QT_1')).toMatchObject({
      expression: 'SO_BUOI <= 6',
      severity: 'error',
      name: 'Số buổi không quá 6',
    });

    const removed = await save((await current()).rules.filter((r: { code: string }) => r.code !== 'QT_1'));
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await current()).rules.map((r: { code: string }) => r.code)).toEqual([
      'DU_HOP_LE_TONG',
      'CO_SINH_HOAT',
    ]);
    expect((await current()).version).toBe(start.version + 3);
  });

  it('refuses bad expressions with a stable code, naming the rule and the field, and keeps the version', async () => {
    const before = await current();
    const res = await save([
      ...before.rules,
      { code: 'QT_2', name: 'Cú pháp sai', expression: 'SO_BUOI <=', severity: 'error' },
      { code: 'QT_3', name: 'Mã lạ', expression: 'SO_BUOII >= 1', severity: 'warning' },
      { code: 'QT_4', name: 'Chỉ tiêu công thức', expression: 'TY_LE_DU_HOP <= 100', severity: 'warning' },
    ]);
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('REPORT_RULE_SYNTAX');
    expect(error.details.map((d: { field: string }) => d.field)).toEqual([
      'rules.2.expression',
      'rules.3.expression',
      'rules.4.expression',
    ]);
    expect(error.details[1].message).toContain('SO_BUOII');
    expect(error.details[0].message).toMatch(/[ăâđêôơư]/i);
    expect((await current()).version).toBe(before.version);
  });

  it('does not let a branch secretary change the rules', async () => {
    const tpl = await current();
    const res = await bithu.put('/api/v1/report-templates/BC_THANG', {
      name: tpl.name,
      periodType: tpl.periodType,
      sections: tpl.sections,
      rules: [],
    });
    expect(res.statusCode).toBe(403);
    expect((await current()).rules).toHaveLength(2);
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
