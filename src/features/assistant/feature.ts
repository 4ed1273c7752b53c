import type { Feature } from '../../platform/http/types.ts';
import { assistantRoutes } from './routes.ts';

export const assistantFeature: Feature = { name: 'assistant', routes: assistantRoutes };
