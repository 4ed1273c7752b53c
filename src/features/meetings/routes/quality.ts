import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { can } from '../../../platform/permissions/check.ts';
import { newId } from '../../../platform/ids.ts';
import { automaticAnswers, durationCheck, materialsWarning, scoreMeeting } from '../domain/index.ts';
import { canManage, loadMeeting, parentPath } from '../access.ts';
import { attendanceOf } from '../queries.ts';
import * as S from '../schemas.ts';
import { tags, checklistFor } from './shared.ts';

/** Quality score of a held meeting. */
export function qualityRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/meetings/:id/quality',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Chấm điểm chất lượng buổi sinh hoạt', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const type = await ctx.db
        .selectFrom('orgs')
        .innerJoin('org_types', 'org_types.code', 'orgs.type_code')
        .select('org_types.rules')
        .where('orgs.id', '=', m.org_id)
        .executeTakeFirst();
      const checklist = checklistFor(type?.rules);
      const { attendance } = await attendanceOf(ctx.db, m);
      const duration =
        m.started_at && m.ended_at ? durationCheck(m.started_at, m.ended_at, m.kind) : undefined;
      const suggested = automaticAnswers(checklist, {
        attendance,
        duration,
        materials: materialsWarning(m.published_at, m.starts_at),
      });
      const rows = await ctx.db
        .selectFrom('meeting_quality')
        .selectAll()
        .where('meeting_id', '=', m.id)
        .orderBy('created_at')
        .execute();
      return {
        checklist,
        suggested,
        duration: duration ?? null,
        scores: rows.map((r) => ({
          id: r.id,
          role: r.role,
          createdAt: r.created_at,
          answers: JSON.parse(r.answers) as unknown,
          score: JSON.parse(r.score) as unknown,
        })),
      };
    },
  );

  api.post(
    '/api/v1/meetings/:id/quality',
    {
      config: { access: 'meeting.attend' },
      schema: {
        tags,
        summary: 'Chấm điểm (chủ trì hoặc cấp ủy cấp trên)',
        params: S.MeetingParams,
        body: S.QualityBody,
      },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const p = principalOf(req);
      const upper = can(p, 'supervise', parentPath(m.org_path)) && parentPath(m.org_path) !== '/';
      const chair = (p.memberId !== null && p.memberId === m.chair_member_id) || canManage(p, m);
      if (!upper && !chair) throw new AppError('MEETING_QUALITY_FORBIDDEN');
      const type = await ctx.db
        .selectFrom('orgs')
        .innerJoin('org_types', 'org_types.code', 'orgs.type_code')
        .select('org_types.rules')
        .where('orgs.id', '=', m.org_id)
        .executeTakeFirst();
      const score = scoreMeeting(checklistFor(type?.rules), req.body.answers);
      const role = upper && !(p.memberId !== null && p.memberId === m.chair_member_id) ? 'upper' : 'chair';
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx
          .insertInto('meeting_quality')
          .values({
            id: newId(),
            meeting_id: m.id,
            scorer_account_id: p.accountId,
            role,
            answers: JSON.stringify(req.body.answers),
            score: JSON.stringify(score),
            created_at: new Date().toISOString(),
          })
          .execute();
        await uow.audit({
          action: 'meeting.quality.score',
          entityType: 'meeting',
          entityId: m.id,
          orgPath: m.org_path,
          after: { role, total: score.total },
        });
      });
      return reply.status(201).send({ role, score });
    },
  );
}
