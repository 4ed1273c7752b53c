import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { OFFICE_KINDS, saveUpload, sendStoredFile } from '../../../platform/files/index.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { fileStoreOf } from '../../documents/file-store.ts';
import { attachExchangeFile } from '../service.ts';
import { tags, FileParams, loadMessage, senderOnly } from './shared.ts';

/** Files of a letter: attach after sending, download by those who may see the letter. */
export function fileRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/exchange/:id/files',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Đính kèm tệp vào văn bản đi',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 201: Type.Object({ id: Type.String(), fileName: Type.String(), url: Type.String() }) },
      },
    },
    async (req, reply) => {
      const m = await senderOnly(ctx, req, req.params.id);
      if (!req.isMultipart()) throw new AppError('UPLOAD_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('UPLOAD_REQUIRED');
      const saved = await saveUpload(fileStoreOf(ctx), {
        bytes: new Uint8Array(await file.toBuffer()),
        name: file.filename,
        allowed: OFFICE_KINDS,
        maxBytes: ctx.config.maxUploadBytes,
      });
      const id = await mutate(ctx, actorOf(req), (uow) => attachExchangeFile(uow, m.id, saved));
      return reply
        .status(201)
        .send({ id, fileName: saved.fileName, url: `/api/v1/exchange/${m.id}/files/${id}` });
    },
  );

  api.get(
    '/api/v1/exchange/:id/files/:fileId',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Tải tệp đính kèm', params: FileParams },
    },
    async (req, reply) => {
      const { m } = await loadMessage(ctx, principalOf(req), req.params.id);
      const row = await ctx.db
        .selectFrom('exchange_files')
        .selectAll()
        .where('id', '=', req.params.fileId)
        .where('message_id', '=', m.id)
        .executeTakeFirst();
      if (!row) throw notFound();
      return sendStoredFile(reply, fileStoreOf(ctx), row.file_key, {
        mime: row.mime,
        fileName: row.file_name,
        size: Number(row.size),
      });
    },
  );
}
