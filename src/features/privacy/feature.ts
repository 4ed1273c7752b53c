import type { Feature } from '../../platform/http/types.ts';
import { privacyMigrations } from './migrations.ts';
import { privacyPersonalData } from './personal-data.ts';
import { contributorsOf } from './registry.ts';
import { registerRetentionJob, scheduleRetention } from './retention.ts';
import { privacyRoutes } from './routes.ts';
import './tables.ts';

/**
 * Personal data: the export a member downloads and the erasure of a departed member, both built from the
 * `personalData` contributors of the composed features, and the daily retention job. `features` is read when
 * the routes are registered, so the composition root can pass its own list.
 */
export function privacyFeature(features: () => readonly Feature[]): Feature {
  const contributors = () => contributorsOf(features());
  return {
    name: 'privacy',
    migrations: privacyMigrations,
    personalData: privacyPersonalData,
    routes: (api, ctx) => {
      registerRetentionJob(contributors);
      privacyRoutes(api, ctx, contributors);
    },
    start: (ctx) => {
      scheduleRetention(ctx).catch((err: unknown) => ctx.log.error({ err }, 'retention not scheduled'));
    },
  };
}
