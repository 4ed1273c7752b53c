import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { AppError } from '../../platform/errors.ts';
import { SESSION_COOKIE, deleteSession } from '../../platform/auth/sessions.ts';
import { completeSecondFactor } from '../../platform/auth/totp-gate.ts';
import { confirm, disable, enrol, regenerateRecoveryCodes, status, verify } from './service.ts';

const tags = ['Xác thực hai bước'];
const Code = Type.String({ minLength: 6, maxLength: 12, pattern: '^[0-9 ]+$' });
const Password = Type.String({ minLength: 1, maxLength: 256 });
const Codes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });
const Status = Type.Object({
  enabled: Type.Boolean(),
  required: Type.Boolean(),
  pending: Type.Union([Type.Literal('verify'), Type.Literal('enrol'), Type.Null()]),
  recoveryCodesLeft: Type.Integer(),
});

export function twoFactorRoutes(api: Api, ctx: AppContext): void {
  // Routes marked secondFactorStep stay open to a session held at the second step; the rest of the API does not.
  const step = { access: 'session' as const, secondFactorStep: true };

  api.get(
    '/api/v1/auth/two-factor',
    {
      config: step,
      schema: { tags, summary: 'Trạng thái xác thực hai bước của tôi', response: { 200: Status } },
    },
    async (req) => status(ctx, principalOf(req), req.secondFactor),
  );

  api.post(
    '/api/v1/auth/two-factor/enrol',
    {
      config: step,
      schema: {
        tags,
        summary: 'Bắt đầu bật xác thực hai bước: mã QR và khóa bí mật cho ứng dụng xác thực',
        response: {
          200: Type.Object({ secret: Type.String(), otpauthUrl: Type.String(), qrSvg: Type.String() }),
        },
      },
    },
    async (req) => {
      // Held at the code step means two-factor is on; enrolling again would bypass it.
      if (req.secondFactor === 'verify') throw new AppError('AUTH_SECOND_FACTOR_REQUIRED');
      return enrol(ctx, req.account!);
    },
  );

  api.post(
    '/api/v1/auth/two-factor/confirm',
    {
      config: step,
      schema: {
        tags,
        summary: 'Xác nhận mã đầu tiên để bật xác thực hai bước; nhận các mã dự phòng',
        body: Type.Object({ code: Code }, { additionalProperties: false }),
        response: { 200: Codes },
      },
    },
    async (req) => {
      if (req.secondFactor === 'verify') throw new AppError('AUTH_SECOND_FACTOR_REQUIRED');
      const recoveryCodes = await confirm(ctx, actorOf(req), {
        accountId: principalOf(req).accountId,
        sessionId: req.sessionId,
        code: req.body.code,
      });
      return { recoveryCodes };
    },
  );

  api.post(
    '/api/v1/auth/two-factor/verify',
    {
      config: step,
      schema: {
        tags,
        summary: 'Bước đăng nhập thứ hai: mã từ ứng dụng xác thực hoặc một mã dự phòng',
        body: Type.Union([
          Type.Object({ code: Code }, { additionalProperties: false }),
          Type.Object(
            { recoveryCode: Type.String({ minLength: 10, maxLength: 20 }) },
            { additionalProperties: false },
          ),
        ]),
        response: { 200: Type.Object({ recoveryCodesLeft: Type.Union([Type.Integer(), Type.Null()]) }) },
      },
    },
    async (req) => {
      if (req.secondFactor !== 'verify') throw new AppError('TWO_FACTOR_NOT_ENABLED');
      const body = req.body as { code?: string; recoveryCode?: string };
      return verify(ctx, actorOf(req), {
        accountId: principalOf(req).accountId,
        sessionId: req.sessionId!,
        code: body.code,
        recoveryCode: body.recoveryCode,
      });
    },
  );

  api.post(
    '/api/v1/auth/two-factor/cancel',
    {
      config: step,
      schema: { tags, summary: 'Hủy đăng nhập đang chờ bước thứ hai' },
    },
    async (req, reply) => {
      if (req.sessionId) {
        await completeSecondFactor(ctx.db, req.sessionId);
        await deleteSession(ctx.db, req.sessionId);
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/auth/two-factor/recovery-codes',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Tạo bộ mã dự phòng mới (các mã cũ hết hiệu lực)',
        body: Type.Object({ password: Password }, { additionalProperties: false }),
        response: { 200: Codes },
      },
    },
    async (req) => ({
      recoveryCodes: await regenerateRecoveryCodes(
        ctx,
        actorOf(req),
        principalOf(req).accountId,
        req.body.password,
      ),
    }),
  );

  api.post(
    '/api/v1/auth/two-factor/disable',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Tắt xác thực hai bước (cần mật khẩu)',
        body: Type.Object({ password: Password }, { additionalProperties: false }),
      },
    },
    async (req, reply) => {
      await disable(ctx, actorOf(req), principalOf(req), req.body.password);
      return reply.status(204).send();
    },
  );
}
