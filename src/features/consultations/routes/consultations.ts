import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nowIso } from '../../../platform/db/database.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { audienceView, requirePermission, subtreeBounds } from '../../../platform/permissions/check.ts';
import { contentDisposition } from '../../../platform/files/content-disposition.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { loadVisibleOrg } from '../../orgs/routes.ts';
import { paragraphsOf } from '../../documents/paragraphs.ts';
import { cleanText } from '../../petitions/service.ts';
import { roleIn } from '../access.ts';
import { tags, MAX_TEXT, Detail, stateOf, load, readable, detail } from './shared.ts';

/** A consultation from the owner's side and the reader's: open one on a draft, list, read, close, export. */
export function consultationLifecycleRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/orgs/:id/consultations',
    {
      config: { access: 'content.publish' },
      schema: {
        tags,
        summary: 'Mở đợt lấy ý kiến về một dự thảo trong phạm vi tổ chức',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 300 }),
            intro: Type.Optional(Type.String({ maxLength: MAX_TEXT })),
            draft: Type.String({ minLength: 1, maxLength: 500_000 }),
            documentId: Type.Optional(Type.String({ maxLength: 64 })),
            opensAt: Type.String({ format: 'date-time' }),
            closesAt: Type.String({ format: 'date-time' }),
            questions: Type.Optional(
              Type.Array(
                Type.Object({
                  text: Type.String({ minLength: 1, maxLength: 1000 }),
                  kind: Type.Union([Type.Literal('text'), Type.Literal('choice')]),
                  options: Type.Optional(
                    Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 10 }),
                  ),
                }),
                { maxItems: 30 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Detail },
      },
    },
    async (req, reply) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'content.publish', org.path);
      const b = req.body;
      const opens = new Date(b.opensAt).toISOString();
      const closes = new Date(b.closesAt).toISOString();
      if (closes <= opens) throw new AppError('CONSULTATION_DATES_INVALID');
      const draft = cleanText(b.draft, 500_000);
      if (!draft) throw new AppError('CONSULTATION_EMPTY');
      const id = newId();
      await mutate(ctx, actorOf(req), async (uow) => {
        const at = nowIso();
        await uow.trx
          .insertInto('consultations')
          .values({
            id,
            org_id: org.id,
            org_path: org.path,
            province_id: org.provinceId,
            title: cleanText(b.title, 300),
            intro: cleanText(b.intro ?? '', MAX_TEXT),
            draft,
            document_id: b.documentId ?? null,
            opens_at: opens,
            closes_at: closes,
            closed_at: null,
            created_by: principalOf(req).accountId,
            created_at: at,
          })
          .execute();
        for (const [i, q] of (b.questions ?? []).entries()) {
          const options =
            q.kind === 'choice' ? (q.options ?? []).map((o) => cleanText(o, 200)).filter(Boolean) : [];
          if (q.kind === 'choice' && options.length < 2) throw new AppError('CONSULTATION_CHOICE_INVALID');
          await uow.trx
            .insertInto('consultation_questions')
            .values({
              id: newId(),
              consultation_id: id,
              position: i,
              text: cleanText(q.text, 1000),
              kind: q.kind,
              options: JSON.stringify(options),
            })
            .execute();
        }
        await uow.audit({
          action: 'consultation.open',
          entityType: 'consultation',
          entityId: id,
          orgPath: org.path,
        });
        uow.emit({ topic: 'consultation.opened', payload: { consultationId: id, orgId: org.id } });
      });
      const { c, role } = await load(ctx, req, id);
      reply.code(201);
      return detail(ctx, req, c, role);
    },
  );

  api.get(
    '/api/v1/consultations',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Các đợt lấy ý kiến tôi tham gia hoặc theo dõi',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                title: Type.String(),
                orgName: Type.String(),
                opensAt: Type.String(),
                closesAt: Type.String(),
                state: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const view = audienceView(principal);
      if (view.ancestors.length === 0 && view.subtrees.length === 0) return { items: [] };
      const rows = await ctx.db
        .selectFrom('consultations')
        .innerJoin('orgs', 'orgs.id', 'consultations.org_id')
        .selectAll('consultations')
        .select('orgs.name as org_name')
        .where((eb) =>
          eb.or([
            ...(view.ancestors.length ? [eb('consultations.org_path', 'in', view.ancestors)] : []),
            ...view.subtrees.map((s) => {
              const [lo, hi] = subtreeBounds(s);
              return eb.and([eb('consultations.org_path', '>=', lo), eb('consultations.org_path', '<', hi)]);
            }),
          ]),
        )
        .orderBy('consultations.closes_at', 'desc')
        .limit(100)
        .execute();
      const now = nowIso();
      return {
        items: rows
          .filter((r) => roleIn(principal, r.org_path))
          .map((r) => ({
            id: r.id,
            title: r.title,
            orgName: r.org_name,
            opensAt: r.opens_at,
            closesAt: r.closes_at,
            state: stateOf(r, now),
          })),
      };
    },
  );

  api.get(
    '/api/v1/consultations/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Xem dự thảo, câu hỏi và ý kiến',
        params: IdParams,
        response: { 200: Detail },
      },
    },
    async (req) => {
      const { c, role } = await load(ctx, req, req.params.id);
      return detail(ctx, req, c, role);
    },
  );

  api.post(
    '/api/v1/consultations/:id/close',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Kết thúc đợt lấy ý kiến', params: IdParams, response: { 200: Detail } },
    },
    async (req) => {
      const { c, role } = await load(ctx, req, req.params.id);
      if (!role.owner) throw new AppError('FORBIDDEN');
      const at = nowIso();
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx.updateTable('consultations').set({ closed_at: at }).where('id', '=', c.id).execute();
        await uow.audit({
          action: 'consultation.close',
          entityType: 'consultation',
          entityId: c.id,
          orgPath: c.org_path,
        });
      });
      return detail(ctx, req, { ...c, closed_at: at }, role);
    },
  );

  api.get(
    '/api/v1/consultations/:id/export',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Tải tổng hợp ý kiến (XLSX hoặc DOCX), theo từng đoạn của dự thảo',
        params: IdParams,
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('docx')])),
        }),
      },
    },
    async (req, reply) => {
      const { c, role } = await load(ctx, req, req.params.id);
      if (!role.owner && role.compilerPaths.length === 0) throw new AppError('FORBIDDEN');
      const data = await readable(ctx, c, role, principalOf(req).accountId);
      const paragraphs = paragraphsOf(c.draft);
      const name = `Tong-hop-y-kien-${c.id.slice(-8)}`;
      // The spreadsheet and DOCX writers are loaded on the first export, not at start-up.
      const { consultationDocx, consultationXlsx } = await import('../export.ts');
      if (req.query.format !== 'docx') {
        const buf = await consultationXlsx(paragraphs, data.comments, data.summaries);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', contentDisposition(`${name}.xlsx`))
          .send(buf);
      }
      const buf = await consultationDocx(c.title, paragraphs, data.comments, data.summaries);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(`${name}.docx`))
        .send(buf);
    },
  );
}
