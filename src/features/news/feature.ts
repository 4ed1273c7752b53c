import type { Feature } from '../../platform/http/types.ts';
import { newsMigrations } from './migrations.ts';
import { newsRoutes } from './routes.ts';
import { indexDueNews } from './service.ts';

export const newsFeature: Feature = {
  name: 'news',
  migrations: newsMigrations,
  routes: newsRoutes,
  // Scheduled items enter the search index when they go live (the feed needs nothing: it filters by time).
  start: (ctx) => {
    const timer = setInterval(() => {
      indexDueNews(ctx).catch((err: unknown) => ctx.log.error({ err }, 'scheduled news indexing failed'));
    }, 30_000);
    timer.unref();
    return async () => clearInterval(timer);
  },
};
