// A subtree moved to another parent takes its stored totals and its reports along, in the move's transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Client, type TestApp } from '../../../test/support/test-app.ts';
import { makeAccount, makeOrg, makeTree, PASSWORD, type SmallTree } from '../../../test/support/factories.ts';
import { mutate } from '../../platform/context.ts';
import type { Org } from '../orgs/queries.ts';
import { periodOf } from './domain/index.ts';
import { rebuildTotals } from './rollup.ts';
import { loadCatalogue } from './store.ts';
import { setUpReporting } from './test-setup.ts';

let t: TestApp;
let tree: SmallTree;
let district2: Org;
let communeC: Org;
let province2: Org;
let admin: Client;
let tinh: Client;
let xaB: Client;
const current = periodOf(new Date(), 'monthly');

/** Every stored total, as sorted rows. */
async function storedTotals(): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('report_totals').selectAll().execute();
  return rows
    .map((r) => `${r.org_id}|${r.period}|${r.indicator}|${r.combo}|${Number(r.sum)}|${Number(r.count)}`)
    .sort();
}

async function fee(orgId: string): Promise<number | null> {
  const res = await admin.get(
    `/api/v1/orgs/${orgId}/report-totals?from=${current}&by=self&indicators=DANG_PHI`,
  );
  expect(res.statusCode, res.body).toBe(200);
  const cells = res.json().cells as Array<{ orgId: string; combo: string; value: number | null }>;
  return cells.find((c) => c.orgId === orgId && c.combo === '')?.value ?? null;
}

async function submit(org: Org, amount: number): Promise<string> {
  const secretary = `bt${org.id.slice(-6)}`;
  await makeAccount(t.ctx, { login: secretary, roles: [{ role: 'secretary', org }] });
  const client = await login(t.app, secretary, PASSWORD);
  const opened = await client.post('/api/v1/reports', {
    orgId: org.id,
    templateCode: 'BC_THANG',
    period: current,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const sent = await client.post(`/api/v1/reports/${opened.json().id}/submit`, {
    values: { DV_TONG: 5, SO_BUOI: 1, DV_DU_HOP: 4, DANG_PHI: amount },
  });
  expect(sent.statusCode, sent.body).toBe(200);
  return opened.json().id as string;
}

async function move(org: Org, parent: Org): Promise<void> {
  const res = await admin.post(`/api/v1/orgs/${org.id}/move`, { newParentId: parent.id });
  expect(res.statusCode, res.body).toBe(200);
}

/** The stored totals equal a full recomputation from the counted values on the current tree. */
async function expectTotalsEqualRebuild(): Promise<void> {
  const kept = await storedTotals();
  await mutate(t.ctx, { accountId: null, ip: null, requestId: 'test' }, async (uow) => {
    await rebuildTotals(uow.trx, (await loadCatalogue(uow.trx)).catalogue);
  });
  expect(kept).toEqual(await storedTotals());
}

let reportA1 = '';

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeTree(t.ctx);
  district2 = await makeOrg(t.ctx, {
    parent: tree.province,
    name: 'Đảng bộ huyện Kiến Xương',
    type: 'district_committee',
  });
  communeC = await makeOrg(t.ctx, {
    parent: district2,
    name: 'Đảng bộ xã Vũ Quý',
    type: 'grassroots_committee',
  });
  province2 = await makeOrg(t.ctx, {
    parent: null,
    name: 'Đảng bộ tỉnh Nam Định',
    type: 'province_committee',
  });
  await makeAccount(t.ctx, {
    login: 'quantri',
    roles: [
      { role: 'admin', org: tree.province },
      { role: 'admin', org: province2 },
    ],
  });
  await makeAccount(t.ctx, { login: 'tinh', roles: [{ role: 'committee_member', org: tree.province }] });
  await makeAccount(t.ctx, { login: 'xab', roles: [{ role: 'committee_member', org: tree.communeB }] });
  admin = await login(t.app, 'quantri', PASSWORD);
  tinh = await login(t.app, 'tinh', PASSWORD);
  xaB = await login(t.app, 'xab', PASSWORD);
  await setUpReporting(tinh, tree.province.id);
  reportA1 = await submit(tree.branchA1, 100_000);
  await submit(tree.branchA2, 20_000);
  await submit(tree.branchB1, 3_000);
});
afterAll(() => t?.close());

describe('moving an organisation with reported totals', () => {
  it('moves a branch between two communes of a district: the communes change, the district and province do not', async () => {
    expect(await fee(tree.communeA.id)).toBe(120_000);
    expect(await fee(tree.communeB.id)).toBe(3_000);
    const provinceBefore = await fee(tree.province.id);
    expect(provinceBefore).toBe(123_000);
    await move(tree.branchA1, tree.communeB);
    expect(await fee(tree.communeA.id)).toBe(20_000);
    expect(await fee(tree.communeB.id)).toBe(103_000);
    expect(await fee(tree.district.id)).toBe(123_000);
    expect(await fee(tree.province.id)).toBe(provinceBefore);
    expect(await fee(tree.branchA1.id)).toBe(100_000);
    await expectTotalsEqualRebuild();
  });

  it('lets the new commune review the moved branch’s report, which it could not before', async () => {
    const res = await xaB.post(`/api/v1/reports/${reportA1}/return`, {
      comment: 'Đề nghị kiểm tra lại đảng phí.',
    });
    expect(res.statusCode, res.body).toBe(200);
    // The return takes the branch out of its new ancestors' totals (its path now runs through commune B).
    expect(await fee(tree.communeB.id)).toBe(3_000);
    expect(await fee(tree.communeA.id)).toBe(20_000);
    expect(await fee(tree.province.id)).toBe(23_000);
    await expectTotalsEqualRebuild();
  });

  it('moves a whole commune to another district, and a district to another province', async () => {
    await move(tree.communeA, district2);
    expect(await fee(tree.district.id)).toBe(3_000);
    expect(await fee(district2.id)).toBe(20_000);
    expect(await fee(tree.province.id)).toBe(23_000);
    await move(district2, province2);
    expect(await fee(tree.province.id)).toBe(3_000);
    expect(await fee(province2.id)).toBe(20_000);
    expect(await fee(district2.id)).toBe(20_000);
    expect(await fee(communeC.id)).toBeNull();
    await expectTotalsEqualRebuild();
  });
});
