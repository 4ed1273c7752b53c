import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/db/database.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import { requirePermission } from '../../platform/permissions/check.ts';
import { IdParams } from '../orgs/schemas.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { ancestorsOf, findOrg, findOrgs, type Org } from '../orgs/queries.ts';
import { idsOnPath } from '../orgs/paths.ts';
import { findMember } from '../members/queries.ts';
import { canHandlePetition, canReadPetition, isOverdue, type PetitionAction } from './domain/petitions.ts';
import {
  addresseePaths,
  countSentSince,
  factsOf,
  findPetition,
  listInbox,
  listMine,
  petitionEvents,
  petitionStats,
  type PetitionRow,
} from './queries.ts';
import { CATEGORIES, MAX_TEXT, MAX_TITLE, actOnPetition, sendPetition, type Category } from './service.ts';
import './errors.ts';

const tags = ['Ý kiến, kiến nghị'];
/** Per member per day; enough for any real need, too few to flood a committee. */
export const DAILY_LIMIT = 10;

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const CategorySchema = Type.Union(CATEGORIES.map((c) => Type.Literal(c)));
const StatusSchema = Type.Union(
  ['sent', 'acknowledged', 'in_progress', 'answered', 'closed', 'withdrawn'].map((s) => Type.Literal(s)),
);

const Summary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  category: Type.String(),
  status: Type.String(),
  confidential: Type.Boolean(),
  createdAt: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  answeredAt: Nullable(Type.String()),
  addressedOrgId: Type.String(),
  addressedOrgName: Type.String(),
});

const Detail = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  category: Type.String(),
  status: Type.String(),
  confidential: Type.Boolean(),
  senderName: Type.String(),
  mine: Type.Boolean(),
  canHandle: Type.Boolean(),
  addressedOrgId: Type.String(),
  addressedOrgName: Type.String(),
  handlerAccountId: Nullable(Type.String()),
  createdAt: Type.String(),
  receivedAt: Type.String(),
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  answer: Nullable(Type.String()),
  answeredAt: Nullable(Type.String()),
  reply: Nullable(Type.String()),
  rating: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(),
  /** For the handling committee: where it may forward (the sender's path, nearest first, without itself). */
  forwardTargets: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  history: Type.Array(
    Type.Object({
      kind: Type.String(),
      orgId: Nullable(Type.String()),
      orgName: Nullable(Type.String()),
      note: Nullable(Type.String()),
      at: Type.String(),
    }),
  ),
});

type SummaryRow = Awaited<ReturnType<typeof listMine>>[number];

function summary(r: SummaryRow, now: string) {
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    status: r.status,
    confidential: r.confidential === 1,
    createdAt: r.created_at,
    dueAt: r.due_at,
    overdue: isOverdue(r.status, r.due_at, now),
    answeredAt: r.answered_at,
    addressedOrgId: r.addressed_org_id,
    addressedOrgName: r.addressed_name,
  };
}

/** The petition if the caller may read it; a 404 otherwise, so its existence is not revealed. */
async function loadReadable(ctx: AppContext, req: FastifyRequest, id: string) {
  const p = await findPetition(ctx.db, id);
  if (!p) throw notFound();
  const history = await addresseePaths(ctx.db, p.id);
  const principal = principalOf(req);
  if (!canReadPetition(principal, factsOf(p, history))) throw notFound();
  return { p, history, canHandle: canHandlePetition(principal, factsOf(p, history)) };
}

async function senderBranch(ctx: AppContext, req: FastifyRequest) {
  const principal = principalOf(req);
  if (!principal.memberId) throw new AppError('PETITION_NOT_MEMBER');
  const member = await findMember(ctx.db, principal.memberId);
  const branch = member ? await findOrg(ctx.db, member.orgId) : null;
  if (!member || !branch) throw new AppError('PETITION_NOT_MEMBER');
  requirePermission(principal, 'petition.send', branch.path);
  return { member, branch };
}

