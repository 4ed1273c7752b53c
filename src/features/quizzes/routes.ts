import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { questionBankRoutes } from './routes/questions.ts';
import { practiceRoutes } from './routes/practice.ts';
import { contestRoutes } from './routes/contests.ts';
import { attemptRoutes } from './routes/attempts.ts';
import { resultRoutes } from './routes/results.ts';

/** Every quiz route: question bank, practice, contests, attempts, results (routes/). */
export function quizRoutes(api: Api, ctx: AppContext): void {
  questionBankRoutes(api, ctx);
  practiceRoutes(api, ctx);
  contestRoutes(api, ctx);
  attemptRoutes(api, ctx);
  resultRoutes(api, ctx);
}
