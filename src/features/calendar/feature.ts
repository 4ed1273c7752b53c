import type { Feature } from '../../platform/http/types.ts';
import { calendarMigrations } from './migrations.ts';
import { calendarRoutes } from './routes.ts';
import './tables.ts';

/** Personal calendar: meetings, task and acknowledgement deadlines, and a private iCalendar feed. */
export const calendarFeature: Feature = {
  name: 'calendar',
  migrations: calendarMigrations,
  routes: calendarRoutes,
};
