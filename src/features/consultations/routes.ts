import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import './errors.ts';
import { consultationLifecycleRoutes } from './routes/consultations.ts';
import { participationRoutes } from './routes/participation.ts';

/** Every consultation route: the consultation itself, and taking part in it (routes/). */
export function consultationRoutes(api: Api, ctx: AppContext): void {
  consultationLifecycleRoutes(api, ctx);
  participationRoutes(api, ctx);
}
