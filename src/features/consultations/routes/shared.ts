import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type AppContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { nowIso } from '../../../platform/db/database.ts';
import { principalOf } from '../../../platform/http/request.ts';
import { findMember } from '../../members/queries.ts';
import { findOrg } from '../../orgs/queries.ts';
import { paragraphsOf } from '../../documents/paragraphs.ts';
import { canReadFrom, roleIn, type ConsultationRole } from '../access.ts';
import type { ConsultationTable } from '../tables.ts';

// What the consultation routes share: loading with the caller's role, the detail view and its schema.
export const tags = ['Lấy ý kiến'];
export const MAX_TEXT = 10_000;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export function stateOf(c: ConsultationTable, now: string): 'upcoming' | 'open' | 'closed' {
  if (c.closed_at || now >= c.closes_at) return 'closed';
  return now < c.opens_at ? 'upcoming' : 'open';
}

export async function load(ctx: AppContext, req: FastifyRequest, id: string) {
  const c = await ctx.db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound();
  const role = roleIn(principalOf(req), c.org_path);
  if (!role) throw notFound();
  return { c, role };
}

export function requireOpen(c: ConsultationTable) {
  if (stateOf(c, nowIso()) !== 'open') throw new AppError('CONSULTATION_NOT_OPEN');
}

export async function authorName(ctx: AppContext, req: FastifyRequest): Promise<string> {
  const p = principalOf(req);
  if (p.memberId) {
    const m = await findMember(ctx.db, p.memberId);
    if (m) return m.fullName;
  }
  return req.account?.login ?? '';
}

export async function readable(
  ctx: AppContext,
  c: ConsultationTable,
  role: ConsultationRole,
  accountId: string,
) {
  const comments = await ctx.db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('consultation_id', '=', c.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const mine = new Set(comments.filter((x) => x.author_account_id === accountId).map((x) => x.id));
  const visible = comments.filter(
    (x) =>
      x.author_account_id === accountId ||
      canReadFrom(role, x.author_org_path) ||
      (x.parent_id !== null && mine.has(x.parent_id)),
  );
  const answers = await ctx.db
    .selectFrom('consultation_answers')
    .selectAll()
    .where('consultation_id', '=', c.id)
    .execute();
  const summaries = await ctx.db
    .selectFrom('consultation_summaries')
    .innerJoin('orgs', 'orgs.id', 'consultation_summaries.org_id')
    .select([
      'consultation_summaries.org_id',
      'consultation_summaries.org_path',
      'consultation_summaries.summary',
      'consultation_summaries.created_at',
      'orgs.name as org_name',
    ])
    .where('consultation_id', '=', c.id)
    .orderBy('consultation_summaries.created_at')
    .execute();
  return {
    comments: visible,
    myAnswers: answers.filter((a) => a.account_id === accountId),
    readableAnswers: answers.filter((a) => canReadFrom(role, a.author_org_path)),
    summaries: summaries.filter(
      (s) => role.owner || role.compilerPaths.some((p) => s.org_path.startsWith(p)),
    ),
  };
}

export const CommentView = Type.Object({
  id: Type.String(),
  targetId: Type.String(),
  parentId: Nullable(Type.String()),
  authorName: Type.String(),
  body: Type.String(),
  status: Type.String(),
  answer: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const Detail = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  title: Type.String(),
  intro: Type.String(),
  opensAt: Type.String(),
  closesAt: Type.String(),
  state: Type.String(),
  role: Type.Object({ owner: Type.Boolean(), compiler: Type.Boolean(), participant: Type.Boolean() }),
  paragraphs: Type.Array(Type.Object({ id: Type.String(), text: Type.String() })),
  questions: Type.Array(
    Type.Object({
      id: Type.String(),
      text: Type.String(),
      kind: Type.String(),
      options: Type.Array(Type.String()),
      myAnswer: Nullable(Type.String()),
      /** For committees: counts per choice, or the text answers they may read. */
      results: Type.Union([
        Type.Record(Type.String(), Type.Integer()),
        Type.Array(Type.String()),
        Type.Null(),
      ]),
    }),
  ),
  comments: Type.Array(CommentView),
  summaries: Type.Array(
    Type.Object({
      orgId: Type.String(),
      orgName: Type.String(),
      summary: Type.String(),
      createdAt: Type.String(),
    }),
  ),
  compileFor: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});

export async function detail(
  ctx: AppContext,
  req: FastifyRequest,
  c: ConsultationTable,
  role: ConsultationRole,
) {
  const accountId = principalOf(req).accountId;
  const data = await readable(ctx, c, role, accountId);
  const questions = await ctx.db
    .selectFrom('consultation_questions')
    .selectAll()
    .where('consultation_id', '=', c.id)
    .orderBy('position')
    .execute();
  const org = await findOrg(ctx.db, c.org_id);
  const compileFor = [];
  for (const p of role.compilerPaths) {
    const id = p.split('/').filter(Boolean).at(-1)!;
    const o = await findOrg(ctx.db, id);
    if (o) compileFor.push({ id: o.id, name: o.name });
  }
  const committee = role.owner || role.compilerPaths.length > 0;
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: org?.name ?? '',
    title: c.title,
    intro: c.intro,
    opensAt: c.opens_at,
    closesAt: c.closes_at,
    state: stateOf(c, nowIso()),
    role: {
      owner: role.owner,
      compiler: role.compilerPaths.length > 0,
      participant: role.participantPath !== null,
    },
    paragraphs: paragraphsOf(c.draft),
    questions: questions.map((q) => {
      const options = JSON.parse(q.options) as string[];
      const answers = data.readableAnswers.filter((a) => a.question_id === q.id).map((a) => a.value);
      let results: Record<string, number> | string[] | null = null;
      if (committee)
        results =
          q.kind === 'choice'
            ? Object.fromEntries(options.map((o) => [o, answers.filter((a) => a === o).length]))
            : answers;
      return {
        id: q.id,
        text: q.text,
        kind: q.kind,
        options,
        myAnswer: data.myAnswers.find((a) => a.question_id === q.id)?.value ?? null,
        results,
      };
    }),
    comments: data.comments.map((x) => ({
      id: x.id,
      targetId: x.target_id,
      parentId: x.parent_id,
      authorName: x.author_name,
      body: x.body,
      status: x.status,
      answer: x.answer,
      createdAt: x.created_at,
    })),
    summaries: data.summaries.map((s) => ({
      orgId: s.org_id,
      orgName: s.org_name,
      summary: s.summary,
      createdAt: s.created_at,
    })),
    compileFor,
  };
}
