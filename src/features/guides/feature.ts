import type { Feature } from '../../platform/http/types.ts';
import { guideRoutes } from './routes.ts';
import { indexGuides } from './index-search.ts';

/** The in-app user guide: Markdown files in guides/, served read-only and indexed for the site-wide search. */
export const guidesFeature: Feature = {
  name: 'guides',
  routes: guideRoutes,
  start: (ctx) => {
    indexGuides(ctx).catch((err: unknown) => ctx.log.error({ err }, 'guides not indexed for search'));
  },
};
