import { Type, type Static } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import {
  audienceView,
  can,
  canSeeAudience,
  requirePermission,
  type Principal,
} from '../../platform/permissions/check.ts';
import { DOCUMENT_KINDS, extractText, saveUpload, sendStoredFile } from '../../platform/files/index.ts';
import { IdParams } from '../orgs/schemas.ts';
import { findOrg, findOrgs, type Org } from '../orgs/queries.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { fileStoreOf } from './file-store.ts';
import { insideSql } from './audience.ts';
import {
  DOCUMENT_TYPE_NAMES,
  LEVEL_NAMES,
  levelOfOrgType,
  type DocumentType,
  type IssuingLevel,
} from './kinds.ts';
import { sharedDocument, type SharedDocument } from './kept-documents.ts';
import { documentFacets, filesOf, listDocuments, readState, type DocumentListItem } from './queries.ts';
import {
  attachFile,
  createDocument,
  markRead,
  removeFile,
  setBookmark,
  setDocumentStatus,
  updateDocument,
  type DocumentInput,
} from './service.ts';
import {
  DocumentBody,
  DocumentFileView,
  DocumentListQuery,
  DocumentSummaryView,
  DocumentView,
} from './schemas.ts';
import { emitDocumentPublished } from './notify.ts';

const tags = ['Văn bản'];
const FileParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  fileId: Type.String({ maxLength: 64 }),
});

export function presentSummary(d: DocumentListItem) {
  return {
    ...d,
    kindName: DOCUMENT_TYPE_NAMES[d.kind as DocumentType] ?? d.kind,
    levelName: LEVEL_NAMES[d.level as IssuingLevel] ?? d.level,
  };
}

