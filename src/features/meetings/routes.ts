import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import './errors.ts';
import { liveHub } from './live.ts';
import { registerMeetingReminderJobs } from './reminders.ts';
import { templateRoutes } from './routes/templates.ts';
import { meetingCrudRoutes } from './routes/meetings.ts';
import { materialRoutes } from './routes/materials.ts';
import { draftRoutes } from './routes/drafts.ts';
import { commentRoutes } from './routes/comments.ts';
import { liveRoutes } from './routes/live.ts';
import { voteRoutes } from './routes/votes.ts';
import { minutesRoutes } from './routes/minutes.ts';
import { qualityRoutes } from './routes/quality.ts';
import { registerPathColumns } from '../orgs/move-steps.ts';

/** Every meeting route; each part of a meeting's life has its own file under routes/. */

// Copies of organisation paths, rewritten when a subtree moves (see orgs/move-steps.ts).
registerPathColumns('meetings', [
  ['meeting_templates', 'org_path'],
  ['meetings', 'org_path'],
  ['meeting_resolution_tasks', 'org_path'],
]);

export function meetingRoutes(api: Api, ctx: AppContext): void {
  registerMeetingReminderJobs();
  // Live streams never end by themselves: end them first, or stopping the server would wait for every phone.
  api.addHook('preClose', async () => liveHub(ctx).closeAll());

  templateRoutes(api, ctx);
  meetingCrudRoutes(api, ctx);
  materialRoutes(api, ctx);
  draftRoutes(api, ctx);
  commentRoutes(api, ctx);
  liveRoutes(api, ctx);
  voteRoutes(api, ctx);
  minutesRoutes(api, ctx);
  qualityRoutes(api, ctx);
}
