import type { Feature } from '../../platform/http/types.ts';
import { quizMigrations } from './migrations.ts';
import { quizRoutes } from './routes.ts';
import { registerPathColumns } from '../orgs/move-steps.ts';

// Copies of organisation paths, rewritten when a subtree moves (see orgs/move-steps.ts).
registerPathColumns('quizzes', [
  ['quiz_questions', 'org_path'],
  ['quiz_contests', 'org_path'],
  ['quiz_attempts', 'branch_path'],
]);

export const quizzesFeature: Feature = {
  name: 'quizzes',
  migrations: quizMigrations,
  routes: quizRoutes,
};
