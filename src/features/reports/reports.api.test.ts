import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeOrg,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { nextPeriod, periodOf, periodStart, startOfLocalDay } from './domain/index.ts';
import { newId } from '../../platform/ids.ts';
import { mutate } from '../../platform/context.ts';
import { rebuildTotals } from './rollup.ts';
import { loadCatalogue } from './store.ts';
import { setUpReporting } from './test-setup.ts';
import { runDueJobs } from '../../platform/jobs/queue.ts';

let t: TestApp;
let tree: SmallTree;
let tinh: Client;
let huyen: Client;
let xa: Client;
let bithu: Client;
let bithu2: Client;
let bithuB: Client;
let dangvien: Client;
const current = periodOf(new Date(), 'monthly');
const past = nextPeriod(current, -3);
const lastMonth = nextPeriod(current, -1);

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  for (let i = 0; i < 3; i++) await makeMember(t.ctx, tree.branchA1);
  const m = await makeMember(t.ctx, tree.branchA1);
  await makeAccount(t.ctx, { login: 'tinh', roles: [{ role: 'committee_member', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'huyen', roles: [{ role: 'committee_member', org: tree.district }] });
  await makeAccount(t.ctx, { login: 'xa', roles: [{ role: 'committee_member', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'bithu', roles: [{ role: 'secretary', org: tree.branchA1 }] });
  await makeAccount(t.ctx, { login: 'bithu2', roles: [{ role: 'secretary', org: tree.branchA2 }] });
  await makeAccount(t.ctx, { login: 'bithub', roles: [{ role: 'secretary', org: tree.branchB1 }] });
  await makeAccount(t.ctx, { login: 'dv', memberId: m });
  tinh = await login(t.app, 'tinh', PASSWORD);
  huyen = await login(t.app, 'huyen', PASSWORD);
  xa = await login(t.app, 'xa', PASSWORD);
  bithu = await login(t.app, 'bithu', PASSWORD);
  bithu2 = await login(t.app, 'bithu2', PASSWORD);
  bithuB = await login(t.app, 'bithub', PASSWORD);
  dangvien = await login(t.app, 'dv', PASSWORD);
  await setUpReporting(tinh, tree.province.id);
});
afterAll(() => t?.close());

async function open(c: Client, orgId: string, period = current) {
  return c.post('/api/v1/reports', { orgId, templateCode: 'BC_THANG', period });
}

async function total(
  c: Client,
  orgId: string,
  indicator: string,
  period = current,
  by: 'self' | 'children' = 'self',
) {
  const res = await c.get(`/api/v1/orgs/${orgId}/report-totals?from=${period}&by=${by}`);
  expect(res.statusCode).toBe(200);
  const cell = res
    .json()
    .cells.find(
      (x: { orgId: string; indicator: string; combo: string; period: string }) =>
        x.orgId === orgId && x.indicator === indicator && x.combo === '' && x.period === period,
    );
  return cell?.value ?? null;
}

describe('catalogue and templates', () => {
  it('refuses a bad indicator with the catalogue problem', async () => {
    const res = await tinh.post('/api/v1/report-indicators', {
      orgId: tree.province.id,
      indicator: { kind: 'data', code: 'TY_LE', name: 'Tỷ lệ', valueType: 'percentage', aggregation: 'sum' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('REPORT_CATALOGUE_INVALID');
    const dup = await tinh.post('/api/v1/report-indicators', {
      orgId: tree.province.id,
      indicator: { kind: 'data', code: 'DV_TONG', name: 'x', valueType: 'integer', aggregation: 'sum' },
    });
    expect(dup.json().error.code).toBe('REPORT_INDICATOR_EXISTS');
  });

  it('a branch secretary cannot change the province catalogue', async () => {
    const res = await bithu.put('/api/v1/report-indicators/DV_TONG', {
      orgId: tree.branchA1.id,
      indicator: { kind: 'data', code: 'DV_TONG', name: 'Khác', valueType: 'integer', aggregation: 'sum' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('an ordinary member has no access to reporting at all', async () => {
    expect((await dangvien.get('/api/v1/report-templates')).statusCode).toBe(403);
    const res = await open(dangvien, tree.branchA1.id);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });
});

describe('data entry, validation and the workflow', () => {
  let id: string;

  it('opens the report pre-filled with the member count of the branch', async () => {
    const res = await open(bithu, tree.branchA1.id);
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'draft',
      templateVersion: 1,
      editable: true,
      complete: false,
    });
    expect(res.json().values.DV_TONG).toBe(4);
    const item = res.json().sections[0].items[0];
    expect(item.prefillLabel).toBe('Theo danh sách đảng viên');
    expect((await open(bithu, tree.branchA1.id)).statusCode).toBe(200);
  });

  it('refuses an organisation that was not assigned the template', async () => {
    const res = await open(xa, tree.communeA.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('REPORT_NOT_ASSIGNED');
    const bad = await open(bithu, tree.branchA1.id, '2026-13');
    expect(bad.json().error.code).toBe('REPORT_PERIOD_INVALID');
  });

  it('hides another branch’s report and its organisation', async () => {
    expect((await bithu2.get(`/api/v1/reports/${id}`)).statusCode).toBe(404);
    expect((await open(bithu2, tree.branchA1.id)).statusCode).toBe(404);
  });

  it('refuses wrong types and out-of-range values cell by cell, saving nothing', async () => {
    const res = await bithu.put(`/api/v1/reports/${id}/values`, {
      values: { SO_BUOI: 40, DV_DU_HOP: 'ba', DANG_PHI: '150.000', 'DV_MOI[khac]': 1, TY_LE_DU_HOP: 5 },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json().error;
    expect(body.code).toBe('REPORT_CELLS_INVALID');
    const byField = Object.fromEntries(
      body.details.map((d: { field: string; code: string }) => [d.field, d.code]),
    );
    expect(byField).toEqual({
      SO_BUOI: 'REPORT_VALUE_RANGE',
      DV_DU_HOP: 'REPORT_VALUE_TYPE',
      'DV_MOI[khac]': 'REPORT_VALUE_COMBO',
      TY_LE_DU_HOP: 'REPORT_VALUE_NOT_ENTERABLE',
    });
    const after = (await bithu.get(`/api/v1/reports/${id}`)).json();
    expect(after.values.DANG_PHI).toBeUndefined();
  });

  it('saves a draft in Vietnamese number format and knows when it is complete', async () => {
    const res = await bithu.put(`/api/v1/reports/${id}/values`, {
      values: { SO_BUOI: 0, DV_DU_HOP: 5, DANG_PHI: '150.000', 'DV_MOI[nu]': 1, 'DV_MOI[nam]': '0' },
      texts: { GHI_CHU: 'Chi bộ hoạt động bình thường.' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().values).toMatchObject({ DANG_PHI: 150000, DV_DU_HOP: 5, 'DV_MOI[nu]': 1 });
    expect(res.json().complete).toBe(true);
    expect(res.json().check.errors.map((e: { rule: string }) => e.rule)).toEqual(['DU_HOP_LE_TONG']);
  });

  it('blocks submission on an error rule, then on a warning without a comment', async () => {
    const err = await bithu.post(`/api/v1/reports/${id}/submit`, {});
    expect(err.statusCode).toBe(422);
    expect(err.json().error.code).toBe('REPORT_VALIDATION_FAILED');
    expect(err.json().error.details[0].code).toBe('DU_HOP_LE_TONG');
    const warn = await bithu.post(`/api/v1/reports/${id}/submit`, { values: { DV_DU_HOP: 3 } });
    expect(warn.json().error.code).toBe('REPORT_COMMENT_REQUIRED');
    // The refused submission saved nothing either.
    expect((await bithu.get(`/api/v1/reports/${id}`)).json().values.DV_DU_HOP).toBe(5);
    expect(await total(huyen, tree.district.id, 'DV_TONG')).toBeNull();
  });

  it('submit moves district and province totals at once; return withdraws; resubmit and approve', async () => {
    const ok = await bithu.post(`/api/v1/reports/${id}/submit`, {
      values: { DV_DU_HOP: 3 },
      warningComments: { CO_SINH_HOAT: 'Tháng này họp ghép với tháng sau.' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'submitted', timeliness: 'on_time', editable: false });
    expect(await total(huyen, tree.district.id, 'DV_TONG')).toBe(4);
    expect(await total(tinh, tree.province.id, 'DV_DU_HOP')).toBe(3);
    expect(await total(tinh, tree.province.id, 'DV_MOI')).toBe(1);
    expect(await total(tinh, tree.province.id, 'TY_LE_DU_HOP')).toBe(75);
    const quarter = `${current.slice(0, 4)}`;
    expect(await total(tinh, tree.province.id, 'DANG_PHI', quarter)).toBe(150000);

    // The branch cannot review its own report; the commune can.
    expect((await bithu.post(`/api/v1/reports/${id}/approve`, {})).statusCode).toBe(403);
    const noComment = await xa.post(`/api/v1/reports/${id}/return`, { comment: ' ' });
    expect(noComment.json().error.code).toBe('REPORT_COMMENT_REQUIRED');
    const returned = await xa.post(`/api/v1/reports/${id}/return`, {
      comment: 'Số dự họp chưa khớp sổ biên bản.',
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnComment: 'Số dự họp chưa khớp sổ biên bản.',
    });
    expect(await total(huyen, tree.district.id, 'DV_TONG')).toBeNull();
    // The secretary who submitted it is told, with the comment (notifications inbox, through the job queue).
    await vi.waitFor(
      async () => {
        await runDueJobs(t.ctx);
        const items = (await bithu.get('/api/v1/notifications')).json().items as Array<
          Record<string, unknown>
        >;
        expect(items.find((i) => i.url === `/reports/${id}`)).toMatchObject({
          kind: 'report',
          title: expect.stringContaining('Báo cáo bị trả lại'),
          body: 'Số dự họp chưa khớp sổ biên bản.',
        });
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(
      ((await xa.get('/api/v1/notifications')).json().items as Array<{ url: string }>).map((i) => i.url),
    ).not.toContain(`/reports/${id}`);

    const again = await bithu.post(`/api/v1/reports/${id}/submit`, { values: { DV_DU_HOP: 2 } });
    expect(again.json().status).toBe('submitted');
    expect(await total(huyen, tree.district.id, 'DV_DU_HOP')).toBe(2);
    const approved = await xa.post(`/api/v1/reports/${id}/approve`, { comment: 'Đạt.' });
    expect(approved.json()).toMatchObject({ status: 'approved', locked: true });
    const locked = await bithu.put(`/api/v1/reports/${id}/values`, { values: { SO_BUOI: 2 } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('REPORT_LOCKED');
  });

  it('adds a second branch to the commune and district totals, by child', async () => {
    const r2 = (await open(bithu2, tree.branchA2.id)).json();
    expect(r2.values.DV_TONG).toBe(0);
    const res = await bithu2.post(`/api/v1/reports/${r2.id}/submit`, {
      values: { DV_TONG: 10, SO_BUOI: 1, DV_DU_HOP: 8 },
    });
    expect(res.statusCode).toBe(200);
    expect(await total(huyen, tree.district.id, 'DV_TONG')).toBe(14);
    expect(await total(huyen, tree.district.id, 'TY_LE_DU_HOP')).toBeCloseTo(71.43, 1);
    const view = (await huyen.get(`/api/v1/orgs/${tree.district.id}/report-totals?from=${current}`)).json();
    expect(view.rows.map((r: { name: string }) => r.name)).toEqual([
      'Đảng bộ xã Đông Hợp',
      'Đảng bộ xã Đông La',
    ]);
    const communeCell = view.cells.find(
      (c: { orgId: string; indicator: string; combo: string }) =>
        c.orgId === tree.communeA.id && c.indicator === 'DV_TONG' && c.combo === '',
    );
    expect(communeCell).toMatchObject({ value: 14, reporting: 2 });
    // The commune sees nothing above itself.
    expect((await xa.get(`/api/v1/orgs/${tree.district.id}/report-totals?from=${current}`)).statusCode).toBe(
      404,
    );
  });

  it('keeps the template version of past reports when the template is edited', async () => {
    const tpl = (await tinh.get('/api/v1/report-templates')).json().items[0];
    const res = await tinh.put('/api/v1/report-templates/BC_THANG', {
      name: tpl.name,
      periodType: 'monthly',
      sections: [
        ...tpl.sections,
        {
          code: 'III',
          title: 'Khác',
          items: [{ kind: 'text', code: 'KIEN_NGHI', label: 'Kiến nghị', required: false }],
        },
      ],
    });
    expect(res.json()).toMatchObject({ version: 2 });
    expect((await bithu.get(`/api/v1/reports/${id}`)).json().templateVersion).toBe(1);
    const fresh = (await open(bithuB, tree.branchB1.id)).json();
    expect(fresh.templateVersion).toBe(2);
    expect(fresh.sections).toHaveLength(3);
  });
});

describe('locks, exceptions, completeness and timeliness', () => {
  it('refuses values after the lock date until the commune grants an exception; submission is late', async () => {
    const r = (await open(bithu, tree.branchA1.id, past)).json();
    expect(r.locked).toBe(true);
    const res = await bithu.put(`/api/v1/reports/${r.id}/values`, { values: { SO_BUOI: 1 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REPORT_LOCKED');
    expect(
      (
        await bithu.post(`/api/v1/reports/${r.id}/exception`, {
          reason: 'x',
          until: new Date(Date.now() + 864e5).toISOString(),
        })
      ).statusCode,
    ).toBe(403);
    const ex = await xa.post(`/api/v1/reports/${r.id}/exception`, {
      reason: 'Chi bộ bổ sung số liệu còn thiếu.',
      until: new Date(Date.now() + 864e5).toISOString(),
    });
    expect(ex.json()).toMatchObject({ locked: false, editable: true });
    const sent = await bithu.post(`/api/v1/reports/${r.id}/submit`, { values: { SO_BUOI: 1, DV_DU_HOP: 3 } });
    expect(sent.json()).toMatchObject({ status: 'submitted', timeliness: 'late' });
  });

  it('counts expected, on time, late and missing, with the lists of organisations', async () => {
    const now = (
      await xa.get(`/api/v1/orgs/${tree.communeA.id}/report-completeness?period=${current}`)
    ).json();
    expect(now).toMatchObject({
      expected: 2,
      submitted: 2,
      onTime: 2,
      late: 0,
      missing: 0,
      approved: 1,
      awaitingReview: 1,
    });
    const old = (
      await huyen.get(`/api/v1/orgs/${tree.district.id}/report-completeness?period=${past}`)
    ).json();
    expect(old).toMatchObject({ expected: 3, submitted: 1, onTime: 0, late: 1, missing: 2 });
    expect(old.missingOrgs.map((o: { name: string }) => o.name)).toEqual([
      'Chi bộ thôn An Lạc',
      'Chi bộ thôn Phú Mỹ',
    ]);
    expect(old.lateOrgs.map((o: { name: string }) => o.name)).toEqual(['Chi bộ thôn Nguyệt Lâm 3']);
    expect(old.byChild.map((c: { name: string; expected: number }) => [c.name, c.expected])).toEqual([
      ['Đảng bộ xã Đông Hợp', 2],
      ['Đảng bộ xã Đông La', 1],
    ]);
    const xlsx = await huyen.get(
      `/api/v1/orgs/${tree.district.id}/report-completeness?period=${past}&format=xlsx`,
    );
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(
      (await bithu.get(`/api/v1/orgs/${tree.communeA.id}/report-completeness?period=${past}`)).statusCode,
    ).toBe(404);
  });

  it('lists a branch’s expected reports with their state', async () => {
    const list = (await bithu.get(`/api/v1/orgs/${tree.branchA1.id}/reports`)).json();
    const byPeriod = Object.fromEntries(
      list.items.map((i: { period: string; status: string }) => [i.period, i.status]),
    );
    expect(byPeriod[current]).toBe('approved');
    expect(byPeriod[lastMonth]).toBe('not_started');
    expect(list.items.find((i: { period: string }) => i.period === lastMonth).timeliness).toBe('missing');
  });

  it('draws the trend of an indicator over months', async () => {
    const res = await tinh.get(
      `/api/v1/orgs/${tree.province.id}/report-trend?indicator=SO_BUOI&from=${past}&to=${current}`,
    );
    expect(res.json().points.map((p: { value: number | null }) => p.value)).toEqual([1, null, null, 1]);
  });
});

async function sheetOf(c: Client, id: string): Promise<ExcelJS.Workbook> {
  const res = await c.get(`/api/v1/reports/${id}/xlsx`);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

function multipart(name: string, bytes: Buffer) {
  const boundary = '----sotay' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function upload(c: Client, id: string, wb: ExcelJS.Workbook) {
  const body = multipart('bao-cao.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/reports/${id}/xlsx`,
    headers: { ...body.headers, cookie: c.cookie, 'x-sotay-client': 'test' },
    payload: body.payload,
  });
}

function rowOf(ws: ExcelJS.Worksheet, key: string): number {
  let found = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === key) found = n;
  });
  return found;
}

describe('Excel round trip', () => {
  let id: string;
  beforeAll(async () => {
    id = (await open(bithu, tree.branchA1.id, nextPeriod(current, 1))).json().id;
  });

  it('is not possible before the period starts', async () => {
    const res = await bithu.put(`/api/v1/reports/${id}/values`, { values: { SO_BUOI: 1 } });
    expect(res.json().error.code).toBe('REPORT_PERIOD_NOT_OPEN');
  });

  it('downloads a pre-filled sheet and uploads it back with the same checks', async () => {
    const draft = (await open(bithu2, tree.branchA2.id, lastMonth)).json();
    await xa.post(`/api/v1/reports/${draft.id}/exception`, {
      reason: 'Nhập bù.',
      until: new Date(Date.now() + 864e5).toISOString(),
    });
    const wb = await sheetOf(bithu2, draft.id);
    const ws = wb.getWorksheet('Báo cáo')!;
    expect(ws.getCell(`E${rowOf(ws, 'DV_TONG')}`).value).toBe(0);
    ws.getCell(`E${rowOf(ws, 'DV_TONG')}`).value = 12;
    ws.getCell(`E${rowOf(ws, 'SO_BUOI')}`).value = 2;
    ws.getCell(`E${rowOf(ws, 'DV_DU_HOP')}`).value = '9';
    ws.getCell(`E${rowOf(ws, 'DV_MOI[nu]')}`).value = 1;
    ws.getCell(`E${rowOf(ws, 'GHI_CHU')}`).value = 'Đã họp đủ.';
    const res = await upload(bithu2, draft.id, wb);
    expect(res.statusCode).toBe(200);
    expect(res.json().values).toMatchObject({ DV_TONG: 12, SO_BUOI: 2, DV_DU_HOP: 9, 'DV_MOI[nu]': 1 });
    expect(res.json().texts.GHI_CHU).toBe('Đã họp đủ.');

    // Wrong types: reported by cell, nothing saved.
    const bad = await sheetOf(bithu2, draft.id);
    const bws = bad.getWorksheet('Báo cáo')!;
    const r1 = rowOf(bws, 'SO_BUOI');
    const r2 = rowOf(bws, 'DV_TONG');
    bws.getCell(`E${r1}`).value = 'hai';
    bws.getCell(`E${r2}`).value = 13;
    const refused = await upload(bithu2, draft.id, bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ field: `E${r1}`, row: r1, column: 'E', code: 'REPORT_VALUE_TYPE' }),
    ]);
    expect((await bithu2.get(`/api/v1/reports/${draft.id}`)).json().values.DV_TONG).toBe(12);
  });

  it('refuses moved columns, extra sheets, formulas and changed codes', async () => {
    const moved = await sheetOf(bithu, id);
    const ws = moved.getWorksheet('Báo cáo')!;
    ws.spliceColumns(3, 0, ['Thêm']);
    let res = await upload(bithu, id, moved);
    expect(res.json().error.code).toBe('REPORT_SHEET_INVALID');
    expect(res.json().error.details.some((d: { code: string }) => d.code === 'REPORT_SHEET_COLUMNS')).toBe(
      true,
    );

    const extra = await sheetOf(bithu, id);
    extra.addWorksheet('Nháp');
    res = await upload(bithu, id, extra);
    expect(res.json().error).toMatchObject({
      code: 'REPORT_SHEET_INVALID',
      details: [{ code: 'REPORT_SHEET_EXTRA' }],
    });

    const formula = await sheetOf(bithu, id);
    const fws = formula.getWorksheet('Báo cáo')!;
    const row = rowOf(fws, 'SO_BUOI');
    fws.getCell(`E${row}`).value = { formula: '1+1', result: 2 };
    res = await upload(bithu, id, formula);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: `E${row}`, code: 'REPORT_SHEET_FORMULA' }),
    ]);

    const renamed = await sheetOf(bithu, id);
    const rws = renamed.getWorksheet('Báo cáo')!;
    const r = rowOf(rws, 'DANG_PHI');
    rws.getCell(`A${r}`).value = 'DANG_PHI_2';
    res = await upload(bithu, id, renamed);
    expect(res.json().error.details).toEqual([expect.objectContaining({ field: `A${r}` })]);
  });

  it('exports an aggregated view', async () => {
    const res = await huyen.get(
      `/api/v1/orgs/${tree.district.id}/report-totals/export?from=${past}&to=${current}`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('DV_TONG')!;
    expect(ws.getRow(3).getCell(5).value).toMatch(/^Tháng/);
    expect(ws.getRow(4).getCell(5).value).toBe(14);
  });
});

describe('narrative reports', () => {
  it('goes from a branch to its commune: submitted, returned, resubmitted, accepted', async () => {
    const created = await bithu.post('/api/v1/narrative-reports', {
      orgId: tree.branchA1.id,
      title: 'Báo cáo sơ kết 6 tháng',
      body: '<p>Chi bộ đã <b>hoàn thành</b> các chỉ tiêu.</p><script>alert(1)</script>',
    });
    expect(created.statusCode).toBe(201);
    const n = created.json();
    expect(n.body).not.toContain('script');
    expect(n.reviewerId).toBe(tree.communeA.id);
    expect((await bithu2.get(`/api/v1/narrative-reports/${n.id}`)).statusCode).toBe(404);
    expect((await bithu.post(`/api/v1/narrative-reports/${n.id}/submit`)).json().status).toBe('submitted');
    const received = (await xa.get(`/api/v1/orgs/${tree.communeA.id}/narrative-reports`)).json().received;
    expect(received.map((r: { title: string }) => r.title)).toEqual(['Báo cáo sơ kết 6 tháng']);
    expect((await bithu.post(`/api/v1/narrative-reports/${n.id}/accept`)).statusCode).toBe(403);
    const ret = await xa.post(`/api/v1/narrative-reports/${n.id}/return`, {
      comment: 'Bổ sung số liệu đảng phí.',
    });
    expect(ret.json()).toMatchObject({ status: 'returned', returnComment: 'Bổ sung số liệu đảng phí.' });
    await bithu.patch(`/api/v1/narrative-reports/${n.id}`, { body: '<p>Đảng phí thu đủ 100%.</p>' });
    await bithu.post(`/api/v1/narrative-reports/${n.id}/submit`);
    const accepted = await xa.post(`/api/v1/narrative-reports/${n.id}/accept`, { comment: 'Tiếp nhận.' });
    expect(accepted.json().status).toBe('approved');
    const edit = await bithu.patch(`/api/v1/narrative-reports/${n.id}`, { title: 'Khác' });
    expect(edit.json().error.code).toBe('REPORT_LOCKED');
  });
});

describe('pre-fill from the meeting records', () => {
  it('offers the regular meetings held and the members present, from finished meetings of the month', async () => {
    const branch = await makeOrg(t.ctx, {
      parent: tree.communeB,
      name: 'Chi bộ thôn Đông Thịnh',
      type: 'branch',
    });
    const members = [];
    for (let i = 0; i < 5; i++) members.push(await makeMember(t.ctx, branch));
    await makeAccount(t.ctx, { login: 'bithu3', roles: [{ role: 'secretary', org: branch }] });
    const secretary = await login(t.app, 'bithu3', PASSWORD);
    const day = startOfLocalDay(periodStart(current)).getTime();
    const now = new Date().toISOString();
    for (const [i, present] of [4, 2].entries()) {
      const id = newId();
      await t.ctx.db
        .insertInto('meetings')
        .values({
          id,
          org_id: branch.id,
          org_path: branch.path,
          kind: 'regular',
          title: `Sinh hoạt chi bộ lần ${i + 1}`,
          theme: null,
          starts_at: new Date(day + (i + 1) * 3600_000).toISOString(),
          place: 'Nhà văn hóa thôn',
          online: 0,
          status: 'ended',
          version: 1,
          state: '{}',
          published_at: null,
          started_at: null,
          ended_at: null,
          chair_member_id: null,
          minute_taker_member_id: null,
          minutes: null,
          minutes_approved_at: null,
          qr_secret: 'x',
          qr_code: null,
          qr_expires_at: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const [j, member] of members.entries()) {
        await t.ctx.db
          .insertInto('meeting_attendance')
          .values({
            meeting_id: id,
            member_id: member,
            mark: j < present ? 'present' : 'absent_with_reason',
            reason: null,
            remote: 0,
            source: 'secretary',
            at: now,
          })
          .execute();
      }
    }
    const res = await open(secretary, branch.id);
    expect(res.statusCode).toBe(201);
    expect(res.json().values).toMatchObject({ DV_TONG: 5, SO_BUOI: 2, DV_DU_HOP: 3 });
    const item = res.json().sections[1].items[1];
    expect(item.prefillLabel).toBe('Theo điểm danh các buổi sinh hoạt');
  });
});

describe('stored totals', () => {
  it('after every submission, return, resubmission and approval above equal a full roll-up of the counted values', async () => {
    const read = async () =>
      (await t.ctx.db.selectFrom('report_totals').selectAll().execute())
        .map(
          (r) =>
            `${r.org_id}|${r.period}|${r.indicator}|${r.combo}|${Math.round(Number(r.sum) * 1e6) / 1e6}|${r.count}`,
        )
        .sort();
    const incremental = await read();
    expect(incremental.length).toBeGreaterThan(50);
    const actor = { accountId: null, ip: null, requestId: 'test' };
    await mutate(t.ctx, actor, async (uow) =>
      rebuildTotals(uow.trx, (await loadCatalogue(uow.trx)).catalogue),
    );
    expect(await read()).toEqual(incremental);
  });
});
