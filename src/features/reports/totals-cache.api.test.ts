// The kept totals views: reused while nothing changes, recomputed after a submission, a return, a catalogue
// change or a rebuild, and never different from what a fresh computation gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import {
  makeAccount,
  makeMember,
  makeTree,
  PASSWORD,
  type SmallTree,
} from '../../../test/support/factories.ts';
import { mutate } from '../../platform/context.ts';
import { periodOf } from './domain/index.ts';
import { rebuildTotals } from './rollup.ts';
import { loadCatalogue } from './store.ts';
import { setUpReporting, TEST_INDICATORS } from './test-setup.ts';
import { forgetKeptViews, viewMisses } from './totals-cache.ts';

let t: TestApp;
let tree: SmallTree;
let tinh: Client;
let xa: Client;
let bithu: Client;
const current = periodOf(new Date(), 'monthly');

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  for (let i = 0; i < 4; i++) await makeMember(t.ctx, tree.branchA1);
  await makeAccount(t.ctx, { login: 'tinh', roles: [{ role: 'committee_member', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'xa', roles: [{ role: 'committee_member', org: tree.communeA }] });
  await makeAccount(t.ctx, { login: 'bithu', roles: [{ role: 'secretary', org: tree.branchA1 }] });
  tinh = await login(t.app, 'tinh', PASSWORD);
  xa = await login(t.app, 'xa', PASSWORD);
  bithu = await login(t.app, 'bithu', PASSWORD);
  await setUpReporting(tinh, tree.province.id);
});
afterAll(() => t?.close());

type View = {
  indicators: Array<{ code: string; name: string }>;
  cells: Array<{ orgId: string; indicator: string; combo: string; value: number | null }>;
};

async function view(orgId = tree.district.id): Promise<View> {
  const res = await tinh.get(`/api/v1/orgs/${orgId}/report-totals?from=${current}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const fee = (v: View, orgId = tree.district.id) =>
  v.cells.find((c) => c.orgId === orgId && c.indicator === 'DANG_PHI' && c.combo === '')?.value ?? null;

/** The same view computed from scratch (kept views forgotten first). */
async function fresh(orgId = tree.district.id): Promise<View> {
  forgetKeptViews(t.ctx.db);
  return view(orgId);
}

describe('kept totals views', () => {
  let reportId = '';

  it('reuses a view while nothing changes', async () => {
    const first = await view();
    const misses = viewMisses(t.ctx.db);
    expect(await view()).toEqual(first);
    expect(viewMisses(t.ctx.db)).toBe(misses);
    expect(fee(first)).toBeNull();
  });

  it('shows a submission in the next view, in the branch’s tree only', async () => {
    const before = await view();
    const opened = await bithu.post('/api/v1/reports', {
      orgId: tree.branchA1.id,
      templateCode: 'BC_THANG',
      period: current,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    reportId = opened.json().id;
    const sent = await bithu.post(`/api/v1/reports/${reportId}/submit`, {
      values: { SO_BUOI: 2, DV_DU_HOP: 3, DANG_PHI: 120000 },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const after = await view();
    expect(fee(before)).toBeNull();
    expect(fee(after)).toBe(120000);
    expect(after).toEqual(await fresh());
    expect(fee(await view(tree.communeA.id), tree.communeA.id)).toBe(120000);
  });

  it('takes a returned report out at once', async () => {
    expect(fee(await view())).toBe(120000);
    const returned = await xa.post(`/api/v1/reports/${reportId}/return`, { comment: 'Xem lại đảng phí.' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(fee(await view())).toBeNull();
    expect(await view()).toEqual(await fresh());
  });

  it('shows a renamed indicator and a rebuild', async () => {
    await bithu.post(`/api/v1/reports/${reportId}/submit`, { values: { DANG_PHI: 90000 } });
    expect(fee(await view())).toBe(90000);
    const indicator = TEST_INDICATORS.find((i) => i.code === 'DANG_PHI')!;
    const renamed = await tinh.put('/api/v1/report-indicators/DANG_PHI', {
      orgId: tree.province.id,
      indicator: { ...indicator, name: 'Đảng phí đã thu' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await view()).indicators.find((i) => i.code === 'DANG_PHI')?.name).toBe('Đảng phí đã thu');

    // A rebuild that finds other numbers (values changed behind the roll-up's back) is shown too.
    await t.ctx.db
      .updateTable('report_values')
      .set({ num: 50000 })
      .where('indicator', '=', 'DANG_PHI')
      .execute();
    expect(fee(await view())).toBe(90000);
    await mutate(t.ctx, { accountId: null, ip: null, requestId: 'test' }, async (uow) =>
      rebuildTotals(uow.trx, (await loadCatalogue(uow.trx)).catalogue),
    );
    expect(fee(await view())).toBe(50000);
  });
});
