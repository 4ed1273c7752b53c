// Supervision in the synthetic dataset: after the meetings and tasks are generated, every branch's months are
// counted by the same functions the live system runs (meeting end, task change, nightly), so the figures of a
// generated province agree with its records.

import type { DatasetPlugin } from '../../demo/generate.ts';
import { branchBatches } from '../../demo/generate.ts';
import { MEETING_HISTORY_MONTHS } from '../meetings/dataset.ts';
import { trailingMonths } from './period.ts';
import { recountBranch } from './rollup.ts';

export const supervisionDataset: DatasetPlugin = {
  name: 'supervision',
  async generate(ctx, info, progress) {
    const at = new Date(info.now);
    const months = trailingMonths(info.now.slice(0, 7), MEETING_HISTORY_MONTHS);
    let branches = 0;
    for await (const batch of branchBatches(ctx, 100)) {
      await ctx.db.transaction().execute(async (trx) => {
        // The nightly job's own recount, over the twelve generated months.
        for (const b of batch) await recountBranch(trx, b, { meetingMonths: months, at });
      });
      branches += batch.length;
      progress(branches, info.branches);
    }
    return { supervision_branches: branches };
  },
};
