import type { AppContext } from '../../../src/platform/context.ts';
import type { SmallTree } from '../../support/factories.ts';

/** Creates sample resources in commune A and returns them by URL prefix (e.g. `/api/v1/news/`). */
export type RouteSamples = (
  ctx: AppContext,
  tree: SmallTree,
  insider: { memberId: string; accountId: string },
) => Promise<Record<string, string>>;
