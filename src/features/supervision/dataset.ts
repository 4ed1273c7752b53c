// Supervision in the synthetic dataset: after the meetings and tasks are generated, every branch's months are
// counted by the same functions the live system runs (meeting end, task change, nightly), so the figures of a
// generated province agree with its records.

import type { DatasetPlugin } from '../../demo/generate.ts';
import { branchBatches } from '../../demo/generate.ts';
import { MEETING_HISTORY_MONTHS } from '../meetings/dataset.ts';
import { trailingMonths } from './period.ts';
import { activityCounts, meetingCounts, taskCounts, writeBranchMonths, type Counts } from './rollup.ts';

export const supervisionDataset: DatasetPlugin = {
  name: 'supervision',
  async generate(ctx, info, progress) {
    const at = new Date(info.now);
    const months = trailingMonths(info.now.slice(0, 7), MEETING_HISTORY_MONTHS);
    let branches = 0;
    for await (const batch of branchBatches(ctx, 100)) {
      await ctx.db.transaction().execute(async (trx) => {
        for (const b of batch) {
          // One write per branch with all its months, as the nightly job does: the level rows move once per month.
          const counts = await taskCounts(trx, b.id);
          const add = (m: string, c: Counts) => counts.set(m, { ...counts.get(m), ...c });
          for (const month of months) add(month, await meetingCounts(trx, b.id, month));
          add(months.at(-1)!, await activityCounts(trx, b.id, at));
          await writeBranchMonths(trx, { orgId: b.id, orgPath: b.path }, counts);
        }
      });
      branches += batch.length;
      progress(branches, info.branches);
    }
    return { supervision_branches: branches };
  },
};
