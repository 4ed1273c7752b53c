// Narrative reports ("báo cáo" as a document with attachments) from an organisation to the committee
// directly above it, in the same workflow as reports by numbers: submitted → returned → accepted.

import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { mutate } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import type { Principal } from '../../platform/permissions/check.ts';
import { can, subtreeBounds } from '../../platform/permissions/check.ts';
import {
  createFileStore,
  fileResponseHeaders,
  isFileError,
  localFilesDir,
  OFFICE_KINDS,
  IMAGE_KINDS,
  saveUpload,
  type FileStore,
} from '../../platform/files/index.ts';
import { sanitizeRichText } from '../../platform/html/sanitize.ts';
import { newReport, parsePeriod, transition, type ReportAction, type ReportState } from './domain/index.ts';
import { canReview, canSubmit, parentPath, requireView } from './access.ts';
import { reportError } from './errors.ts';
import { CommentBody, IdParams, NarrativeBody, NarrativePatch } from './schemas.ts';
import { stateOf } from './service.ts';
import { orgOrThrow } from './store.ts';
import { Type } from '@fastify/type-provider-typebox';

const tags = ['Báo cáo văn bản'];
const MAX_ATTACHMENTS = 10;
const stores = new WeakMap<AppContext, FileStore>();

function storeOf(ctx: AppContext): FileStore {
  let s = stores.get(ctx);
  if (!s) {
    s = createFileStore({ kind: 'local', dir: localFilesDir(ctx.config.dataDir) });
    stores.set(ctx, s);
  }
  return s;
}

// A narrative report has no deadline lock: it can change until it is accepted.
const OPEN = { periodStart: '1900-01-01', lockAt: new Date('9999-12-31T00:00:00Z') };

async function present(ctx: AppContext, id: string, principal: Principal) {
  const row = await ctx.db
    .selectFrom('narrative_reports')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const [org, reviewer, files] = await Promise.all([
    orgOrThrow(ctx.db, row.org_id),
    orgOrThrow(ctx.db, row.reviewer_id),
    ctx.db
      .selectFrom('narrative_attachments')
      .select(['id', 'name', 'mime', 'size'])
      .where('narrative_id', '=', id)
      .orderBy('created_at')
      .execute(),
  ]);
  const state = stateOf(row);
  const lastReturn = [...state.history].reverse().find((h) => h.action === 'return');
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: org.name,
    reviewerId: row.reviewer_id,
    reviewerName: reviewer.name,
    title: row.title,
    period: row.period,
    body: row.body,
    status: row.status,
    returnComment: row.status === 'returned' ? (lastReturn?.comment ?? null) : null,
    attachments: files,
    canEdit: canSubmit(principal, row.org_path) && (row.status === 'draft' || row.status === 'returned'),
    canReview: canReview(principal, row.org_path) && row.status === 'submitted',
    history: state.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    updatedAt: row.updated_at,
  };
}

async function loadVisible(ctx: AppContext, principal: Principal, id: string) {
  const row = await ctx.db
    .selectFrom('narrative_reports')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  requireView(principal, row.org_path);
  return row;
}

function cleanBody(body: string): string {
  return sanitizeRichText(body);
}

