import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { principalOf } from '../../platform/http/request.ts';
import { can, type Principal } from '../../platform/permissions/check.ts';
import { findMeeting, type MeetingRow } from './queries.ts';

export function canManage(p: Principal, m: Pick<MeetingRow, 'org_path'>): boolean {
  return can(p, 'meeting.manage', m.org_path);
}

/** The path of the organisation directly above (the upper committee of a branch). */
export function parentPath(path: string): string {
  return path.replace(/[^/]+\/$/, '');
}

/**
 * A meeting is readable by its branch and by every committee over it (org.read covers the subtree); a draft not
 * yet published only by those who prepare it. Anything else is reported as not found.
 */
export async function loadMeeting(
  ctx: AppContext,
  req: FastifyRequest,
  id: string,
  need: 'view' | 'manage' | 'attend' = 'view',
): Promise<MeetingRow> {
  const m = await findMeeting(ctx.db, id);
  const p = principalOf(req);
  if (!m || !can(p, 'org.read', m.org_path)) throw notFound();
  if (m.status === 'draft' && !canManage(p, m)) throw notFound();
  if (need === 'manage' && !canManage(p, m)) throw new AppError('FORBIDDEN');
  if (need === 'attend' && !can(p, 'meeting.attend', m.org_path)) throw new AppError('FORBIDDEN');
  return m;
}

export function isMinuteTaker(p: Principal, m: MeetingRow): boolean {
  return canManage(p, m) || (p.memberId !== null && p.memberId === m.minute_taker_member_id);
}
