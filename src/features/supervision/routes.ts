import { Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { principalOf } from '../../platform/http/request.ts';
import { can } from '../../platform/permissions/check.ts';
import { IdParams } from '../orgs/schemas.ts';
import { ancestorsOf, findOrg } from '../orgs/queries.ts';
import { taskState } from '../tasks/domain/tasks.ts';
import { DEFINITIONS } from './figures.ts';
import { monthsOf, trailingMonths } from './period.ts';
import { meetingRecords, supervisionView, taskRecords, trendOf } from './queries.ts';
import './errors.ts';

const tags = ['Giám sát'];
const PeriodQuery = Type.Object({
  period: Type.Optional(Type.String({ maxLength: 7 })),
});

/** The organisation, if the caller supervises it (its grant covers it); 404 otherwise, so nothing leaks. */
async function loadSupervised(ctx: AppContext, req: FastifyRequest, id: string) {
  const org = await findOrg(ctx.db, id);
  if (!org || !can(principalOf(req), 'supervise', org.path)) throw notFound();
  return org;
}

function periodOf(raw: string | undefined): { period: string; months: string[] } {
  const period = raw ?? new Date().toISOString().slice(0, 7);
  const months = monthsOf(period);
  if (!months) throw new AppError('SUPERVISION_PERIOD');
  return { period, months };
}

export function supervisionRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/orgs/:id/supervision',
    {
      config: { access: 'supervise' },
      schema: {
        tags,
        summary: 'Giám sát sinh hoạt chi bộ và nhiệm vụ trong một kỳ, theo từng tổ chức trực thuộc',
        params: IdParams,
        querystring: PeriodQuery,
      },
    },
    async (req) => {
      const org = await loadSupervised(ctx, req, req.params.id);
      const { period, months } = periodOf(req.query.period);
      const principal = principalOf(req);
      const { total, children } = await supervisionView(ctx.db, org, months);
      const trend = await trendOf(ctx.db, org, trailingMonths(months[months.length - 1]!));
      // The way back up stops at the highest level the caller supervises.
      const breadcrumb = (await ancestorsOf(ctx.db, org)).filter((a) => {
        const at = org.path.indexOf(`/${a.id}/`);
        const aPath = org.path.slice(0, at + a.id.length + 2);
        return can(principal, 'supervise', aPath);
      });
      return {
        org: { id: org.id, name: org.name, type: org.type, typeName: org.typeName },
        breadcrumb,
        period,
        months,
        total,
        children,
        trend,
        definitions: DEFINITIONS,
      };
    },
  );

  api.get(
    '/api/v1/orgs/:id/supervision/records',
    {
      config: { access: 'supervise' },
      schema: {
        tags,
        summary: 'Các bản ghi được đếm trong một chỉ số giám sát',
        params: IdParams,
        querystring: Type.Object({
          period: Type.Optional(Type.String({ maxLength: 7 })),
          figure: Type.Optional(Type.Union([Type.Literal('meetings'), Type.Literal('tasks')])),
        }),
      },
    },
    async (req) => {
      const org = await loadSupervised(ctx, req, req.params.id);
      const { months } = periodOf(req.query.period);
      if (req.query.figure !== 'tasks') return { items: await meetingRecords(ctx.db, org.path, months) };
      const today = new Date().toISOString().slice(0, 10);
      const rows = await taskRecords(ctx.db, org.path, months);
      return {
        items: rows.map((r) => ({
          id: r.id,
          title: r.title,
          orgName: r.org_name,
          deadline: r.deadline,
          progress: Number(r.progress),
          state: taskState(
            {
              status: r.status,
              deadline: r.deadline,
              progress: Number(r.progress),
              completedOn: r.completed_on,
            },
            today,
          ),
          url: `/tasks/${r.id}`,
        })),
      };
    },
  );

  api.get(
    '/api/v1/orgs/:id/supervision/export',
    {
      config: { access: 'supervise' },
      schema: {
        tags,
        summary: 'Xuất bảng giám sát ra Excel (XLSX)',
        params: IdParams,
        querystring: PeriodQuery,
      },
    },
    async (req, reply) => {
      const org = await loadSupervised(ctx, req, req.params.id);
      const { period, months } = periodOf(req.query.period);
      const { total, children } = await supervisionView(ctx.db, org, months);
      // The spreadsheet library is loaded on the first export, not at start-up.
      const { supervisionWorkbook } = await import('./export.ts');
      const buf = await supervisionWorkbook(`Giám sát ${org.name} — kỳ ${period}`, total, children);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="giam-sat-${period}.xlsx"`)
        .send(buf);
    },
  );
}
