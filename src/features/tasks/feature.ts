import type { Feature } from '../../platform/http/types.ts';
import { taskMigrations } from './migrations.ts';
import { taskRoutes } from './routes.ts';
import { registerTaskJobs, subscribeToResolutions } from './jobs.ts';
import './tables.ts';
import { registerPathColumns } from '../orgs/move-steps.ts';

/** Task follow-up: committee tasks and tasks of adopted resolutions, progress, roll-up and reminders. */

// Copies of organisation paths, rewritten when a subtree moves (see orgs/move-steps.ts).
registerPathColumns('tasks', [['tasks', 'org_path']]);

export const tasksFeature: Feature = {
  name: 'tasks',
  migrations: taskMigrations,
  routes: (api, ctx) => {
    registerTaskJobs();
    subscribeToResolutions(ctx);
    taskRoutes(api, ctx);
  },
};
