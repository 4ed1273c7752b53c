import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { saveUpload, DOCUMENT_KINDS, fileResponseHeaders } from '../../../platform/files/index.ts';
import { reminderTimes } from '../domain/index.ts';
import { loadMeeting } from '../access.ts';
import { attendanceOf } from '../queries.ts';
import * as S from '../schemas.ts';
import { addMaterial, markRead, removeMaterial, assertOpen } from '../service.ts';
import { tags, filesOf } from './shared.ts';

/** Preparation materials and who has read them. */
export function materialRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/meetings/:id/materials',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Đính kèm tài liệu (văn bản thư viện, đường dẫn, hướng dẫn cấp trên)',
        params: S.MeetingParams,
        body: S.MaterialBody,
      },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const id = await mutate(ctx, actorOf(req), (uow) => addMaterial(uow, m, req.body));
      return reply.status(201).send({ id });
    },
  );

  api.post(
    '/api/v1/meetings/:id/materials/upload',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Tải lên tệp tài liệu', params: S.MeetingParams },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      assertOpen(m);
      if (!req.isMultipart()) throw new AppError('UPLOAD_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('UPLOAD_REQUIRED');
      const saved = await saveUpload(filesOf(ctx), {
        bytes: new Uint8Array(await file.toBuffer()),
        name: file.filename,
        allowed: DOCUMENT_KINDS,
        maxBytes: ctx.config.maxUploadBytes,
      });
      const id = await mutate(ctx, actorOf(req), (uow) =>
        addMaterial(uow, m, {
          kind: 'file',
          title: saved.fileName,
          file: { key: saved.key, name: saved.fileName, mime: saved.mime },
        }),
      );
      return reply.status(201).send({ id });
    },
  );

  api.get(
    '/api/v1/meetings/:id/materials/:materialId/file',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Tải tệp tài liệu (ghi nhận đã xem)', params: S.MaterialParams },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const row = await ctx.db
        .selectFrom('meeting_materials')
        .selectAll()
        .where('id', '=', req.params.materialId)
        .where('meeting_id', '=', m.id)
        .executeTakeFirst();
      if (!row?.file_key) throw notFound();
      const p = principalOf(req);
      if (p.memberId) await markRead(ctx.db, m.id, p.memberId);
      const store = filesOf(ctx);
      const stat = await store.stat(row.file_key);
      const stream = await store.get(row.file_key);
      if (!stat || !stream) throw notFound();
      reply.headers(
        fileResponseHeaders({
          mime: row.file_mime ?? 'application/octet-stream',
          fileName: row.file_name ?? 'tai-lieu',
          size: stat.size,
        }),
      );
      return reply.send(stream);
    },
  );

  api.delete(
    '/api/v1/meetings/:id/materials/:materialId',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Gỡ tài liệu', params: S.MaterialParams },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      await mutate(ctx, actorOf(req), (uow) => removeMaterial(uow, m, req.params.materialId));
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/meetings/:id/read',
    {
      config: { access: 'meeting.attend' },
      schema: { tags, summary: 'Ghi nhận đảng viên đã mở tài liệu', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'attend');
      const p = principalOf(req);
      if (p.memberId) await markRead(ctx.db, m.id, p.memberId);
      return { ok: true };
    },
  );

  api.get(
    '/api/v1/meetings/:id/reads',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Ai đã mở tài liệu, ai chưa', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const { members } = await attendanceOf(ctx.db, m);
      const reads = await ctx.db
        .selectFrom('meeting_reads')
        .selectAll()
        .where('meeting_id', '=', m.id)
        .execute();
      const byMember = new Map(reads.map((r) => [r.member_id, r]));
      const items = members.map((x) => ({
        memberId: x.id,
        name: x.name,
        openedAt: byMember.get(x.id)?.first_at ?? null,
      }));
      // When the members who have not opened the materials are to be reminded (2 days before, on the day).
      const reminders = reminderTimes(m.starts_at).map((r) => ({
        kind: r.kind,
        at: r.at.toISOString(),
        days: r.days ?? null,
      }));
      return {
        items,
        opened: items.filter((i) => i.openedAt).length,
        total: items.length,
        reminders,
        notOpened: items.filter((i) => !i.openedAt).map((i) => i.memberId),
      };
    },
  );
}
