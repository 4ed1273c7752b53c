import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import {
  can,
  requirePermission,
  scopesFor,
  subtreeBounds,
  type Principal,
} from '../../platform/permissions/check.ts';
import { Id, IdParams } from '../orgs/schemas.ts';
import { findOrgs, listChildren } from '../orgs/queries.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import { loadReadableDocument } from '../documents/routes.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';
import { branchPathOf } from '../quizzes/contests.ts';
import type { StudyAssignmentTable } from './tables.ts';
import './errors.ts';

const tags = ['Học tập và thi'];

const AssignmentView = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  documentId: Type.String(),
  documentTitle: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  deadline: Type.String(),
  paragraphCount: Type.Integer(),
  /** The caller's own marks (empty for committee accounts without a member record). */
  studied: Type.Array(Type.String()),
  canTrack: Type.Boolean(),
});

function ancestorsOf(path: string): string[] {
  const segs = path.split('/').filter(Boolean);
  return segs.map((_, i) => `/${segs.slice(0, i + 1).join('/')}/`);
}

async function loadVisibleAssignment(ctx: AppContext, principal: Principal, id: string) {
  const a = await ctx.db.selectFrom('study_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!a) throw notFound();
  const branch = branchPathOf(principal);
  if (!(branch?.startsWith(a.org_path) || can(principal, 'study.assign', a.org_path))) throw notFound();
  return a;
}

async function present(ctx: AppContext, principal: Principal, rows: StudyAssignmentTable[]) {
  if (rows.length === 0) return [];
  const [docs, orgs, marks] = await Promise.all([
    ctx.db
      .selectFrom('documents')
      .select(['id', 'title', 'body'])
      .where('id', 'in', [...new Set(rows.map((r) => r.document_id))])
      .execute(),
    findOrgs(ctx.db, [...new Set(rows.map((r) => r.org_id))]),
    ctx.db
      .selectFrom('study_marks')
      .select(['assignment_id', 'paragraph_id'])
      .where('account_id', '=', principal.accountId)
      .where(
        'assignment_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute(),
  ]);
  return rows.map((r) => {
    const doc = docs.find((d) => d.id === r.document_id);
    return {
      id: r.id,
      orgId: r.org_id,
      orgName: orgs.find((o) => o.id === r.org_id)?.name ?? '',
      documentId: r.document_id,
      documentTitle: doc?.title ?? '',
      note: r.note,
      deadline: r.deadline,
      paragraphCount: doc ? paragraphsOf(doc.body).length : 0,
      studied: marks.filter((m) => m.assignment_id === r.id).map((m) => m.paragraph_id),
      canTrack: can(principal, 'study.assign', r.org_path),
    };
  });
}

/** Members of a subtree who count for progress. */
async function memberCount(ctx: AppContext, path: string): Promise<number> {
  const [lo, hi] = subtreeBounds(path);
  const r = await ctx.db
    .selectFrom('members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export function studyRoutes(api: Api, ctx: AppContext): void {
  api.post(
    '/api/v1/orgs/:id/study-assignments',
    {
      config: { access: 'study.assign' },
      schema: {
        tags,
        summary: 'Giao văn bản cho tổ chức và các tổ chức trực thuộc học tập, có hạn',
        params: IdParams,
        body: Type.Object({
          documentId: Id,
          deadline: Type.String({ format: 'date' }),
          note: Type.Optional(Type.String({ maxLength: 1000 })),
        }),
        response: { 201: AssignmentView },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principal, 'study.assign', org.path);
      const { doc } = await loadReadableDocument(ctx, principal, req.body.documentId);
      const row: StudyAssignmentTable = {
        id: newId(),
        org_id: org.id,
        org_path: org.path,
        document_id: doc.id,
        note: req.body.note?.normalize('NFC').trim() || null,
        deadline: req.body.deadline,
        created_by: principal.accountId,
        created_at: new Date().toISOString(),
      };
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx.insertInto('study_assignments').values(row).execute();
        await uow.audit({
          action: 'study.assigned',
          entityType: 'study_assignment',
          entityId: row.id,
          orgPath: org.path,
          after: row,
        });
        uow.emit({
          topic: 'documents.published',
          payload: {
            title: `Học tập: ${doc.title}`,
            body: `${org.name} giao học tập văn bản, hạn ${row.deadline.split('-').reverse().join('/')}.`,
            url: `/study/${row.id}`,
            orgPath: org.path,
            eventId: `study:${row.id}`,
          },
        });
      });
      return reply.status(201).send((await present(ctx, principal, [row]))[0]!);
    },
  );

  api.get(
    '/api/v1/study-assignments',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Văn bản được giao học tập (của tôi và do cấp ủy tôi giao)',
        response: { 200: Type.Object({ items: Type.Array(AssignmentView) }) },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const branch = branchPathOf(principal);
      const ancestors = branch ? ancestorsOf(branch) : [];
      const scopes = scopesFor(principal, 'study.assign');
      if (ancestors.length === 0 && scopes.length === 0) return { items: [] };
      const rows = await ctx.db
        .selectFrom('study_assignments')
        .selectAll()
        .where((eb) =>
          eb.or([
            ...(ancestors.length ? [eb('org_path', 'in', ancestors)] : []),
            ...scopes.map((s) => {
              const [lo, hi] = subtreeBounds(s);
              return eb.and([eb('org_path', '>=', lo), eb('org_path', '<', hi)]);
            }),
          ]),
        )
        .orderBy('deadline', 'desc')
        .limit(100)
        .execute();
      return { items: await present(ctx, principal, rows) };
    },
  );

  api.get(
    '/api/v1/study-assignments/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Một văn bản được giao học tập',
        params: IdParams,
        response: { 200: AssignmentView },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const a = await loadVisibleAssignment(ctx, principal, req.params.id);
      return (await present(ctx, principal, [a]))[0]!;
    },
  );

  api.post(
    '/api/v1/study-assignments/:id/studied',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Đánh dấu đã học (hoặc bỏ đánh dấu) các đoạn của văn bản',
        params: IdParams,
        body: Type.Object({
          paragraphIds: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 500 }),
          studied: Type.Optional(Type.Boolean()),
        }),
        response: { 200: AssignmentView },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const a = await loadVisibleAssignment(ctx, principal, req.params.id);
      const branch = branchPathOf(principal);
      if (!branch || !branch.startsWith(a.org_path) || !principal.memberId)
        throw new AppError('STUDY_MEMBERS_ONLY');
      const doc = await ctx.db
        .selectFrom('documents')
        .select('body')
        .where('id', '=', a.document_id)
        .executeTakeFirstOrThrow();
      const known = new Set(paragraphsOf(doc.body).map((p) => p.id));
      const ids = [...new Set(req.body.paragraphIds)];
      if (ids.some((p) => !known.has(p))) throw new AppError('STUDY_UNKNOWN_PARAGRAPH');
      const memberId = principal.memberId;
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx
          .deleteFrom('study_marks')
          .where('assignment_id', '=', a.id)
          .where('account_id', '=', principal.accountId)
          .where('paragraph_id', 'in', ids)
          .execute();
        if (req.body.studied !== false) {
          const now = new Date().toISOString();
          await uow.trx
            .insertInto('study_marks')
            .values(
              ids.map((p) => ({
                assignment_id: a.id,
                account_id: principal.accountId,
                member_id: memberId,
                branch_path: branch,
                paragraph_id: p,
                studied_at: now,
              })),
            )
            .execute();
        }
      });
      return (await present(ctx, principal, [a]))[0]!;
    },
  );

  api.get(
    '/api/v1/study-assignments/:id/progress',
    {
      config: { access: 'study.assign' },
      schema: {
        tags,
        summary: 'Tiến độ học tập theo tổ chức trực thuộc và theo đảng viên',
        params: IdParams,
        querystring: Type.Object({ orgId: Type.Optional(Id) }),
        response: {
          200: Type.Object({
            org: Type.Object({ id: Type.String(), name: Type.String() }),
            paragraphCount: Type.Integer(),
            members: Type.Integer(),
            started: Type.Integer(),
            completed: Type.Integer(),
            children: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                members: Type.Integer(),
                started: Type.Integer(),
                completed: Type.Integer(),
              }),
            ),
            people: Type.Array(
              Type.Object({ memberId: Type.String(), name: Type.String(), studied: Type.Integer() }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const a = await ctx.db
        .selectFrom('study_assignments')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!a || !can(principal, 'study.assign', a.org_path)) throw notFound();
      const [org] = await findOrgs(ctx.db, [req.query.orgId ?? a.org_id]);
      if (!org || !org.path.startsWith(a.org_path)) throw notFound();
      requirePermission(principal, 'study.assign', org.path);
      const doc = await ctx.db
        .selectFrom('documents')
        .select('body')
        .where('id', '=', a.document_id)
        .executeTakeFirstOrThrow();
      const total = paragraphsOf(doc.body).length;
      const [lo, hi] = subtreeBounds(org.path);
      const perMember = await ctx.db
        .selectFrom('study_marks as s')
        .innerJoin('members as m', 'm.id', 's.member_id')
        .select(['s.member_id', 's.branch_path', 'm.full_name', (eb) => eb.fn.countAll<number>().as('n')])
        .where('s.assignment_id', '=', a.id)
        .where('s.branch_path', '>=', lo)
        .where('s.branch_path', '<', hi)
        .groupBy(['s.member_id', 's.branch_path', 'm.full_name'])
        .execute();
      const tally = (path: string) => {
        const inside = perMember.filter((m) => m.branch_path.startsWith(path));
        return { started: inside.length, completed: inside.filter((m) => Number(m.n) >= total).length };
      };
      const children = await listChildren(ctx.db, org.id, false);
      return {
        org: { id: org.id, name: org.name },
        paragraphCount: total,
        members: await memberCount(ctx, org.path),
        ...tally(org.path),
        children: await Promise.all(
          children.map(async (c) => ({
            id: c.id,
            name: c.name,
            members: await memberCount(ctx, c.path),
            ...tally(c.path),
          })),
        ),
        people: perMember
          .map((m) => ({ memberId: m.member_id, name: m.full_name, studied: Number(m.n) }))
          .sort((x, y) => y.studied - x.studied || x.name.localeCompare(y.name, 'vi')),
      };
    },
  );
}
