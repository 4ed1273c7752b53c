// Roll-up of reported values up the organisation tree and over time, in full and incrementally.
//
// The model that makes every rule incremental: the total of a node N for a span period P (a month, or
// a quarter/half/year made of months), an indicator and a combo is
//
//     sum(N, P)   = Σ over reporting organisations o in N's subtree of contribution(o, P)
//     count(N, P) = number of organisations o in N's subtree with a contribution
//
// where contribution(o, P) depends only on o's OWN values in P and the indicator's rule:
//   - sum:                               Σ of o's values in P;
//   - average_over_time_sum_over_orgs:   mean of o's values over the periods in P where o reported;
//   - last_value:                        o's value for the latest period in P where it reported.
// So every node stores exactly (sum, count) per (period, indicator, combo). When one organisation's
// counted values change (submission, return, approval after a reopen), the caller loads that
// organisation's counted values in the spans touched (at most a year of its own rows), we compute its
// old and new contribution per span, and the difference is added to the organisation and each ancestor:
// O(depth × spans × cells) row increments in the same transaction. Period ordering for last_value and
// the divisor for averages are applied at the organisation itself, never at the ancestors.
//
// Yes/no values count as 1/0, so the total of a yes/no indicator is the number of "yes" answers and
// `count` the number of answers. Text and `none` indicators are not aggregated. The combo "" (TOTAL)
// of a disaggregated indicator is computed from each period's sum over its combos, then by the rule.
// Formula indicators are never stored: they are computed from the totals when read (computeFormulas).

import { evaluate, referencesOf } from './expressions.ts';
import {
  comboKeys,
  TOTAL,
  type AggregationRule,
  type Catalogue,
  type DataIndicator,
  type Value,
} from './indicators.ts';
import { comparePeriods, enclosingPeriods, type PeriodId } from './periods.ts';
import { selfAndAncestors, type OrgTree } from './tree.ts';

/** One counted value: from a submitted or approved report (workflow.countsInTotals). */
export interface DataValue {
  orgId: string;
  period: PeriodId;
  indicator: string;
  /** TOTAL ("") for indicators without disaggregation. */
  combo: string;
  value: Value;
}

export interface CellKey {
  period: PeriodId;
  indicator: string;
  combo: string;
}

export interface TotalCell extends CellKey {
  orgId: string;
  sum: number;
  count: number;
}

/** Totals by totalKey(orgId, period, indicator, combo). */
export type Totals = Map<string, TotalCell>;

export function totalKey(orgId: string, period: PeriodId, indicator: string, combo: string = TOTAL): string {
  return `${orgId}\u0000${period}\u0000${indicator}\u0000${combo}`;
}

export function getTotal(
  totals: ReadonlyMap<string, TotalCell>,
  orgId: string,
  period: PeriodId,
  indicator: string,
  combo: string = TOTAL,
): TotalCell | undefined {
  return totals.get(totalKey(orgId, period, indicator, combo));
}

function numeric(value: Value): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

/** An organisation's contribution to a span from its own points (one per period); null when none. */
export function contribution(
  rule: AggregationRule,
  points: ReadonlyArray<{ period: PeriodId; value: number }>,
): number | null {
  if (points.length === 0 || rule === 'none') return null;
  switch (rule) {
    case 'sum':
      return points.reduce((acc, p) => acc + p.value, 0);
    case 'average_over_time_sum_over_orgs':
      return points.reduce((acc, p) => acc + p.value, 0) / points.length;
    case 'last_value':
      return [...points].sort((a, b) => comparePeriods(a.period, b.period)).at(-1)?.value ?? null;
  }
}

