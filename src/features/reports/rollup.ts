// Stored roll-up totals, kept exact incrementally: when one organisation's counted values change, the
// difference of its contributions (domain reportDeltas) is added to its own row and each ancestor's, in
// the same transaction as the change. Nothing ever re-scans raw values to answer a view.

import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../platform/db/database.ts';
import {
  buildTree,
  reportDeltas,
  rollUp,
  type Catalogue,
  type DataValue,
  type TotalDelta,
} from './domain/index.ts';
import { bumpStamp, totalsStamp } from './stamps.ts';

/** Ids on a materialised path, from the organisation itself up to the root. */
export function selfAndAncestorIds(path: string): string[] {
  return path.split('/').filter(Boolean).reverse();
}

/** One organisation's counted values (submitted or approved reports) for every period of a year. */
export async function countedValues(db: DbOrTx, orgId: string, year: number): Promise<DataValue[]> {
  const rows = await db
    .selectFrom('report_values')
    .select(['period', 'indicator', 'combo', 'num', 'text'])
    .where('org_id', '=', orgId)
    .where('counted', '=', 1)
    .where('period', '>=', String(year))
    .where('period', '<', String(year + 1))
    .execute();
  return rows.map((r) => ({
    orgId,
    period: r.period,
    indicator: r.indicator,
    combo: r.combo,
    value: r.num !== null ? Number(r.num) : (r.text ?? ''),
  }));
}

export async function applyTotals(trx: Tx, deltas: readonly TotalDelta[]): Promise<void> {
  // A fixed order of row updates: concurrent submissions under one committee lock rows in the same order.
  const sorted = [...deltas].sort((a, b) =>
    a.orgId === b.orgId
      ? a.period === b.period
        ? a.indicator === b.indicator
          ? a.combo.localeCompare(b.combo)
          : a.indicator.localeCompare(b.indicator)
        : a.period.localeCompare(b.period)
      : a.orgId.localeCompare(b.orgId),
  );
  let removals = false;
  for (const d of sorted) {
    await trx
      .insertInto('report_totals')
      .values({
        org_id: d.orgId,
        period: d.period,
        indicator: d.indicator,
        combo: d.combo,
        sum: d.dSum,
        count: d.dCount,
      })
      .onConflict((oc) =>
        oc.columns(['org_id', 'period', 'indicator', 'combo']).doUpdateSet({
          sum: sql`report_totals.sum + excluded.sum`,
          count: sql`report_totals.count + excluded.count`,
        }),
      )
      .execute();
    if (d.dCount < 0) removals = true;
  }
  if (removals) {
    const orgs = [...new Set(sorted.filter((d) => d.dCount < 0).map((d) => d.orgId))];
    await trx.deleteFrom('report_totals').where('org_id', 'in', orgs).where('count', '<=', 0).execute();
  }
}

/**
 * Runs a change to one organisation's reports and moves the totals of it and its ancestors by exactly the
 * change in its contributions for the year of `period`.
 */
export async function withTotals<T>(
  trx: Tx,
  input: { catalogue: Catalogue; orgId: string; orgPath: string; period: string },
  change: () => Promise<T>,
): Promise<T> {
  const year = Number(input.period.slice(0, 4));
  const before = await countedValues(trx, input.orgId, year);
  const result = await change();
  const after = await countedValues(trx, input.orgId, year);
  const deltas = reportDeltas({
    catalogue: input.catalogue,
    orgAndAncestors: selfAndAncestorIds(input.orgPath),
    before,
    after,
  });
  await applyTotals(trx, deltas);
  if (deltas.length > 0) await bumpStamp(trx, totalsStamp(input.orgPath));
  return result;
}

/**
 * Recomputes every stored total from the counted values with the domain's full roll-up (after a bulk
 * load, or to check the incremental totals). Not used on any request path.
 */
export async function rebuildTotals(trx: Tx, catalogue: Catalogue): Promise<number> {
  const rows = await trx
    .selectFrom('report_values')
    .select(['org_id', 'period', 'indicator', 'combo', 'num', 'text'])
    .where('counted', '=', 1)
    .execute();
  const values: DataValue[] = rows.map((r) => ({
    orgId: r.org_id,
    period: r.period,
    indicator: r.indicator,
    combo: r.combo,
    value: r.num !== null ? Number(r.num) : (r.text ?? ''),
  }));
  const orgs = await trx.selectFrom('orgs').select(['id', 'parent_id', 'type_code', 'name']).execute();
  const tree = buildTree(
    orgs.map((o) => ({ id: o.id, parentId: o.parent_id, type: o.type_code, name: o.name })),
  );
  const { totals } = rollUp(values, tree, catalogue);
  await trx.deleteFrom('report_totals').execute();
  const all = [...totals.values()].map((t) => ({
    org_id: t.orgId,
    period: t.period,
    indicator: t.indicator,
    combo: t.combo,
    sum: t.sum,
    count: t.count,
  }));
  for (let i = 0; i < all.length; i += 500) {
    await trx
      .insertInto('report_totals')
      .values(all.slice(i, i + 500))
      .execute();
  }
  await bumpStamp(trx, 'views');
  return all.length;
}
