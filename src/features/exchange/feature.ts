import type { Feature } from '../../platform/http/types.ts';
import { exchangeMigrations } from './migrations.ts';
import { exchangeRoutes } from './routes.ts';

export const exchangeFeature: Feature = {
  name: 'exchange',
  migrations: exchangeMigrations,
  routes: exchangeRoutes,
};
