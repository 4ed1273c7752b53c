import type { Feature } from '../../platform/http/types.ts';
import { studyMigrations } from './migrations.ts';
import { studyRoutes } from './routes.ts';
import { historyRoutes } from './history.ts';
import { registerPathColumns } from '../orgs/move-steps.ts';

// Copies of organisation paths, rewritten when a subtree moves (see orgs/move-steps.ts).
registerPathColumns('study', [
  ['study_assignments', 'org_path'],
  ['study_marks', 'branch_path'],
]);

export const studyFeature: Feature = {
  name: 'study',
  migrations: studyMigrations,
  routes: (api, ctx) => {
    studyRoutes(api, ctx);
    historyRoutes(api, ctx);
  },
};
