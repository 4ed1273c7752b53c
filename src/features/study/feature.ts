import type { Feature } from '../../platform/http/types.ts';
import { studyMigrations } from './migrations.ts';
import { studyRoutes } from './routes.ts';
import { historyRoutes } from './history.ts';

export const studyFeature: Feature = {
  name: 'study',
  migrations: studyMigrations,
  routes: (api, ctx) => {
    studyRoutes(api, ctx);
    historyRoutes(api, ctx);
  },
};
