import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { AppError } from '../../platform/errors.ts';
import { requirePermission, type Principal } from '../../platform/permissions/check.ts';
import { ROLE_PERMISSIONS } from '../../platform/permissions/roles.ts';
import { findMember } from '../members/queries.ts';
import { eraseMember, personalData } from './service.ts';
import { personalDataPdf } from './pdf.ts';
import { RETENTION_KEYS, type RegisteredContributor } from './registry.ts';
import { RETENTION_RULES, retentionSettings, saveRetentionSettings } from './retention.ts';

const tags = ['Dữ liệu cá nhân'];

/** Retention applies to the whole installation: set by an administrator of a root organisation only. */
function requireRootAdmin(principal: Principal): void {
  const ok = principal.grants.some(
    (g) =>
      !g.implicit &&
      g.orgPath.split('/').filter(Boolean).length === 1 &&
      ROLE_PERMISSIONS[g.role].has('role.grant'),
  );
  if (!ok) throw new AppError('FORBIDDEN');
}

const Days = (key: (typeof RETENTION_KEYS)[number]) =>
  Type.Integer({ minimum: RETENTION_RULES[key].minDays, maximum: RETENTION_RULES[key].maxDays });

const SettingsBody = Type.Object(
  Object.fromEntries(RETENTION_KEYS.map((k) => [k, Type.Optional(Days(k))])) as Record<
    (typeof RETENTION_KEYS)[number],
    ReturnType<typeof Type.Optional<ReturnType<typeof Days>>>
  >,
  { additionalProperties: false },
);

export function privacyRoutes(
  api: Api,
  ctx: AppContext,
  contributors: () => readonly RegisteredContributor[],
): void {
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
      const data = await personalData(ctx, ctx.db, contributors(), principalOf(req).accountId);
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
      await mutate(ctx, actorOf(req), (uow) =>
        eraseMember(uow, ctx, contributors(), member, req.body.reason),
      );
      return reply.status(204).send();
    },
  );

  const retentionView = async () => {
    const last = await ctx.db
      .selectFrom('audit_log')
      .select(['at', 'after'])
      .where('action', '=', 'privacy.retention_run')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let lastRun: { at: string; deleted: Record<string, number> } | null = null;
    if (last) {
      const after = JSON.parse(String(last.after ?? '{}')) as { deleted?: Record<string, number> };
      lastRun = { at: last.at, deleted: after.deleted ?? {} };
    }
    return { settings: await retentionSettings(ctx.db), rules: RETENTION_RULES, lastRun };
  };

  const RetentionView = Type.Object({
    settings: Type.Record(Type.String(), Type.Integer()),
    rules: Type.Record(
      Type.String(),
      Type.Object({ defaultDays: Type.Integer(), minDays: Type.Integer(), maxDays: Type.Integer() }),
    ),
    lastRun: Type.Union([
      Type.Object({ at: Type.String(), deleted: Type.Record(Type.String(), Type.Integer()) }),
      Type.Null(),
    ]),
  });

  api.get(
    '/api/v1/privacy/retention',
    {
      config: { access: 'role.grant' },
      schema: {
        tags,
        summary: 'Thời hạn lưu trữ dữ liệu (quản trị viên tổ chức gốc)',
        response: { 200: RetentionView },
      },
    },
    async (req) => {
      requireRootAdmin(principalOf(req));
      return retentionView();
    },
  );

  api.put(
    '/api/v1/privacy/retention',
    {
      config: { access: 'role.grant' },
      schema: {
        tags,
        summary: 'Đặt thời hạn lưu trữ dữ liệu (số ngày cho từng loại)',
        body: SettingsBody,
        response: { 200: RetentionView },
      },
    },
    async (req) => {
      requireRootAdmin(principalOf(req));
      await mutate(ctx, actorOf(req), (uow) => saveRetentionSettings(uow, req.body));
      return retentionView();
    },
  );
}