async function detail(ctx: AppContext, req: FastifyRequest, p: PetitionRow, canHandle: boolean) {
  const now = nowIso();
  const events = await petitionEvents(ctx.db, p.id);
  let forwardTargets: Array<{ id: string; name: string }> = [];
  if (canHandle) {
    const ids = idsOnPath(p.sender_path).filter((id) => id !== p.addressed_org_id);
    const orgs = new Map((await findOrgs(ctx.db, ids)).map((o) => [o.id, o]));
    forwardTargets = ids.reverse().flatMap((id) => {
      const o = orgs.get(id);
      return o && o.status === 'active' ? [{ id: o.id, name: o.name }] : [];
    });
  }
  return {
    forwardTargets,
    id: p.id,
    title: p.title,
    body: p.body,
    category: p.category,
    status: p.status,
    confidential: p.confidential === 1,
    senderName: p.sender_name,
    mine: principalOf(req).accountId === p.sender_account_id,
    canHandle,
    addressedOrgId: p.addressed_org_id,
    addressedOrgName: p.addressed_name,
    handlerAccountId: p.handler_account_id,
    createdAt: p.created_at,
    receivedAt: p.received_at,
    dueAt: p.due_at,
    overdue: isOverdue(p.status, p.due_at, now),
    answer: p.answer,
    answeredAt: p.answered_at,
    reply: p.reply,
    rating: p.rating,
    version: p.version,
    history: events.map((e) => ({
      kind: e.kind,
      orgId: e.org_id,
      orgName: e.org_name ?? null,
      note: e.note,
      at: e.at,
    })),
  };
}

const SENDER_ACTIONS = new Set<PetitionAction>(['reply', 'rate', 'withdraw']);

