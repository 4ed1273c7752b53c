import type { Feature } from '../http/types.ts';
import { systemEventRoutes } from '../events/routes.ts';
import { jobMigrations } from './migrations.ts';
import { registerProbeJob } from './probe.ts';
import { systemJobRoutes } from './routes.ts';
import { startJobWorker } from './worker.ts';
import './tables.ts';

/**
 * The job queue (table, worker started with the server) and the system diagnostics of scale-out mode
 * (event bus and job probes). SOTAY_JOBS=off starts a process without the worker.
 */
export const systemFeature: Feature = {
  name: 'system',
  migrations: jobMigrations,
  routes: async (api, ctx) => {
    // The benchmarks' ceiling: the cheapest route through the same stack (hooks, headers), no database.
    api.get('/api/v1/ping', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
      ok: true,
    }));
    registerProbeJob();
    systemEventRoutes(api, ctx);
    systemJobRoutes(api, ctx);
  },
  start: (ctx) => {
    if (process.env.SOTAY_JOBS === 'off') return;
    return startJobWorker(ctx);
  },
};
