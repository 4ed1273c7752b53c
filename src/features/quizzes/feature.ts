import type { Feature } from '../../platform/http/types.ts';
import { quizMigrations } from './migrations.ts';
import { quizRoutes } from './routes.ts';

export const quizzesFeature: Feature = {
  name: 'quizzes',
  migrations: quizMigrations,
  routes: quizRoutes,
};
