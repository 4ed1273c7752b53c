import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { can, requirePermission, type Principal } from '../../platform/permissions/check.ts';
import { contentDisposition } from '../../platform/files/content-disposition.ts';
import { IdParams, Id } from '../orgs/schemas.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { findOrg } from '../orgs/queries.ts';
import { findMember, listMembersUnder, type Member } from './queries.ts';
import { createMember, transferMember, updateMember } from './service.ts';
import { validateMember } from './input.ts';
import { importMembers } from './import.ts';

const tags = ['Đảng viên'];
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const MemberView = Type.Object({
  id: Type.String(),
  fullName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  position: Nullable(Type.String()),
  gender: Nullable(Type.String()),
  // Personal fields are present only for viewers holding member.read over the member's branch.
  birthDate: Type.Optional(Nullable(Type.String())),
  phone: Type.Optional(Nullable(Type.String())),
  cardNumber: Type.Optional(Nullable(Type.String())),
  admittedOn: Type.Optional(Nullable(Type.String())),
  fullMemberOn: Type.Optional(Nullable(Type.String())),
  hostOrgId: Type.Optional(Nullable(Type.String())),
});

const MemberBody = Type.Object(
  {
    fullName: Type.String({ maxLength: 200 }),
    gender: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    birthDate: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    cardNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    admittedOn: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    fullMemberOn: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    kind: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
    status: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    position: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);

/** The presenter: personal data only for those allowed to read it. */
export function presentMember(principal: Principal, m: Member) {
  const base = {
    id: m.id,
    fullName: m.fullName,
    orgId: m.orgId,
    orgName: m.orgName,
    kind: m.kind,
    status: m.status,
    position: m.position,
    gender: m.gender,
  };
  const self = principal.memberId === m.id;
  if (!self && !can(principal, 'member.read', m.orgPath)) return base;
  return {
    ...base,
    birthDate: m.birthDate,
    phone: m.phone,
    cardNumber: m.cardNumber,
    admittedOn: m.admittedOn,
    fullMemberOn: m.fullMemberOn,
    hostOrgId: m.hostOrgId,
  };
}

function validBody(body: Record<string, unknown>) {
  const { value, errors } = validateMember(body);
  if (!value) throw new AppError('MEMBER_INVALID', { details: errors });
  return value;
}

async function loadVisibleMember(ctx: AppContext, req: FastifyRequest, id: string): Promise<Member> {
  const m = await findMember(ctx.db, id);
  const principal = principalOf(req);
  if (!m || m.erased || (principal.memberId !== m.id && !can(principal, 'org.read', m.orgPath)))
    throw notFound();
  return m;
}

export function memberRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/orgs/:id/members',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Danh sách đảng viên trong tổ chức và các tổ chức trực thuộc',
        params: IdParams,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          status: Type.Optional(
            Type.Union(
              ['active', 'working_away', 'exempt', 'temporarily_transferred'].map((s) => Type.Literal(s)),
            ),
          ),
          kind: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('probationary')])),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          cursor: Type.Optional(Type.String({ maxLength: 300 })),
        }),
        response: {
          200: Type.Object({ items: Type.Array(MemberView), nextCursor: Nullable(Type.String()) }),
        },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      const q = req.query;
      const page = await listMembersUnder(ctx.db, org.path, {
        q: q.q,
        status: q.status as Member['status'] | undefined,
        kind: q.kind,
        limit: q.limit ?? 50,
        cursor: q.cursor,
      });
      const principal = principalOf(req);
      return { items: page.items.map((m) => presentMember(principal, m)), nextCursor: page.nextCursor };
    },
  );

  api.post(
    '/api/v1/orgs/:id/members',
    {
      config: { access: 'member.manage' },
      schema: {
        tags,
        summary: 'Thêm đảng viên vào chi bộ',
        params: IdParams,
        body: MemberBody,
        response: { 201: MemberView },
      },
    },
    async (req, reply) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'member.manage', org.path);
      const input = validBody(req.body);
      const m = await mutate(ctx, actorOf(req), (uow) => createMember(uow, org, input));
      return reply.status(201).send(presentMember(principalOf(req), m));
    },
  );

  api.get(
    '/api/v1/members/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Hồ sơ đảng viên', params: IdParams, response: { 200: MemberView } },
    },
    async (req) => presentMember(principalOf(req), await loadVisibleMember(ctx, req, req.params.id)),
  );

  api.put(
    '/api/v1/members/:id',
    {
      config: { access: 'member.manage' },
      schema: {
        tags,
        summary: 'Sửa hồ sơ đảng viên',
        params: IdParams,
        body: MemberBody,
        response: { 200: MemberView },
      },
    },
    async (req) => {
      const m = await loadVisibleMember(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'member.manage', m.orgPath);
      const input = validBody(req.body);
      const after = await mutate(ctx, actorOf(req), (uow) => updateMember(uow, m, input));
      return presentMember(principalOf(req), after);
    },
  );

  api.post(
    '/api/v1/members/:id/transfer',
    {
      config: { access: 'member.manage' },
      schema: {
        tags,
        summary: 'Chuyển sinh hoạt đảng (chính thức, tạm thời, trở về)',
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('permanent'), Type.Literal('temporary'), Type.Literal('return')]),
            toOrgId: Type.Optional(Id),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: MemberView },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const m = await loadVisibleMember(ctx, req, req.params.id);
      requirePermission(principal, 'member.manage', m.orgPath);
      let target = null;
      if (req.body.kind !== 'return') {
        if (!req.body.toOrgId)
          throw new AppError('VALIDATION_FAILED', {
            details: [{ field: 'toOrgId', message: 'Chọn chi bộ chuyển đến.' }],
          });
        // The receiving branch may lie outside the sender's subtree: a transfer only needs the target to exist.
        target = await findOrg(ctx.db, req.body.toOrgId);
        if (!target) throw notFound();
      }
      const after = await mutate(ctx, actorOf(req), (uow) =>
        transferMember(uow, m, req.body.kind, target, req.body.note ?? null, principal.accountId),
      );
      return presentMember(principal, after);
    },
  );

  api.get(
    '/api/v1/members/:id/transfers',
    {
      config: { access: 'member.read' },
      schema: {
        tags,
        summary: 'Lịch sử chuyển sinh hoạt',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                kind: Type.String(),
                fromOrgId: Type.String(),
                toOrgId: Type.String(),
                at: Type.String(),
                note: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const m = await loadVisibleMember(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'member.read', m.orgPath);
      const rows = await ctx.db
        .selectFrom('member_transfers')
        .selectAll()
        .where('member_id', '=', m.id)
        .orderBy('at')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          fromOrgId: r.from_org_id,
          toOrgId: r.to_org_id,
          at: r.at,
          note: r.note,
        })),
      };
    },
  );

  api.post(
    '/api/v1/orgs/:id/members/import',
    {
      config: { access: 'member.manage' },
      schema: {
        tags,
        summary: 'Nhập danh sách đảng viên từ Excel (.xlsx) hoặc CSV',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: Type.Object({ imported: Type.Integer() }) },
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'member.manage', org.path);
      if (!req.isMultipart()) throw new AppError('UPLOAD_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('UPLOAD_REQUIRED');
      const name = file.filename.toLowerCase();
      if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED');
      const bytes = await file.toBuffer();
      if (name.endsWith('.xlsx') && !(bytes[0] === 0x50 && bytes[1] === 0x4b))
        throw new AppError('UPLOAD_CONTENT_MISMATCH');
      const { readMemberSheet } = await import('./spreadsheet.ts');
      const rows = await readMemberSheet(bytes, name);
      return mutate(ctx, actorOf(req), (uow) => importMembers(uow, org, rows));
    },
  );

  api.get(
    '/api/v1/orgs/:id/members/export',
    {
      config: { access: 'member.read' },
      schema: { tags, summary: 'Xuất danh sách đảng viên ra Excel', params: IdParams },
    },
    async (req, reply) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'member.read', org.path);
      const all: Member[] = [];
      let cursor: string | undefined;
      do {
        const page = await listMembersUnder(ctx.db, org.path, { limit: 1000, cursor });
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && all.length < 200_000);
      const { writeMemberSheet } = await import('./spreadsheet.ts');
      const buf = await writeMemberSheet(all, `Danh sách đảng viên — ${org.name}`);
      await mutate(ctx, actorOf(req), (uow) =>
        uow.audit({
          action: 'member.export',
          entityType: 'org',
          entityId: org.id,
          orgPath: org.path,
          after: { count: all.length },
        }),
      );
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('Content-Disposition', contentDisposition(`Danh sách đảng viên - ${org.name}.xlsx`))
        .send(buf);
    },
  );
}
