import type { Feature } from '../../platform/http/types.ts';
import { documentMigrations } from './migrations.ts';
import { documentRoutes } from './routes.ts';
import { watchOrgMoves } from './org-moves.ts';

export const documentsFeature: Feature = {
  name: 'documents',
  migrations: documentMigrations,
  routes: documentRoutes,
  // Paths of documents, news and exchanged documents follow their organisations when a subtree moves.
  start: (ctx) => {
    const stop = watchOrgMoves(ctx);
    return async () => stop();
  },
};
