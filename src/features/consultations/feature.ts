import type { Feature } from '../../platform/http/types.ts';
import { consultationMigrations } from './migrations.ts';
import { consultationRoutes } from './routes.ts';
import { registerPathColumns } from '../orgs/move-steps.ts';

// Copies of organisation paths, rewritten when a subtree moves (see orgs/move-steps.ts).
registerPathColumns('consultations', [
  ['consultations', 'org_path'],
  ['consultation_comments', 'author_org_path'],
  ['consultation_answers', 'author_org_path'],
  ['consultation_summaries', 'org_path'],
]);

export const consultationsFeature: Feature = {
  name: 'consultations',
  migrations: consultationMigrations,
  routes: consultationRoutes,
};
