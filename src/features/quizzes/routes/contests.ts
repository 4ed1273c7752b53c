import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { can, requirePermission, scopesFor, type Principal } from '../../../platform/permissions/check.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { loadVisibleOrg } from '../../orgs/routes.ts';
import { loadReadableDocument } from '../../documents/routes.ts';
import { branchPathOf, createContest, findAttempt, findContest, isOver } from '../contests.ts';
import { ContestBody, ContestView } from '../schemas.ts';
import type { QuizContestTable } from '../tables.ts';
import { boardsFor, loadVisibleContest, tags } from './shared.ts';

async function presentContest(ctx: AppContext, principal: Principal, c: QuizContestTable, now: Date) {
  const [org, doc, attempt, boards] = await Promise.all([
    ctx.db.selectFrom('orgs').select('name').where('id', '=', c.org_id).executeTakeFirst(),
    ctx.db.selectFrom('documents').select('title').where('id', '=', c.document_id).executeTakeFirst(),
    findAttempt(ctx.db, c.id, principal.accountId),
    boardsFor(ctx, principal, c),
  ]);
  const over = attempt ? isOver(attempt, now) : false;
  return {
    id: c.id,
    title: c.title,
    orgId: c.org_id,
    orgName: org?.name ?? '',
    documentId: c.document_id,
    documentTitle: doc?.title ?? '',
    startsAt: c.starts_at,
    endsAt: c.ends_at,
    questionCount: Number(c.question_count),
    timeLimitSeconds: Number(c.time_limit_seconds),
    open: now >= new Date(c.starts_at) && now < new Date(c.ends_at),
    attempt: !attempt ? ('none' as const) : over ? ('finished' as const) : ('running' as const),
    score: attempt?.score === null || attempt?.score === undefined ? null : Number(attempt.score),
    canManage: can(principal, 'study.assign', c.org_path),
    canTake: branchPathOf(principal)?.startsWith(c.org_path) ?? false,
    boards,
  };
}

/** Contests: organising one, the contests of the caller, one contest. */
export function contestRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/orgs/:id/contests',
    {
      config: { access: 'study.assign' },
      schema: {
        tags,
        summary: 'Tổ chức một cuộc thi cho tổ chức và các tổ chức trực thuộc',
        params: IdParams,
        body: ContestBody,
        response: { 201: ContestView },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principal, 'study.assign', org.path);
      await loadReadableDocument(ctx, principal, req.body.documentId);
      const id = await mutate(ctx, actorOf(req), (uow) =>
        createContest(uow, org, req.body, principal.accountId),
      );
      const c = (await findContest(ctx.db, id))!;
      return reply.status(201).send(await presentContest(ctx, principal, c, new Date()));
    },
  );

  api.get(
    '/api/v1/contests',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các cuộc thi dành cho tôi và do cấp ủy tôi tổ chức',
        response: { 200: Type.Object({ items: Type.Array(ContestView) }) },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const branch = branchPathOf(principal);
      const ancestors = branch
        ? branch
            .split('/')
            .filter(Boolean)
            .map((_, i, segs) => `/${segs.slice(0, i + 1).join('/')}/`)
        : [];
      const scopes = scopesFor(principal, 'study.assign');
      if (ancestors.length === 0 && scopes.length === 0) return { items: [] };
      const rows = await ctx.db
        .selectFrom('quiz_contests')
        .selectAll()
        .where((eb) =>
          eb.or([
            ...(ancestors.length ? [eb('org_path', 'in', ancestors)] : []),
            ...scopes.map((s) =>
              eb.and([eb('org_path', '>=', s), eb('org_path', '<', s.slice(0, -1) + '0')]),
            ),
          ]),
        )
        .orderBy('starts_at', 'desc')
        .limit(50)
        .execute();
      const now = new Date();
      return { items: await Promise.all(rows.map((c) => presentContest(ctx, principal, c, now))) };
    },
  );

  api.get(
    '/api/v1/contests/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Một cuộc thi', params: IdParams, response: { 200: ContestView } },
    },
    async (req) => {
      const principal = principalOf(req);
      const c = await loadVisibleContest(ctx, principal, req.params.id);
      return presentContest(ctx, principal, c, new Date());
    },
  );
}
