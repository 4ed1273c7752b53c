import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { diffDrafts } from '../domain/index.ts';
import { canManage, loadMeeting } from '../access.ts';
import { latestDraft, type StoredDraft } from '../queries.ts';
import * as S from '../schemas.ts';
import { publishDraft, saveDraft } from '../service.ts';
import { tags, toDomainDraft } from './shared.ts';

/** The draft resolution: save, publish a version, versions and their differences. */
export function draftRoutes(api: Api, ctx: AppContext): void {
  api.put(
    '/api/v1/meetings/:id/draft',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Soạn dự thảo nghị quyết', params: S.MeetingParams, body: S.DraftBody },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const version = await mutate(ctx, actorOf(req), (uow) => saveDraft(uow, m, req.body));
      const d = await latestDraft(ctx.db, m.id, false);
      return { version, publishedAt: d?.published_at ?? null, ...d?.draft };
    },
  );

  api.post(
    '/api/v1/meetings/:id/draft/publish',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Đăng dự thảo (bản sửa) cho chi bộ',
        params: S.MeetingParams,
        body: Type.Object(
          { note: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const version = await mutate(ctx, actorOf(req), (uow) => publishDraft(uow, m, req.body.note ?? null));
      return { version };
    },
  );

  api.get(
    '/api/v1/meetings/:id/drafts',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Các phiên bản dự thảo nghị quyết', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const manage = canManage(principalOf(req), m);
      let q = ctx.db.selectFrom('meeting_drafts').selectAll().where('meeting_id', '=', m.id);
      if (!manage) q = q.where('published_at', 'is not', null);
      const rows = await q.orderBy('version').execute();
      return {
        items: rows.map((r) => ({
          version: r.version,
          publishedAt: r.published_at,
          note: r.note,
          ...(JSON.parse(r.content) as StoredDraft),
        })),
      };
    },
  );

  api.get(
    '/api/v1/meetings/:id/drafts/diff',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'So sánh hai phiên bản dự thảo',
        params: S.MeetingParams,
        querystring: S.DiffQuery,
      },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const manage = canManage(principalOf(req), m);
      const load = async (v: number) => {
        const r = await ctx.db
          .selectFrom('meeting_drafts')
          .selectAll()
          .where('meeting_id', '=', m.id)
          .where('version', '=', v)
          .executeTakeFirst();
        if (!r || (!manage && !r.published_at)) throw notFound();
        return JSON.parse(r.content) as StoredDraft;
      };
      const [a, b] = [await load(req.query.from), await load(req.query.to)];
      return { from: req.query.from, to: req.query.to, diff: diffDrafts(toDomainDraft(a), toDomainDraft(b)) };
    },
  );
}
