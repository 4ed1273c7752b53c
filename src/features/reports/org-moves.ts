// When a subtree moves to another parent, its reports go with it, in the move's transaction:
//   - the stored totals of the subtree's root are taken off every ancestor it leaves and added to every ancestor it
//     joins (domain moveDeltas; shared ancestors are not written), so no total is ever wrong in between;
//   - the paths copied into reports and narrative reports are rewritten, so permissions and completeness (which
//     cut subtrees by path) see the reports where the organisations now are;
//   - the kept views of both trees are dropped (their totals stamps), and the kept expected reports see the move
//     through the organisations' `updated_at` (set by the move) — the assignments stamp is bumped too, since which
//     assignments reach the subtree changed.

import { registerOrgMoveStep, registerPathColumns, type OrgMove } from '../orgs/move-steps.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import { moveDeltas } from './domain/index.ts';
import { applyTotals, selfAndAncestorIds } from './rollup.ts';
import { bumpStamp, totalsStamp } from './stamps.ts';

export async function followOrgMove(uow: UnitOfWork, move: OrgMove): Promise<void> {
  const rows = await uow.trx
    .selectFrom('report_totals')
    .select(['period', 'indicator', 'combo', 'sum', 'count'])
    .where('org_id', '=', move.orgId)
    .execute();
  const deltas = moveDeltas({
    rootTotals: rows.map((r) => ({
      orgId: move.orgId,
      period: r.period,
      indicator: r.indicator,
      combo: r.combo,
      sum: Number(r.sum),
      count: Number(r.count),
    })),
    oldAncestors: selfAndAncestorIds(move.oldPath).slice(1),
    newAncestors: selfAndAncestorIds(move.newPath).slice(1),
  });
  await applyTotals(uow.trx, deltas);
  await bumpStamp(uow.trx, totalsStamp(move.oldPath));
  if (totalsStamp(move.newPath) !== totalsStamp(move.oldPath))
    await bumpStamp(uow.trx, totalsStamp(move.newPath));
  await bumpStamp(uow.trx, 'assignments');
}

registerOrgMoveStep('reports', followOrgMove);
registerPathColumns('reports', [
  ['reports', 'org_path'],
  ['narrative_reports', 'org_path'],
  ['narrative_reports', 'reviewer_path'],
  // What a committee owns or assigns moves with the committee.
  ['report_indicators', 'owner_path'],
  ['report_templates', 'owner_path'],
  ['report_assignments', 'committee_path'],
]);
