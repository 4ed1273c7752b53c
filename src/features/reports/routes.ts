import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import './errors.ts';
import './prefill-meetings.ts';
import './org-moves.ts';
import { configRoutes } from './config-routes.ts';
import { narrativeRoutes } from './narrative-routes.ts';
import { reportRoutes as entryRoutes } from './report-routes.ts';
import { viewRoutes } from './view-routes.ts';
import { xlsxRoutes } from './xlsx-routes.ts';

/** Reporting by numbers and narrative reports. */
export function reportRoutes(api: Api, ctx: AppContext): void {
  configRoutes(api, ctx);
  entryRoutes(api, ctx);
  viewRoutes(api, ctx);
  xlsxRoutes(api, ctx);
  narrativeRoutes(api, ctx);
}
