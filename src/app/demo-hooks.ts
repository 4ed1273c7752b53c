import type { DemoHook } from '../demo/seed-demo.ts';
import { notebookDemo } from '../features/notebook/demo.ts';
import { meetingsDemo } from '../features/meetings/demo.ts';
import { seedReportsDemo } from '../features/reports/demo.ts';
import { documentsNewsDemo } from '../features/documents/demo.ts';
import { consultationsDemo } from '../features/consultations/demo.ts';
import { quizzesDemo } from '../features/quizzes/demo.ts';
import { tasksDemo } from '../features/tasks/demo.ts';

/** Demo content of each capability, seeded after the organisation tree and accounts. */
export const DEMO_HOOKS: DemoHook[] = [
  meetingsDemo,
  seedReportsDemo,
  documentsNewsDemo,
  notebookDemo,
  consultationsDemo,
  quizzesDemo,
  tasksDemo,
];
