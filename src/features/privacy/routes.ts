import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { AppError } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/permissions/check.ts';
import { findMember } from '../members/queries.ts';
import { eraseMember, personalData } from './service.ts';
import { personalDataPdf } from './pdf.ts';

const tags = ['Dữ liệu cá nhân'];

export function privacyRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/me/personal-data',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Tải về toàn bộ dữ liệu cá nhân về tôi (JSON, hoặc PDF với ?format=pdf)',
        querystring: Type.Object(
          { format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('pdf')])) },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const data = await personalData(ctx.db, principalOf(req).accountId);
      const day = data.generatedAt.slice(0, 10);
      void reply.header('cache-control', 'no-store');
      if (req.query.format === 'pdf') {
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="du-lieu-ca-nhan-${day}.pdf"`)
          .send(await personalDataPdf(data));
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="du-lieu-ca-nhan-${day}.json"`)
        .send(JSON.stringify(data, null, 2));
    },
  );

  api.post(
    '/api/v1/members/:id/erase',
    {
      config: { access: 'role.grant' },
      schema: {
        tags,
        summary: 'Xóa dữ liệu cá nhân của đảng viên đã rời tổ chức, giữ hồ sơ cuộc họp ở dạng ẩn danh',
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
        }),
        body: Type.Object(
          {
            confirmFullName: Type.String({ minLength: 1, maxLength: 200 }),
            reason: Type.String({ minLength: 3, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const member = await findMember(ctx.db, req.params.id);
      if (!member) throw new AppError('NOT_FOUND');
      // Erasure is an administrator's act on their own subtree.
      requirePermission(principal, 'role.grant', member.orgPath);
      if (member.erased) throw new AppError('PRIVACY_ALREADY_ERASED');
      if (member.fullName.normalize('NFC').trim() !== req.body.confirmFullName.normalize('NFC').trim())
        throw new AppError('PRIVACY_CONFIRMATION_MISMATCH');
      await mutate(ctx, actorOf(req), (uow) => eraseMember(uow, member, req.body.reason));
      return reply.status(204).send();
    },
  );
}
