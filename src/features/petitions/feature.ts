import type { Feature } from '../../platform/http/types.ts';
import { petitionMigrations } from './migrations.ts';
import { petitionRoutes } from './routes.ts';

export const petitionsFeature: Feature = {
  name: 'petitions',
  migrations: petitionMigrations,
  routes: petitionRoutes,
};
