import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { nowIso } from '../../platform/db/database.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import {
  audienceView,
  can,
  canSeeAudience,
  requirePermission,
  scopesFor,
  type Principal,
} from '../../platform/permissions/check.ts';
import { IdParams } from '../orgs/schemas.ts';
import { findOrg, findOrgs, type Org } from '../orgs/queries.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { NEWS_SECTIONS, SECTION_NAMES } from './sections.ts';
import { editorList, findNews, newsAudience, newsFeedJson, unreadCounts, type NewsRow } from './queries.ts';
import { createNews, markNewsRead, setNewsState, updateNews, type NewsInput } from './service.ts';
import { emitNewsPublished } from './notify.ts';

const tags = ['Tin tức'];
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Section = Type.Union(NEWS_SECTIONS.map((s) => Type.Literal(s)));

const NewsBody = Type.Object(
  {
    orgId: Type.String({ maxLength: 64 }),
    audienceOrgIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
    section: Section,
    title: Type.String({ minLength: 1, maxLength: 300 }),
    bodyHtml: Type.String({ maxLength: 500_000 }),
    source: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    sourceUrl: Type.Optional(Nullable(Type.String({ maxLength: 1000, pattern: '^https?://' }))),
    publishAt: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    pinned: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const FeedItemView = Type.Object({
  id: Type.String(),
  section: Type.String(),
  sectionName: Type.String(),
  title: Type.String(),
  excerpt: Type.String(),
  source: Nullable(Type.String()),
  publishedAt: Type.String(),
  pinned: Type.Boolean(),
  unread: Type.Boolean(),
});

const NewsView = Type.Object({
  id: Type.String(),
  section: Type.String(),
  sectionName: Type.String(),
  title: Type.String(),
  bodyHtml: Type.String(),
  excerpt: Type.String(),
  source: Nullable(Type.String()),
  sourceUrl: Nullable(Type.String()),
  orgId: Type.String(),
  orgName: Type.String(),
  status: Type.String(),
  publishAt: Type.String(),
  scheduled: Type.Boolean(),
  pinned: Type.Boolean(),
  readAt: Nullable(Type.String()),
  audience: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  canManage: Type.Boolean(),
});

function isLive(n: NewsRow, now = nowIso()) {
  return n.status === 'published' && n.publish_at <= now;
}

/** A live item published to the principal, or any item of an organisation the principal publishes for. */
export async function loadReadableNews(ctx: AppContext, principal: Principal, id: string) {
  const n = await findNews(ctx.db, id);
  if (!n) throw notFound();
  const audience = await newsAudience(ctx.db, id);
  const canManage = can(principal, 'content.publish', n.org_path);
  if (!canManage && !(isLive(n) && canSeeAudience(audienceView(principal), audience))) throw notFound();
  return { n, audience, canManage };
}

async function loadManaged(ctx: AppContext, req: FastifyRequest, id: string) {
  const loaded = await loadReadableNews(ctx, principalOf(req), id);
  if (!loaded.canManage) throw new AppError('FORBIDDEN');
  return loaded;
}

function parsePublishAt(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const t = Date.parse(raw);
  if (!Number.isFinite(t) || !/^\d{4}-\d{2}-\d{2}T/.test(raw))
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'body/publishAt', message: 'Thời điểm đăng không hợp lệ.' }],
    });
  return new Date(t).toISOString();
}

function inputOf(b: Static<typeof NewsBody>): NewsInput {
  const title = b.title.trim();
  if (!title)
    throw new AppError('VALIDATION_FAILED', {
      details: [{ field: 'body/title', message: 'Tiêu đề không được để trống.' }],
    });
  return {
    section: b.section,
    title,
    bodyHtml: b.bodyHtml,
    source: b.source?.trim() || null,
    sourceUrl: b.sourceUrl?.trim() || null,
    publishAt: parsePublishAt(b.publishAt),
    pinned: b.pinned === true,
  };
}

async function audienceOrgs(ctx: AppContext, principal: Principal, org: Org, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return [org];
  const orgs = await findOrgs(ctx.db, [...new Set(ids)]);
  if (orgs.length !== new Set(ids).size) throw notFound();
  for (const o of orgs) requirePermission(principal, 'content.publish', o.path);
  return orgs;
}

async function present(ctx: AppContext, principal: Principal, id: string) {
  const { n, audience, canManage } = await loadReadableNews(ctx, principal, id);
  const [org, orgs, read] = await Promise.all([
    findOrg(ctx.db, n.org_id),
    ctx.db
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where('path', 'in', audience.length ? audience : ['-'])
      .execute(),
    ctx.db
      .selectFrom('news_reads')
      .select('read_at')
      .where('news_id', '=', id)
      .where('account_id', '=', principal.accountId)
      .executeTakeFirst(),
  ]);
  return {
    id: n.id,
    section: n.section,
    sectionName: SECTION_NAMES[n.section],
    title: n.title,
    bodyHtml: n.body_html,
    excerpt: n.excerpt,
    source: n.source,
    sourceUrl: n.source_url,
    orgId: n.org_id,
    orgName: org?.name ?? '',
    status: n.status,
    publishAt: n.publish_at,
    scheduled: n.status === 'published' && n.publish_at > nowIso(),
    pinned: Number(n.pinned) === 1,
    readAt: read?.read_at ?? null,
    audience: orgs,
    canManage,
  };
}

