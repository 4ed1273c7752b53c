// Read side: totals by organisation level and period (from the stored roll-up, formulas computed on
// read), completeness and timeliness of a committee's subtree, and trends.

import type { DbOrTx } from '../../platform/db/database.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import {
  computeFormulas,
  summariseCompleteness,
  TOTAL,
  totalKey,
  type Catalogue,
  type CompletenessSummary,
  type ReportRecord,
  type Totals,
} from './domain/index.ts';
import { expectedForSubtree } from './expected-cache.ts';

export interface OrgRef {
  id: string;
  name: string;
  path: string;
}

export async function childrenOf(db: DbOrTx, orgId: string): Promise<OrgRef[]> {
  return db
    .selectFrom('orgs')
    .select(['id', 'name', 'path'])
    .where('parent_id', '=', orgId)
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
}

export async function loadTotals(
  db: DbOrTx,
  orgIds: readonly string[],
  periods: readonly string[],
  indicators?: readonly string[],
): Promise<Totals> {
  const totals: Totals = new Map();
  if (orgIds.length === 0 || periods.length === 0) return totals;
  let q = db
    .selectFrom('report_totals')
    .selectAll()
    .where('org_id', 'in', [...orgIds])
    .where('period', 'in', [...periods]);
  if (indicators && indicators.length > 0) q = q.where('indicator', 'in', [...indicators]);
  for (const r of await q.execute()) {
    totals.set(totalKey(r.org_id, r.period, r.indicator, r.combo), {
      orgId: r.org_id,
      period: r.period,
      indicator: r.indicator,
      combo: r.combo,
      sum: Number(r.sum),
      count: Number(r.count),
    });
  }
  return totals;
}

export interface TotalsCell {
  orgId: string;
  period: string;
  indicator: string;
  combo: string;
  value: number | null;
  /** Organisations whose values make up the number. */
  reporting: number;
}

/** Flat cells for every (org, period): data totals with their combos, then formula results. */
export function totalsCells(
  totals: Totals,
  catalogue: Catalogue,
  orgIds: readonly string[],
  periods: readonly string[],
): TotalsCell[] {
  const out: TotalsCell[] = [];
  for (const cell of totals.values()) {
    out.push({
      orgId: cell.orgId,
      period: cell.period,
      indicator: cell.indicator,
      combo: cell.combo,
      value: Math.round(cell.sum * 1e9) / 1e9,
      reporting: cell.count,
    });
  }
  for (const orgId of orgIds) {
    for (const period of periods) {
      for (const f of computeFormulas(totals, catalogue, orgId, period)) {
        out.push({ orgId, period, indicator: f.indicator, combo: TOTAL, value: f.value, reporting: 0 });
      }
    }
  }
  return out;
}

/** Completeness and timeliness of the committee's subtree for one period (one template or all). */
export async function completeness(
  db: DbOrTx,
  committee: { id: string; path: string },
  period: string,
  templateCode: string | undefined,
  now: Date,
): Promise<CompletenessSummary> {
  const { expected, tree } = await expectedForSubtree(db, committee.path, period, templateCode);
  const [lo, hi] = subtreeBounds(committee.path);
  const rows = await db
    .selectFrom('reports')
    .select(['org_id', 'template_code', 'period', 'status', 'first_submitted_at', 'complete'])
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('period', '=', period)
    .execute();
  const reports: ReportRecord[] = rows.map((r) => ({
    orgId: r.org_id,
    templateCode: r.template_code,
    period: r.period,
    status: r.status,
    firstSubmittedAt: r.first_submitted_at ? new Date(r.first_submitted_at) : null,
    complete: r.complete === 1,
  }));
  return summariseCompleteness({ committeeId: committee.id, period, tree, expected, reports, now });
}
