import type { Feature } from '../../platform/http/types.ts';
import { notificationMigrations } from './migrations.ts';
import { notificationRoutes } from './routes.ts';
import { registerNotificationJobs, subscribeToEvents } from './jobs.ts';
import { scheduleDigest } from './digest.ts';
import './tables.ts';

/**
 * Notifications: bus events become fan-out jobs (in every process that serves the API; the dedupe key keeps one
 * per event), the job worker expands them to inboxes and delivery jobs, and an hourly job sends daily digests.
 */
export const notificationsFeature: Feature = {
  name: 'notifications',
  migrations: notificationMigrations,
  routes: (api, ctx) => {
    registerNotificationJobs();
    subscribeToEvents(ctx);
    notificationRoutes(api, ctx);
  },
  start: (ctx) => {
    scheduleDigest(ctx).catch((err: unknown) => ctx.log.error({ err }, 'digest not scheduled'));
  },
};