export function newsRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/news',
    {
      config: { access: 'content.read' },
      schema: {
        tags,
        summary: 'Bảng tin: tin ghim trước, mới nhất trước, có đánh dấu chưa đọc',
        querystring: Type.Object({
          section: Type.Optional(Section),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(FeedItemView), nextCursor: Nullable(Type.String()) }),
        },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const json = await newsFeedJson(ctx.db, audienceView(principal), principal.accountId, {
        section: req.query.section,
        limit: req.query.limit ?? 20,
        cursor: req.query.cursor,
        now: nowIso(),
      });
      // Written by feed-json.ts in the shape of the schema above; the bytes are sent as they are, unserialised.
      return reply.type('application/json; charset=utf-8').send(json as never);
    },
  );

  api.get(
    '/api/v1/news/unread',
    {
      config: { access: 'content.read' },
      schema: {
        tags,
        summary: 'Số tin chưa đọc theo mục',
        response: {
          200: Type.Object({ total: Type.Integer(), sections: Type.Record(Type.String(), Type.Integer()) }),
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const sections = await unreadCounts(ctx.db, audienceView(principal), principal.accountId, nowIso());
      return { total: Object.values(sections).reduce((a, b) => a + b, 0), sections };
    },
  );

  api.get(
    '/api/v1/news/editor',
    {
      config: { access: 'content.publish' },
      schema: {
        tags,
        summary: 'Tin do tổ chức mình đăng (cả tin hẹn giờ và đã gỡ)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                section: Type.String(),
                sectionName: Type.String(),
                title: Type.String(),
                status: Type.String(),
                publishAt: Type.String(),
                scheduled: Type.Boolean(),
                pinned: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const rows = await editorList(ctx.db, scopesFor(principalOf(req), 'content.publish'), 100);
      const now = nowIso();
      return {
        items: rows.map((r) => ({
          id: r.id,
          section: r.section,
          sectionName: SECTION_NAMES[r.section],
          title: r.title,
          status: r.status,
          publishAt: r.publish_at,
          scheduled: r.status === 'published' && r.publish_at > now,
          pinned: Number(r.pinned) === 1,
        })),
      };
    },
  );

  api.post(
    '/api/v1/news',
    {
      config: { access: 'content.publish' },
      schema: {
        tags,
        summary: 'Đăng tin (ngay hoặc hẹn giờ); nội dung HTML được làm sạch',
        body: NewsBody,
        response: { 201: NewsView },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const org = await loadVisibleOrg(ctx, req, req.body.orgId);
      requirePermission(principal, 'content.publish', org.path);
      const audience = await audienceOrgs(ctx, principal, org, req.body.audienceOrgIds);
      const n = await mutate(ctx, actorOf(req), async (uow) => {
        const created = await createNews(uow, org, audience, inputOf(req.body), principal.accountId);
        await emitNewsPublished(uow, created.id);
        return created;
      });
      return reply.status(201).send(await present(ctx, principal, n.id));
    },
  );

  api.get(
    '/api/v1/news/:id',
    {
      config: { access: 'content.read' },
      schema: { tags, summary: 'Đọc tin', params: IdParams, response: { 200: NewsView } },
    },
    async (req) => present(ctx, principalOf(req), req.params.id),
  );

  api.put(
    '/api/v1/news/:id',
    {
      config: { access: 'content.publish' },
      schema: { tags, summary: 'Sửa tin', params: IdParams, body: NewsBody, response: { 200: NewsView } },
    },
    async (req) => {
      const principal = principalOf(req);
      const { n } = await loadManaged(ctx, req, req.params.id);
      // An item stays with the organisation that published it; its audience may change.
      if (req.body.orgId !== n.org_id)
        throw new AppError('VALIDATION_FAILED', {
          details: [{ field: 'body/orgId', message: 'Không chuyển tin sang tổ chức khác.' }],
        });
      const org = (await findOrg(ctx.db, n.org_id))!;
      const audience = req.body.audienceOrgIds
        ? await audienceOrgs(ctx, principal, org, req.body.audienceOrgIds)
        : null;
      await mutate(ctx, actorOf(req), (uow) => updateNews(uow, n, audience, inputOf(req.body)));
      return present(ctx, principal, n.id);
    },
  );

  const stateRoute = (
    action: string,
    summary: string,
    change: (body: { pinned?: boolean }) => { status?: NewsRow['status']; pinned?: boolean },
  ) =>
    api.post(
      `/api/v1/news/:id/${action}`,
      {
        config: { access: 'content.publish' },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: Type.Optional(
            Type.Object({ pinned: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          ),
          response: { 200: NewsView },
        },
      },
      async (req) => {
        const { n } = await loadManaged(ctx, req, req.params.id);
        await mutate(ctx, actorOf(req), (uow) => setNewsState(uow, n, change(req.body ?? {})));
        return present(ctx, principalOf(req), n.id);
      },
    );
  stateRoute('unpublish', 'Gỡ tin', () => ({ status: 'unpublished' }));
  stateRoute('publish', 'Đăng lại tin đã gỡ', () => ({ status: 'published' }));
  stateRoute('pin', 'Ghim / bỏ ghim tin', (b) => ({ pinned: b.pinned !== false }));

  api.post(
    '/api/v1/news/:id/read',
    {
      config: { access: 'content.read' },
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc',
        params: IdParams,
        response: { 200: Type.Object({ read: Type.Boolean() }) },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const { n } = await loadReadableNews(ctx, principal, req.params.id);
      await mutate(ctx, actorOf(req), (uow) => markNewsRead(uow, principal.accountId, n.id));
      return { read: true };
    },
  );
}
