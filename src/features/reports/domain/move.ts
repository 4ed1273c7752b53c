// A subtree moving to another parent takes its totals along.
//
// A node's stored (sum, count) is the sum of its reporting organisations' contributions (aggregation.ts), and
// contributions depend only on each organisation's own values, never on where it sits. So the totals of the
// moved subtree's root are exactly what the subtree gave every ancestor: subtract them from the ancestors it
// leaves and add them to the ones it joins. Ancestors on both sides (the province when a branch moves between
// two of its communes) are untouched, which is what keeps their totals exact without a single row written.

import type { TotalCell, TotalDelta } from './aggregation.ts';

/**
 * Row increments for moving a subtree whose root holds `rootTotals`: ancestors are listed nearest first
 * (without the root itself), as selfAndAncestors gives them after the first entry.
 */
export function moveDeltas(input: {
  rootTotals: readonly TotalCell[];
  oldAncestors: readonly string[];
  newAncestors: readonly string[];
}): TotalDelta[] {
  const stays = new Set(input.oldAncestors.filter((a) => input.newAncestors.includes(a)));
  const leaves = input.oldAncestors.filter((a) => !stays.has(a));
  const joins = input.newAncestors.filter((a) => !stays.has(a));
  const deltas: TotalDelta[] = [];
  for (const t of input.rootTotals) {
    if (t.sum === 0 && t.count === 0) continue;
    const cell = { period: t.period, indicator: t.indicator, combo: t.combo };
    for (const orgId of leaves) deltas.push({ orgId, ...cell, dSum: -t.sum, dCount: -t.count });
    for (const orgId of joins) deltas.push({ orgId, ...cell, dSum: t.sum, dCount: t.count });
  }
  return deltas;
}
