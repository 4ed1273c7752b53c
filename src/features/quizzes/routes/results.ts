import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../../platform/http/types.ts';
import { type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { principalOf } from '../../../platform/http/request.ts';
import { can } from '../../../platform/permissions/check.ts';
import { findOrgs } from '../../orgs/queries.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { closeExpired, findAttempt, leaderboard } from '../contests.ts';
import { certificatePdf } from '../certificate.ts';
import { Leaderboard } from '../schemas.ts';
import { boardsFor, loadVisibleContest, tags } from './shared.ts';

/** What a contest leaves behind: the leaderboards and the certificate of a finished attempt. */
export function resultRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/contests/:id/leaderboard',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Bảng xếp hạng theo chi bộ, xã, huyện (trong phạm vi của người xem)',
        params: IdParams,
        querystring: Type.Object({ orgId: Type.Optional(Type.String({ maxLength: 64 })) }),
        response: { 200: Leaderboard },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const c = await loadVisibleContest(ctx, principal, req.params.id);
      const boards = await boardsFor(ctx, principal, c);
      const orgId = req.query.orgId ?? boards[0]?.orgId ?? c.org_id;
      const [org] = await findOrgs(ctx.db, [orgId]);
      if (!org || !org.path.startsWith(c.org_path)) throw notFound();
      // Members see the boards of their own branch and committees; contest runners any board of their subtree.
      const allowed = boards.some((b) => b.orgId === org.id) || can(principal, 'study.assign', org.path);
      if (!allowed) throw notFound();
      await closeExpired(ctx.db, c.id, new Date());
      return {
        org: { id: org.id, name: org.name },
        entries: await leaderboard(ctx.db, c.id, org.path, principal.accountId),
      };
    },
  );

  api.get(
    '/api/v1/contests/:id/certificate',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Giấy chứng nhận hoàn thành (PDF)', params: IdParams },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const c = await loadVisibleContest(ctx, principal, req.params.id);
      await closeExpired(ctx.db, c.id, new Date());
      const attempt = await findAttempt(ctx.db, c.id, principal.accountId);
      if (!attempt) throw new AppError('CONTEST_NO_ATTEMPT');
      if (attempt.finished_at === null) throw new AppError('CONTEST_NOT_FINISHED');
      const [member, org, branch] = await Promise.all([
        principal.memberId
          ? ctx.db
              .selectFrom('members')
              .select('full_name')
              .where('id', '=', principal.memberId)
              .executeTakeFirst()
          : undefined,
        ctx.db.selectFrom('orgs').select('name').where('id', '=', c.org_id).executeTakeFirst(),
        ctx.db.selectFrom('orgs').select('name').where('path', '=', attempt.branch_path).executeTakeFirst(),
      ]);
      const pdf = await certificatePdf({
        fullName: member?.full_name ?? '',
        branch: branch?.name ?? '',
        contest: c.title,
        organiser: org?.name ?? '',
        score: Number(attempt.score ?? 0),
        total: Number(attempt.total),
        finishedAt: attempt.finished_at,
        id: attempt.id,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="giay-chung-nhan-${c.id}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