/** A document the principal may read (published to them) or manage (published by their subtree). */
export async function loadReadableDocument(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<SharedDocument & { canManage: boolean }> {
  const shared = await sharedDocument(ctx.db, id);
  if (!shared) throw notFound();
  const canManage = can(principal, 'content.publish', shared.doc.org_path);
  const visible =
    shared.doc.status === 'published' && canSeeAudience(audienceView(principal), shared.audience);
  if (!visible && !canManage) throw notFound();
  return { ...shared, canManage };
}

async function loadManagedDocument(ctx: AppContext, req: FastifyRequest, id: string) {
  const loaded = await loadReadableDocument(ctx, principalOf(req), id);
  if (!loaded.canManage) throw new AppError('FORBIDDEN');
  return loaded;
}

/** The audience organisations, each within the principal's publishing scope; default: the issuing org. */
async function audienceOrgs(ctx: AppContext, principal: Principal, org: Org, ids: string[] | undefined) {
  if (!ids || ids.length === 0) return [org];
  const orgs = await findOrgs(ctx.db, [...new Set(ids)]);
  if (orgs.length !== new Set(ids).size) throw notFound();
  for (const o of orgs) requirePermission(principal, 'content.publish', o.path);
  return orgs;
}

function inputOf(b: Static<typeof DocumentBody>, org: Org): DocumentInput {
  return {
    kind: b.kind,
    number: b.number?.trim() || null,
    issuedOn: b.issuedOn ?? null,
    issuer: b.issuer?.trim() || org.name,
    level: b.level ?? levelOfOrgType(org.type),
    title: b.title.trim(),
    summary: b.summary?.trim() || null,
    body: (b.body ?? '').normalize('NFC'),
  };
}

async function present(ctx: AppContext, principal: Principal, id: string) {
  const { doc, audienceOrgs, files, paragraphs, canManage } = await loadReadableDocument(ctx, principal, id);
  const state = await readState(ctx.db, principal.accountId, id);
  return {
    ...presentSummary({
      id: doc.id,
      kind: doc.kind,
      number: doc.number,
      issuedOn: doc.issued_on,
      issuer: doc.issuer,
      level: doc.level,
      title: doc.title,
      summary: doc.summary,
      year: Number(doc.year),
      ...state,
    }),
    status: doc.status,
    orgId: doc.org_id,
    sourceName: doc.source_name,
    audience: audienceOrgs,
    paragraphs: paragraphs.slice(),
    files: files.map((f) => ({ ...f, url: `/api/v1/documents/${id}/files/${f.id}` })),
    canManage,
    updatedAt: doc.updated_at,
  };
}

export function documentRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/documents',
    {
      config: { access: 'content.read' },
      schema: {
        tags,
        summary: 'Thư viện văn bản (mới nhất trước), lọc theo loại, cấp, năm',
        querystring: DocumentListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(DocumentSummaryView),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const page = await listDocuments(ctx.db, audienceView(principal), principal.accountId, {
        ...req.query,
        limit: req.query.limit ?? 20,
      });
      return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
    },
  );

  api.get(
    '/api/v1/documents/facets',
    {
      config: { access: 'content.read' },
      schema: {
        tags,
        summary: 'Số văn bản theo loại, cấp ban hành và năm',
        response: {
          200: Type.Object({
            kinds: Type.Array(
              Type.Object({ value: Type.String(), name: Type.String(), count: Type.Integer() }),
            ),
            levels: Type.Array(
              Type.Object({ value: Type.String(), name: Type.String(), count: Type.Integer() }),
            ),
            years: Type.Array(
              Type.Object({ value: Type.String(), name: Type.String(), count: Type.Integer() }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const f = await documentFacets(ctx.db, audienceView(principalOf(req)));
      return {
        kinds: f.kinds.map((k) => ({ ...k, name: DOCUMENT_TYPE_NAMES[k.value as DocumentType] ?? k.value })),
        levels: f.levels.map((k) => ({ ...k, name: LEVEL_NAMES[k.value as IssuingLevel] ?? k.value })),
        years: f.years.map((k) => ({ ...k, name: k.value })),
      };
    },
  );

  api.post(
    '/api/v1/documents',
    {
      config: { access: 'content.publish' },
      schema: {
        tags,
        summary: 'Đăng văn bản vào thư viện',
        body: DocumentBody,
        response: { 201: DocumentView },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const org = await loadVisibleOrg(ctx, req, req.body.orgId);
      requirePermission(principal, 'content.publish', org.path);
      const audience = await audienceOrgs(ctx, principal, org, req.body.audienceOrgIds);
      const doc = await mutate(ctx, actorOf(req), async (uow) => {
        const created = await createDocument(uow, org, audience, inputOf(req.body, org), principal.accountId);
        await emitDocumentPublished(uow, created.id);
        return created;
      });
      return reply.status(201).send(await present(ctx, principal, doc.id));
    },
  );

  api.get(
    '/api/v1/documents/:id',
    {
      config: { access: 'content.read' },
      schema: {
        tags,
        summary: 'Xem văn bản (các đoạn có mã để trích dẫn)',
        params: IdParams,
        response: { 200: DocumentView },
      },
    },
    async (req) => present(ctx, principalOf(req), req.params.id),
  );

  api.put(
    '/api/v1/documents/:id',
    {
      config: { access: 'content.publish' },
      schema: {
        tags,
        summary: 'Sửa văn bản',
        params: IdParams,
        body: DocumentBody,
        response: { 200: DocumentView },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const { doc } = await loadManagedDocument(ctx, req, req.params.id);
      const org = (await findOrg(ctx.db, doc.org_id))!;
      const audience = req.body.audienceOrgIds
        ? await audienceOrgs(ctx, principal, org, req.body.audienceOrgIds)
        : null;
      const input = inputOf(req.body, org);
      if (req.body.body === undefined) input.body = doc.body;
      await mutate(ctx, actorOf(req), (uow) => updateDocument(uow, doc, audience, input));
      return present(ctx, principal, doc.id);
    },
  );

  for (const [action, status] of [
    ['withdraw', 'withdrawn'],
    ['republish', 'published'],
  ] as const) {
    api.post(
      `/api/v1/documents/:id/${action}`,
      {
        config: { access: 'content.publish' },
        schema: {
          tags,
          summary: action === 'withdraw' ? 'Thu hồi văn bản' : 'Đăng lại văn bản đã thu hồi',
          params: IdParams,
          response: { 200: DocumentView },
        },
      },
      async (req) => {
        const { doc } = await loadManagedDocument(ctx, req, req.params.id);
        await mutate(ctx, actorOf(req), (uow) => setDocumentStatus(uow, doc, status));
        return present(ctx, principalOf(req), doc.id);
      },
    );
  }

  api.post(
    '/api/v1/documents/:id/files',
    {
      config: { access: 'content.publish' },
      schema: {
        tags,
        summary: 'Đính kèm tệp PDF/DOCX (trích xuất văn bản để tìm kiếm, đọc và ôn tập)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: DocumentFileView },
      },
    },
    async (req, reply) => {
      const { doc } = await loadManagedDocument(ctx, req, req.params.id);
      if (!req.isMultipart()) throw new AppError('UPLOAD_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('UPLOAD_REQUIRED');
      const bytes = new Uint8Array(await file.toBuffer());
      const saved = await saveUpload(fileStoreOf(ctx), {
        bytes,
        name: file.filename,
        allowed: DOCUMENT_KINDS,
        maxBytes: ctx.config.maxUploadBytes,
      });
      // A corrupt file is kept (people may still download it) but reported as "no text extracted".
      const extracted = await extractText(bytes, saved.mime);
      const fileId = await mutate(ctx, actorOf(req), (uow) => attachFile(uow, doc, saved, extracted));
      const f = (await filesOf(ctx.db, doc.id)).find((x) => x.id === fileId)!;
      return reply.status(201).send({ ...f, url: `/api/v1/documents/${doc.id}/files/${f.id}` });
    },
  );

  api.delete(
    '/api/v1/documents/:id/files/:fileId',
    {
      config: { access: 'content.publish' },
      schema: { tags, summary: 'Gỡ tệp đính kèm', params: FileParams },
    },
    async (req, reply) => {
      const { doc } = await loadManagedDocument(ctx, req, req.params.id);
      await mutate(ctx, actorOf(req), (uow) => removeFile(uow, doc, req.params.fileId));
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/documents/:id/files/:fileId',
    {
      config: { access: 'content.read' },
      schema: {
        tags,
        summary: 'Tải tệp đính kèm',
        params: FileParams,
        querystring: Type.Object({ inline: Type.Optional(Type.Boolean()) }),
      },
    },
    async (req, reply) => {
      const { doc } = await loadReadableDocument(ctx, principalOf(req), req.params.id);
      const row = await ctx.db
        .selectFrom('document_files')
        .selectAll()
        .where('id', '=', req.params.fileId)
        .where('document_id', '=', doc.id)
        .executeTakeFirst();
      if (!row) throw notFound();
      return sendStoredFile(reply, fileStoreOf(ctx), row.file_key, {
        mime: row.mime,
        fileName: row.file_name,
        size: Number(row.size),
        inline: req.query.inline === true,
      });
    },
  );

  const bookmark = (on: boolean) => async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const principal = principalOf(req);
    const { doc } = await loadReadableDocument(ctx, principal, req.params.id);
    await mutate(ctx, actorOf(req), (uow) => setBookmark(uow, principal.accountId, doc.id, on));
    return { bookmarked: on };
  };
  const BookmarkReply = { 200: Type.Object({ bookmarked: Type.Boolean() }) };
  api.put(
    '/api/v1/documents/:id/bookmark',
    {
      config: { access: 'content.read' },
      schema: { tags, summary: 'Đánh dấu văn bản để đọc sau', params: IdParams, response: BookmarkReply },
    },
    bookmark(true),
  );
  api.delete(
    '/api/v1/documents/:id/bookmark',
    {
      config: { access: 'content.read' },
      schema: { tags, summary: 'Bỏ đánh dấu văn bản', params: IdParams, response: BookmarkReply },
    },
    bookmark(false),
  );

  api.post(
    '/api/v1/documents/:id/read',
    {
      config: { access: 'content.read' },
      schema: {
        tags,
        summary: 'Ghi nhận đã mở / đã đọc hết văn bản',
        params: IdParams,
        body: Type.Object({ finished: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            openedAt: Type.Union([Type.String(), Type.Null()]),
            finishedAt: Type.Union([Type.String(), Type.Null()]),
          }),
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const { doc } = await loadReadableDocument(ctx, principal, req.params.id);
      await mutate(ctx, actorOf(req), (uow) =>
        markRead(uow, principal.accountId, doc.id, req.body.finished === true),
      );
      const s = await readState(ctx.db, principal.accountId, doc.id);
      return { openedAt: s.openedAt, finishedAt: s.finishedAt };
    },
  );

  api.get(
    '/api/v1/documents/:id/reads',
    {
      config: { access: 'content.publish' },
      schema: {
        tags,
        summary: 'Ai đã mở, ai đã đọc hết văn bản',
        params: IdParams,
        response: {
          200: Type.Object({
            audienceMembers: Type.Integer(),
            opened: Type.Integer(),
            finished: Type.Integer(),
            readers: Type.Array(
              Type.Object({
                memberId: Type.String(),
                fullName: Type.String(),
                openedAt: Type.String(),
                finishedAt: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const { doc, audience } = await loadManagedDocument(ctx, req, req.params.id);
      // Only readers inside both the audience and the manager's own member.read scope are listed.
      const countRow = await ctx.db
        .selectFrom('members as m')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('m.erased_at', 'is', null)
        .where(insideSql('m.org_path', audience))
        .executeTakeFirstOrThrow();
      const rows = await ctx.db
        .selectFrom('document_reads as r')
        .innerJoin('accounts as a', 'a.id', 'r.account_id')
        .innerJoin('members as m', 'm.id', 'a.member_id')
        .select(['m.id', 'm.full_name', 'm.org_path', 'r.opened_at', 'r.finished_at'])
        .where('r.document_id', '=', doc.id)
        .where(insideSql('m.org_path', audience))
        .orderBy('r.opened_at', 'desc')
        .limit(5000)
        .execute();
      const visible = rows.filter((r) => can(principal, 'org.read', r.org_path));
      return {
        audienceMembers: Number(countRow.n),
        opened: rows.length,
        finished: rows.filter((r) => r.finished_at !== null).length,
        readers: visible.slice(0, 500).map((r) => ({
          memberId: r.id,
          fullName: r.full_name,
          openedAt: r.opened_at,
          finishedAt: r.finished_at,
        })),
      };
    },
  );
}