export function petitionRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/petitions/targets',
    {
      config: { access: 'petition.send' },
      schema: {
        tags,
        summary: 'Các cấp ủy đảng viên được gửi ý kiến, kiến nghị (chi bộ mình và cấp trên)',
        response: {
          200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }),
        },
      },
    },
    async (req) => {
      const { branch } = await senderBranch(ctx, req);
      const above = await ancestorsOf(ctx.db, branch);
      return { items: [{ id: branch.id, name: branch.name }, ...[...above].reverse()] };
    },
  );

  api.get(
    '/api/v1/petitions/mine',
    {
      config: { access: 'petition.send' },
      schema: {
        tags,
        summary: 'Ý kiến, kiến nghị tôi đã gửi',
        response: { 200: Type.Object({ items: Type.Array(Summary) }) },
      },
    },
    async (req) => {
      const now = nowIso();
      const rows = await listMine(ctx.db, principalOf(req).accountId, 200);
      return { items: rows.map((r) => summary(r, now)) };
    },
  );

  api.post(
    '/api/v1/petitions',
    {
      config: { access: 'petition.send' },
      schema: {
        tags,
        summary: 'Gửi ý kiến, kiến nghị tới cấp ủy',
        body: Type.Object(
          {
            orgId: Type.String({ maxLength: 64 }),
            category: CategorySchema,
            title: Type.String({ minLength: 1, maxLength: MAX_TITLE }),
            body: Type.String({ minLength: 1, maxLength: MAX_TEXT }),
            confidential: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: Detail },
      },
    },
    async (req, reply) => {
      const { member, branch } = await senderBranch(ctx, req);
      const to = await findOrg(ctx.db, req.body.orgId);
      if (!to || to.status !== 'active') throw notFound();
      const principal = principalOf(req);
      const since = new Date(Date.now() - 86_400_000).toISOString();
      if ((await countSentSince(ctx.db, principal.accountId, since)) >= DAILY_LIMIT)
        throw new AppError('PETITION_RATE_LIMITED');
      const id = await mutate(ctx, actorOf(req), (uow) =>
        sendPetition(uow, {
          sender: { accountId: principal.accountId, memberId: member.id, branch },
          to,
          category: req.body.category as Category,
          title: req.body.title,
          body: req.body.body,
          confidential: req.body.confidential ?? false,
        }),
      );
      const { p, canHandle } = await loadReadable(ctx, req, id);
      reply.code(201);
      return detail(ctx, req, p, canHandle);
    },
  );

  api.get(
    '/api/v1/petitions/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Xem một ý kiến, kiến nghị', params: IdParams, response: { 200: Detail } },
    },
    async (req) => {
      const { p, canHandle } = await loadReadable(ctx, req, req.params.id);
      return detail(ctx, req, p, canHandle);
    },
  );

  api.post(
    '/api/v1/petitions/:id/actions',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tiếp nhận, phân công, chuyển, trả lời (cấp ủy); phản hồi, đánh giá, rút lại (người gửi)',
        params: IdParams,
        body: Type.Object(
          {
            action: Type.Union(
              ['acknowledge', 'assign', 'forward', 'answer', 'close', 'reply', 'rate', 'withdraw'].map((a) =>
                Type.Literal(a),
              ),
            ),
            version: Type.Integer({ minimum: 1 }),
            note: Type.Optional(Type.String({ maxLength: MAX_TEXT })),
            text: Type.Optional(Type.String({ maxLength: MAX_TEXT })),
            rating: Type.Optional(Type.Integer()),
            toOrgId: Type.Optional(Type.String({ maxLength: 64 })),
            handlerAccountId: Type.Optional(Type.String({ maxLength: 64 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Detail },
      },
    },
    async (req) => {
      const { p, canHandle } = await loadReadable(ctx, req, req.params.id);
      const principal = principalOf(req);
      const action = req.body.action as PetitionAction;
      const mine = principal.accountId === p.sender_account_id;
      if (SENDER_ACTIONS.has(action) ? !mine : !canHandle) throw new AppError('FORBIDDEN');
      let to: Org | undefined;
      if (action === 'forward') {
        const org = req.body.toOrgId ? await findOrg(ctx.db, req.body.toOrgId) : null;
        if (!org || org.status !== 'active') throw new AppError('PETITION_FORWARD_OFF_PATH');
        to = org;
      }
      let handlerPrincipal = null;
      if (action === 'assign' && req.body.handlerAccountId)
        handlerPrincipal = (await loadPrincipal(ctx.db, req.body.handlerAccountId))?.principal ?? null;
      await mutate(ctx, actorOf(req), (uow) =>
        actOnPetition(uow, p, {
          action,
          version: req.body.version,
          actorAccountId: principal.accountId,
          note: req.body.note,
          text: req.body.text,
          rating: req.body.rating,
          to,
          handlerAccountId: req.body.handlerAccountId,
          handlerPrincipal,
        }),
      );
      const fresh = await findPetition(ctx.db, p.id);
      const history = await addresseePaths(ctx.db, p.id);
      return detail(ctx, req, fresh!, canHandlePetition(principal, factsOf(fresh!, history)));
    },
  );

  api.get(
    '/api/v1/orgs/:id/petitions',
    {
      config: { access: 'petition.handle' },
      schema: {
        tags,
        summary: 'Ý kiến, kiến nghị gửi tới cấp ủy và các tổ chức trực thuộc',
        params: IdParams,
        querystring: Type.Object({
          status: Type.Optional(StatusSchema),
          category: Type.Optional(CategorySchema),
          overdue: Type.Optional(Type.Boolean()),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Summary) }) },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      const principal = principalOf(req);
      requirePermission(principal, 'petition.handle', org.path);
      const now = nowIso();
      const rows = await listInbox(ctx.db, principal, org.path, {
        status: req.query.status,
        category: req.query.category,
        overdue: req.query.overdue,
        limit: req.query.limit ?? 50,
        now,
      });
      return { items: rows.map((r) => summary(r, now)) };
    },
  );

  api.get(
    '/api/v1/orgs/:id/petition-stats',
    {
      config: { access: 'petition.handle' },
      schema: {
        tags,
        summary: 'Thống kê ý kiến, kiến nghị theo lĩnh vực, trạng thái, thời gian trả lời',
        params: IdParams,
        response: {
          200: Type.Object({
            total: Type.Integer(),
            byCategory: Type.Record(Type.String(), Type.Integer()),
            byStatus: Type.Record(Type.String(), Type.Integer()),
            overdue: Type.Integer(),
            averageResponseDays: Type.Union([Type.Number(), Type.Null()]),
          }),
        },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      const principal = principalOf(req);
      requirePermission(principal, 'petition.handle', org.path);
      return petitionStats(ctx.db, principal, org.path, nowIso());
    },
  );

  api.put(
    '/api/v1/orgs/:id/petition-settings',
    {
      config: { access: 'petition.handle' },
      schema: {
        tags,
        summary: 'Thời hạn trả lời ý kiến, kiến nghị của cấp ủy (ngày)',
        params: IdParams,
        body: Type.Object(
          { responseDays: Type.Integer({ minimum: 1, maximum: 90 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ responseDays: Type.Integer() }) },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'petition.handle', org.path);
      const days = req.body.responseDays;
      await mutate(ctx, actorOf(req), async (uow) => {
        const at = nowIso();
        await uow.trx
          .insertInto('petition_settings')
          .values({ org_id: org.id, response_days: days, updated_at: at })
          .onConflict((oc) => oc.column('org_id').doUpdateSet({ response_days: days, updated_at: at }))
          .execute();
        await uow.audit({
          action: 'petition.settings',
          entityType: 'org',
          entityId: org.id,
          orgPath: org.path,
          after: { responseDays: days },
        });
      });
      return { responseDays: days };
    },
  );
}
