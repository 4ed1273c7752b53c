import type { Feature } from '../../platform/http/types.ts';
import { documentMigrations } from './migrations.ts';
import { documentRoutes } from './routes.ts';

export const documentsFeature: Feature = {
  name: 'documents',
  migrations: documentMigrations,
  routes: documentRoutes,
};