/** Per (indicator, combo) and base period, one organisation's numbers, with TOTAL filled for disaggregated ones. */
function pointsByCell(
  catalogue: Catalogue,
  values: readonly DataValue[],
): Map<string, { indicator: DataIndicator; combo: string; byPeriod: Map<PeriodId, number> }> {
  const cells = new Map<
    string,
    { indicator: DataIndicator; combo: string; byPeriod: Map<PeriodId, number> }
  >();
  const add = (indicator: DataIndicator, combo: string, period: PeriodId, v: number): void => {
    const key = `${indicator.code}\u0000${combo}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { indicator, combo, byPeriod: new Map() };
      cells.set(key, cell);
    }
    cell.byPeriod.set(period, (cell.byPeriod.get(period) ?? 0) + v);
  };
  for (const dv of values) {
    const indicator = catalogue.indicators.get(dv.indicator);
    if (!indicator || indicator.kind !== 'data' || indicator.aggregation === 'none') continue;
    const v = numeric(dv.value);
    if (v === undefined) continue;
    add(indicator, dv.combo, dv.period, v);
    const disaggregated = !(comboKeys(indicator).length === 1 && comboKeys(indicator)[0] === TOTAL);
    if (disaggregated && dv.combo !== TOTAL) add(indicator, TOTAL, dv.period, v);
  }
  return cells;
}

/**
 * One organisation's contributions for the given spans, keyed by `${period}\0${indicator}\0${combo}`.
 * `values` must all belong to that organisation.
 */
export function contributions(
  catalogue: Catalogue,
  values: readonly DataValue[],
  spans: readonly PeriodId[],
): Map<string, { cell: CellKey; value: number }> {
  const out = new Map<string, { cell: CellKey; value: number }>();
  const spanSet = new Set(spans);
  for (const { indicator, combo, byPeriod } of pointsByCell(catalogue, values).values()) {
    // Each point feeds the spans that enclose its period (a month: itself, its quarter, half, year).
    const bySpan = new Map<PeriodId, Array<{ period: PeriodId; value: number }>>();
    for (const [period, value] of byPeriod) {
      for (const span of enclosingPeriods(period)) {
        if (!spanSet.has(span)) continue;
        const list = bySpan.get(span) ?? [];
        list.push({ period, value });
        bySpan.set(span, list);
      }
    }
    for (const [span, points] of bySpan) {
      const c = contribution(indicator.aggregation, points);
      if (c === null) continue;
      out.set(`${span}\u0000${indicator.code}\u0000${combo}`, {
        cell: { period: span, indicator: indicator.code, combo },
        value: c,
      });
    }
  }
  return out;
}

function defaultSpans(values: readonly DataValue[]): PeriodId[] {
  const spans = new Set<PeriodId>();
  for (const dv of values) for (const p of enclosingPeriods(dv.period)) spans.add(p);
  return [...spans];
}

function addTo(totals: Totals, orgId: string, cell: CellKey, dSum: number, dCount: number): void {
  const key = totalKey(orgId, cell.period, cell.indicator, cell.combo);
  const current = totals.get(key);
  const sum = (current?.sum ?? 0) + dSum;
  const count = (current?.count ?? 0) + dCount;
  if (count <= 0) totals.delete(key);
  else totals.set(key, { orgId, ...cell, sum, count });
}

export interface FormulaCell {
  orgId: string;
  period: PeriodId;
  indicator: string;
  /** null when it cannot be computed; see `reason`. */
  value: number | null;
  reason?: 'zero_denominator' | 'missing_values';
}

/**
 * Full recomputation: totals for every organisation (its own values plus its whole subtree) and every
 * span, then formula indicators from those totals. Spans default to every period enclosing a value's
 * period (the month itself, its quarter, half year and year).
 */
export function rollUp(
  values: readonly DataValue[],
  tree: OrgTree,
  catalogue: Catalogue,
  spans?: readonly PeriodId[],
): { totals: Totals; formulas: FormulaCell[] } {
  const spanList = spans ?? defaultSpans(values);
  const byOrg = new Map<string, DataValue[]>();
  for (const dv of values) {
    const list = byOrg.get(dv.orgId) ?? [];
    list.push(dv);
    byOrg.set(dv.orgId, list);
  }
  const totals: Totals = new Map();
  for (const [orgId, own] of byOrg) {
    const targets = selfAndAncestors(tree, orgId);
    for (const { cell, value } of contributions(catalogue, own, spanList).values()) {
      for (const target of targets) {
        // The map is ours alone here, so cells are updated in place (applyDeltas must copy instead).
        const key = totalKey(target, cell.period, cell.indicator, cell.combo);
        const existing = totals.get(key);
        if (existing) {
          existing.sum += value;
          existing.count += 1;
        } else {
          totals.set(key, { orgId: target, ...cell, sum: value, count: 1 });
        }
      }
    }
  }
  const nodes = new Set<string>();
  for (const cell of totals.values()) nodes.add(cell.orgId);
  const formulas = [...nodes].flatMap((orgId) =>
    spanList.flatMap((period) => computeFormulas(totals, catalogue, orgId, period)),
  );
  return { totals, formulas };
}

/** Formula indicators for one organisation and period, from stored or rolled-up totals. */
export function computeFormulas(
  totals: ReadonlyMap<string, TotalCell>,
  catalogue: Catalogue,
  orgId: string,
  period: PeriodId,
): FormulaCell[] {
  const out: FormulaCell[] = [];
  for (const [code, { numerator, denominator }] of catalogue.formulas) {
    const formula = catalogue.indicators.get(code);
    if (!formula || formula.kind !== 'formula') continue;
    const resolve = (indicator: string, combo: string): number | undefined =>
      getTotal(totals, orgId, period, indicator, combo)?.sum;
    const refs = [...referencesOf(numerator), ...referencesOf(denominator)];
    const known = refs.filter((r) => resolve(r.code, r.combo) !== undefined).length;
    // Nothing reported for any operand at this node and period: no row rather than an empty one.
    if (known === 0) continue;
    if (known < refs.length) {
      out.push({ orgId, period, indicator: code, value: null, reason: 'missing_values' });
      continue;
    }
    const num = evaluate(numerator, resolve);
    const den = evaluate(denominator, resolve);
    if (typeof num !== 'number' || typeof den !== 'number' || den === 0) {
      out.push({ orgId, period, indicator: code, value: null, reason: 'zero_denominator' });
      continue;
    }
    out.push({ orgId, period, indicator: code, value: (formula.factor * num) / den });
  }
  return out;
}

/** The change of one organisation's contribution to one cell (null = no contribution). */
export interface ContributionChange {
  cell: CellKey;
  old: number | null;
  new: number | null;
}

/** A row increment: add dSum to `sum` and dCount to `count` of the (orgId, cell) total. */
export interface TotalDelta extends CellKey {
  orgId: string;
  dSum: number;
  dCount: number;
}

/** Row increments for the organisation itself and every ancestor (pass selfAndAncestors(tree, orgId)). */
export function deltasFor(change: ContributionChange, orgAndAncestors: readonly string[]): TotalDelta[] {
  const dSum = (change.new ?? 0) - (change.old ?? 0);
  const dCount = (change.new === null ? 0 : 1) - (change.old === null ? 0 : 1);
  if (dSum === 0 && dCount === 0) return [];
  return orgAndAncestors.map((orgId) => ({ orgId, ...change.cell, dSum, dCount }));
}

/**
 * Applies one contribution change to every given node and returns the updated totals (a new map; the
 * input is not modified). Cells whose count drops to zero disappear.
 */
export function applyDelta(
  current: ReadonlyMap<string, TotalCell>,
  change: ContributionChange,
  orgAndAncestors: readonly string[],
): Totals {
  return applyDeltas(current, deltasFor(change, orgAndAncestors));
}

export function applyDeltas(current: ReadonlyMap<string, TotalCell>, deltas: readonly TotalDelta[]): Totals {
  const next: Totals = new Map(current);
  for (const d of deltas) {
    addTo(next, d.orgId, { period: d.period, indicator: d.indicator, combo: d.combo }, d.dSum, d.dCount);
  }
  return next;
}

/**
 * Everything the HTTP layer needs when one organisation's counted values change (a report is
 * submitted, returned, reopened or resubmitted): give that organisation's counted values before and
 * after the change — for at least the spans touched, i.e. the whole year(s) around the report's period —
 * and get the row increments for it and each ancestor.
 */
export function reportDeltas(input: {
  catalogue: Catalogue;
  orgAndAncestors: readonly string[];
  before: readonly DataValue[];
  after: readonly DataValue[];
  /** Spans to maintain; default: every period enclosing the changed values' periods. */
  spans?: readonly PeriodId[];
}): TotalDelta[] {
  const spans = input.spans ?? defaultSpans([...input.before, ...input.after]);
  const old = contributions(input.catalogue, input.before, spans);
  const neu = contributions(input.catalogue, input.after, spans);
  const deltas: TotalDelta[] = [];
  for (const key of new Set([...old.keys(), ...neu.keys()])) {
    const cell = (old.get(key) ?? neu.get(key))?.cell as CellKey;
    deltas.push(
      ...deltasFor(
        { cell, old: old.get(key)?.value ?? null, new: neu.get(key)?.value ?? null },
        input.orgAndAncestors,
      ),
    );
  }
  return deltas;
}