export function narrativeRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/orgs/:id/narrative-reports',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Báo cáo văn bản của tổ chức và gửi đến tổ chức', params: IdParams },
    },
    async (req) => {
      const principal = principalOf(req);
      const org = await orgOrThrow(ctx.db, req.params.id);
      if (!canSubmit(principal, org.path)) throw notFound();
      const [lo, hi] = subtreeBounds(org.path);
      const sent = await ctx.db
        .selectFrom('narrative_reports')
        .select(['id', 'title', 'status', 'period', 'updated_at', 'org_id'])
        .where('org_id', '=', org.id)
        .orderBy('updated_at', 'desc')
        .limit(100)
        .execute();
      const received = can(principal, 'report.review', org.path)
        ? await ctx.db
            .selectFrom('narrative_reports')
            .innerJoin('orgs', 'orgs.id', 'narrative_reports.org_id')
            .select([
              'narrative_reports.id',
              'narrative_reports.title',
              'narrative_reports.status',
              'narrative_reports.period',
              'narrative_reports.updated_at',
              'orgs.name as org_name',
            ])
            .where('narrative_reports.reviewer_id', '=', org.id)
            .where('narrative_reports.status', '!=', 'draft')
            .where('narrative_reports.org_path', '>', lo)
            .where('narrative_reports.org_path', '<', hi)
            .orderBy('narrative_reports.updated_at', 'desc')
            .limit(100)
            .execute()
        : [];
      return {
        sent: sent.map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          period: r.period,
          updatedAt: r.updated_at,
        })),
        received: received.map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          period: r.period,
          orgName: r.org_name,
          updatedAt: r.updated_at,
        })),
      };
    },
  );

  api.post(
    '/api/v1/narrative-reports',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Soạn báo cáo văn bản', body: NarrativeBody },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const org = await orgOrThrow(ctx.db, req.body.orgId);
      if (!canSubmit(principal, org.path)) throw notFound();
      const parent = parentPath(org.path);
      if (!parent || !org.parent_id)
        throw new AppError('REPORT_NOT_ASSIGNED', {
          message: 'Tổ chức cấp cao nhất không có cấp ủy cấp trên để gửi báo cáo.',
        });
      if (req.body.period) {
        const p = parsePeriod(req.body.period);
        if (!p.ok) throw reportError(p.error);
      }
      const id = newId();
      await mutate(ctx, actorOf(req), async (uow) => {
        const now = nowIso();
        await uow.trx
          .insertInto('narrative_reports')
          .values({
            id,
            org_id: org.id,
            org_path: org.path,
            reviewer_id: org.parent_id as string,
            reviewer_path: parent,
            title: req.body.title.normalize('NFC').trim(),
            period: req.body.period ?? null,
            body: cleanBody(req.body.body),
            status: 'draft',
            state: JSON.stringify(newReport()),
            created_by: principal.accountId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await uow.audit({
          action: 'narrative.create',
          entityType: 'narrative_report',
          entityId: id,
          orgPath: org.path,
          after: { title: req.body.title },
        });
      });
      return reply.status(201).send(await present(ctx, id, principal));
    },
  );

  api.get(
    '/api/v1/narrative-reports/:id',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Xem báo cáo văn bản', params: IdParams },
    },
    async (req) => {
      const principal = principalOf(req);
      const row = await loadVisible(ctx, principal, req.params.id);
      return present(ctx, row.id, principal);
    },
  );

  api.patch(
    '/api/v1/narrative-reports/:id',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Sửa báo cáo văn bản', params: IdParams, body: NarrativePatch },
    },
    async (req) => {
      const principal = principalOf(req);
      const row = await loadVisible(ctx, principal, req.params.id);
      if (!canSubmit(principal, row.org_path)) throw new AppError('FORBIDDEN');
      const edit = transition(
        stateOf(row),
        { type: 'edit' },
        { now: new Date(), actor: principal.accountId, ...OPEN },
      );
      if (!edit.ok) throw reportError(edit.error);
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx
          .updateTable('narrative_reports')
          .set({
            ...(req.body.title !== undefined ? { title: req.body.title.normalize('NFC').trim() } : {}),
            ...(req.body.period !== undefined ? { period: req.body.period } : {}),
            ...(req.body.body !== undefined ? { body: cleanBody(req.body.body) } : {}),
            updated_at: nowIso(),
          })
          .where('id', '=', row.id)
          .execute();
        await uow.audit({
          action: 'narrative.update',
          entityType: 'narrative_report',
          entityId: row.id,
          orgPath: row.org_path,
        });
      });
      return present(ctx, row.id, principal);
    },
  );

  api.post(
    '/api/v1/narrative-reports/:id/attachments',
    {
      config: { access: 'report.submit' },
      schema: {
        tags,
        summary: 'Đính kèm tệp vào báo cáo văn bản',
        consumes: ['multipart/form-data'],
        params: IdParams,
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const row = await loadVisible(ctx, principal, req.params.id);
      if (!canSubmit(principal, row.org_path)) throw new AppError('FORBIDDEN');
      const edit = transition(
        stateOf(row),
        { type: 'edit' },
        { now: new Date(), actor: principal.accountId, ...OPEN },
      );
      if (!edit.ok) throw reportError(edit.error);
      if (!req.isMultipart()) throw new AppError('UPLOAD_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('UPLOAD_REQUIRED');
      const bytes = await file.toBuffer();
      let saved;
      try {
        saved = await saveUpload(storeOf(ctx), {
          bytes,
          name: file.filename,
          allowed: [...OFFICE_KINDS, ...IMAGE_KINDS],
          maxBytes: ctx.config.maxUploadBytes,
        });
      } catch (err) {
        if (isFileError(err)) throw new AppError(err.code, { message: err.message, details: err.details });
        throw err;
      }
      await mutate(ctx, actorOf(req), async (uow) => {
        const count = await uow.trx
          .selectFrom('narrative_attachments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('narrative_id', '=', row.id)
          .executeTakeFirst();
        if (Number(count?.n ?? 0) >= MAX_ATTACHMENTS)
          throw new AppError('UPLOAD_TOO_LARGE', {
            message: `Mỗi báo cáo đính kèm tối đa ${MAX_ATTACHMENTS} tệp.`,
          });
        await uow.trx
          .insertInto('narrative_attachments')
          .values({
            id: newId(),
            narrative_id: row.id,
            file_key: saved.key,
            name: saved.fileName,
            mime: saved.mime,
            size: saved.size,
            created_at: nowIso(),
          })
          .execute();
        await uow.audit({
          action: 'narrative.attach',
          entityType: 'narrative_report',
          entityId: row.id,
          orgPath: row.org_path,
          after: { name: saved.fileName },
        });
      });
      return present(ctx, row.id, principal);
    },
  );

  api.get(
    '/api/v1/narrative-reports/:id/attachments/:fileId',
    {
      config: { access: 'report.submit' },
      schema: {
        tags,
        summary: 'Tải tệp đính kèm',
        params: Type.Object({ id: Type.String({ maxLength: 64 }), fileId: Type.String({ maxLength: 64 }) }),
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const row = await loadVisible(ctx, principal, req.params.id);
      const f = await ctx.db
        .selectFrom('narrative_attachments')
        .selectAll()
        .where('id', '=', req.params.fileId)
        .where('narrative_id', '=', row.id)
        .executeTakeFirst();
      if (!f) throw notFound();
      const stream = await storeOf(ctx).get(f.file_key);
      if (!stream) throw notFound();
      return reply
        .headers(fileResponseHeaders({ mime: f.mime, fileName: f.name, size: f.size }))
        .send(stream);
    },
  );

  const act = (path: string, summary: string, type: 'submit' | 'approve' | 'return') =>
    api.post(
      path,
      {
        config: { access: type === 'submit' ? 'report.submit' : 'report.review' },
        schema: { tags, summary, params: IdParams, body: CommentBody },
      },
      async (req) => {
        const principal = principalOf(req);
        const row = await loadVisible(ctx, principal, req.params.id);
        const allowed =
          type === 'submit' ? canSubmit(principal, row.org_path) : canReview(principal, row.org_path);
        if (!allowed) throw new AppError('FORBIDDEN');
        const comment = req.body.comment ?? '';
        const empty = row.body.replace(/<[^>]*>/g, '').trim() === '';
        const action: ReportAction =
          type === 'submit'
            ? {
                type: 'submit',
                check: {
                  ok: !empty,
                  complete: !empty,
                  missing: empty
                    ? [{ section: 'body', kind: 'text', key: 'body', label: 'Nội dung báo cáo' }]
                    : [],
                  errors: [],
                  warnings: [],
                  uncommentedWarnings: [],
                },
              }
            : type === 'approve'
              ? { type: 'approve', comment }
              : { type: 'return', comment };
        const next = transition(stateOf(row), action, {
          now: new Date(),
          actor: principal.accountId,
          ...OPEN,
        });
        if (!next.ok) throw reportError(next.error);
        const state: ReportState = next.value;
        await mutate(ctx, actorOf(req), async (uow) => {
          await uow.trx
            .updateTable('narrative_reports')
            .set({ status: state.status, state: JSON.stringify(state), updated_at: nowIso() })
            .where('id', '=', row.id)
            .execute();
          await uow.audit({
            action: `narrative.${type}`,
            entityType: 'narrative_report',
            entityId: row.id,
            orgPath: row.org_path,
            after: { status: state.status, comment },
          });
          uow.emit({
            topic: `narrative.${type}`,
            payload: { id: row.id, orgId: row.org_id, reviewerId: row.reviewer_id },
          });
        });
        return present(ctx, row.id, principal);
      },
    );
  act('/api/v1/narrative-reports/:id/submit', 'Gửi báo cáo văn bản lên cấp ủy', 'submit');
  act('/api/v1/narrative-reports/:id/accept', 'Tiếp nhận báo cáo văn bản', 'approve');
  act('/api/v1/narrative-reports/:id/return', 'Trả lại báo cáo văn bản kèm ý kiến', 'return');
}
