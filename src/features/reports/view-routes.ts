// Aggregated views: totals by organisation level and period, completeness/timeliness, trends; and their
// export to Excel.

import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { principalOf } from '../../platform/http/request.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import { can } from '../../platform/permissions/check.ts';
import { parsePeriod, periodLabel, periodsBetween, type Indicator } from './domain/index.ts';
import { canView } from './access.ts';
import { unwrap } from './errors.ts';
import { IdParams, PeriodQuery, TotalsQuery } from './schemas.ts';
import { loadCatalogue, orgOrThrow } from './store.ts';
import { keptView } from './totals-cache.ts';
import { childrenOf, completeness, loadTotals, totalsCells, type OrgRef } from './views.ts';
import { XLSX_MIME, writeCompletenessSheet, writeTotalsSheet } from './xlsx.ts';

const tags = ['Báo cáo số liệu'];
const MAX_PERIODS = 36;

export interface TotalsView {
  org: OrgRef;
  rows: OrgRef[];
  periods: Array<{ id: string; label: string }>;
  indicators: Array<{ code: string; name: string; unit: string | null; kind: Indicator['kind'] }>;
  cells: ReturnType<typeof totalsCells>;
}

export async function totalsView(
  ctx: AppContext,
  orgId: string,
  q: { from: string; to?: string; by?: 'children' | 'self'; indicators?: string },
  principal: ReturnType<typeof principalOf>,
): Promise<TotalsView> {
  const org = await orgOrThrow(ctx.db, orgId);
  if (!canView(principal, org.path)) throw notFound();
  unwrap(parsePeriod(q.from));
  unwrap(parsePeriod(q.to ?? q.from));
  let periods: string[];
  try {
    periods = periodsBetween(q.from, q.to ?? q.from);
  } catch {
    throw new AppError('REPORT_PERIOD_INVALID');
  }
  if (periods.length === 0 || periods.length > MAX_PERIODS) throw new AppError('REPORT_PERIOD_INVALID');
  const rows = (q.by ?? 'children') === 'children' ? await childrenOf(ctx.db, org.id) : [];
  const all = [{ id: org.id, name: org.name, path: org.path }, ...rows];
  const ids = all.map((o) => o.id);
  // Reused while no total of this tree and nothing in the catalogue changed (see totals-cache.ts).
  const { cells, indicators } = await keptView(
    ctx.db,
    org.path,
    JSON.stringify([ids, periods, q.indicators ?? '']),
    async () => {
      const { list, catalogue } = await loadCatalogue(ctx.db);
      const wanted = q.indicators ? q.indicators.split(',').filter(Boolean) : undefined;
      const totals = await loadTotals(ctx.db, ids, periods);
      let cells = totalsCells(totals, catalogue, ids, periods);
      if (wanted) cells = cells.filter((c) => wanted.includes(c.indicator));
      const indicators = list
        .filter((i) => (wanted ? wanted.includes(i.code) : i.kind === 'formula' || i.aggregation !== 'none'))
        .map((i) => ({ code: i.code, name: i.name, unit: i.unit ?? null, kind: i.kind }));
      return { cells, indicators };
    },
  );
  return {
    org: { id: org.id, name: org.name, path: org.path },
    rows,
    periods: periods.map((id) => ({ id, label: periodLabel(id) })),
    indicators,
    cells,
  };
}

export function viewRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/orgs/:id/report-totals',
    {
      config: { access: 'report.submit' },
      schema: {
        tags,
        summary: 'Số liệu tổng hợp theo cấp tổ chức và kỳ (tính ngay khi cấp dưới gửi)',
        params: IdParams,
        querystring: TotalsQuery,
      },
    },
    async (req) => {
      const view = await totalsView(ctx, req.params.id, req.query, principalOf(req));
      return {
        ...view,
        org: { id: view.org.id, name: view.org.name },
        rows: view.rows.map((r) => ({ id: r.id, name: r.name })),
      };
    },
  );

  api.get(
    '/api/v1/orgs/:id/report-totals/export',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Xuất số liệu tổng hợp ra Excel', params: IdParams, querystring: TotalsQuery },
    },
    async (req, reply) => {
      const view = await totalsView(ctx, req.params.id, req.query, principalOf(req));
      const buf = await writeTotalsSheet(view);
      return reply
        .type(XLSX_MIME)
        .header('Content-Disposition', contentDisposition(`Tổng hợp số liệu - ${view.org.name}.xlsx`))
        .send(buf);
    },
  );

  api.get(
    '/api/v1/orgs/:id/report-completeness',
    {
      config: { access: 'report.review' },
      schema: {
        tags,
        summary: 'Tình hình gửi báo cáo: phải gửi, đã gửi, đúng hạn, muộn, chưa gửi',
        params: IdParams,
        querystring: Type.Object({ ...PeriodQuery.properties, format: Type.Optional(Type.Literal('xlsx')) }),
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const org = await orgOrThrow(ctx.db, req.params.id);
      if (!can(principal, 'report.review', org.path)) throw notFound();
      unwrap(parsePeriod(req.query.period));
      const summary = await completeness(ctx.db, org, req.query.period, req.query.template, new Date());
      if (req.query.format === 'xlsx') {
        const buf = await writeCompletenessSheet(org.name, periodLabel(req.query.period), summary);
        return reply
          .type(XLSX_MIME)
          .header('Content-Disposition', contentDisposition(`Tình hình báo cáo - ${org.name}.xlsx`))
          .send(buf);
      }
      return { ...summary, orgName: org.name, periodLabel: periodLabel(req.query.period) };
    },
  );

  api.get(
    '/api/v1/orgs/:id/report-trend',
    {
      config: { access: 'report.submit' },
      schema: {
        tags,
        summary: 'Xu hướng của một chỉ tiêu qua các kỳ',
        params: IdParams,
        querystring: Type.Object({
          indicator: Type.String({ maxLength: 64 }),
          from: Type.String({ maxLength: 10 }),
          to: Type.String({ maxLength: 10 }),
        }),
      },
    },
    async (req) => {
      const view = await totalsView(
        ctx,
        req.params.id,
        { from: req.query.from, to: req.query.to, by: 'self', indicators: req.query.indicator },
        principalOf(req),
      );
      const indicator = view.indicators[0];
      if (!indicator) throw notFound();
      return {
        indicator,
        points: view.periods.map((p) => {
          const cell = view.cells.find((c) => c.orgId === view.org.id && c.period === p.id && c.combo === '');
          return {
            period: p.id,
            label: p.label,
            value: cell?.value ?? null,
            reporting: cell?.reporting ?? 0,
          };
        }),
      };
    },
  );
}
