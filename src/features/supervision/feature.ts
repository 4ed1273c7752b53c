import type { Feature } from '../../platform/http/types.ts';
import { supervisionMigrations } from './migrations.ts';
import { supervisionRoutes } from './routes.ts';
import { registerSupervisionJobs, scheduleNightly, subscribeToMeetings } from './jobs.ts';
import './tables.ts';

/**
 * Supervision across levels. Figures come from `supervision_monthly` rows (one per branch and month), kept up
 * to date incrementally: in the same transaction as every task change, by a job when a meeting ends or its
 * minutes are approved, and nightly for app activity, quality scores and tasks that became overdue. Each change
 * of a branch row moves the `supervision_totals` rows of the branch and its ancestors in the same transaction,
 * so a view reads the committee's own row and its children's; it never sums branch rows or scans meetings.
 */
export const supervisionFeature: Feature = {
  name: 'supervision',
  migrations: supervisionMigrations,
  routes: (api, ctx) => {
    registerSupervisionJobs();
    subscribeToMeetings(ctx);
    supervisionRoutes(api, ctx);
  },
  start: (ctx) => {
    scheduleNightly(ctx).catch((err: unknown) => ctx.log.error({ err }, 'supervision refresh not scheduled'));
  },
};
