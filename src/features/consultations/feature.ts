import type { Feature } from '../../platform/http/types.ts';
import { consultationMigrations } from './migrations.ts';
import { consultationRoutes } from './routes.ts';

export const consultationsFeature: Feature = {
  name: 'consultations',
  migrations: consultationMigrations,
  routes: consultationRoutes,
};
