// The set-based loader of the country dataset gives exactly the totals the domain's full roll-up gives.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { generateDataset } from '../../demo/generate.ts';
import { mutate } from '../../platform/context.ts';
import { reportsDataset, reportsDatasetSql } from './dataset.ts';
import { rebuildTotals } from './rollup.ts';
import { loadCatalogue } from './store.ts';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t?.close());

async function storedTotals(): Promise<string[]> {
  const rows = await t.ctx.db.selectFrom('report_totals').selectAll().execute();
  return rows
    .map(
      (r) =>
        `${r.org_id}|${r.period}|${r.indicator}|${r.combo}|${Number(r.sum).toFixed(6)}|${Number(r.count)}`,
    )
    .sort();
}

/** The stored totals equal a full recomputation by the domain. */
async function expectTotalsEqualRebuild(): Promise<void> {
  const loaded = await storedTotals();
  expect(loaded.length).toBeGreaterThan(0);
  await mutate(t.ctx, { accountId: null, ip: null, requestId: 'test' }, async (uow) => {
    await rebuildTotals(uow.trx, (await loadCatalogue(uow.trx)).catalogue);
  });
  expect(loaded).toEqual(await storedTotals());
}

describe('reports of the synthetic dataset', () => {
  it('row by row: branch totals from the domain, committees summed in SQL, as the full roll-up', async () => {
    const result = await generateDataset(t.ctx, {
      members: 1_200,
      membersPerBranch: 30,
      plugins: [reportsDataset],
    });
    expect(result.reports).toBeGreaterThan(0);
    await expectTotalsEqualRebuild();
  });

  it('set-based in SQL: every node’s totals as the full roll-up computes them', async () => {
    const result = await generateDataset(t.ctx, {
      members: 2_400,
      membersPerBranch: 30,
      plugins: [reportsDatasetSql(4)],
    });
    const branches = await t.ctx.db
      .selectFrom('orgs')
      .select('id')
      .where('type_code', '=', 'branch')
      .execute();
    expect(result.reports).toBe(branches.length * 4);
    const values = await t.ctx.db
      .selectFrom('report_values')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    // 27 data indicators, one of them split in two.
    expect(Number(values.n)).toBe(branches.length * 4 * 28);
    await expectTotalsEqualRebuild();
  });
});
