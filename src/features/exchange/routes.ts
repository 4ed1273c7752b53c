import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { sendingRoutes } from './routes/sending.ts';
import { boxRoutes } from './routes/boxes.ts';
import { fileRoutes } from './routes/files.ts';

/** Every exchange route: sending, the boxes, the files of a letter (routes/). */
export function exchangeRoutes(api: Api, ctx: AppContext): void {
  sendingRoutes(api, ctx);
  boxRoutes(api, ctx);
  fileRoutes(api, ctx);
}
