// Data entry and the review workflow of one report, and the lists a branch and a committee work from.

import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { mutate } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import type { Principal } from '../../platform/permissions/check.ts';
import { can, subtreeBounds } from '../../platform/permissions/check.ts';
import {
  canEdit,
  comboKeys,
  comboLabel,
  expectedReports,
  isPastLock,
  nextPeriod,
  parsePeriod,
  periodLabel,
  periodOf,
  timeliness,
  valueKey,
  type PeriodType,
} from './domain/index.ts';
import { canReview, canSubmit, requireView } from './access.ts';
import { unwrap } from './errors.ts';
import { CommentBody, EntryBody, ExceptionBody, IdParams, OpenBody, PeriodQuery } from './schemas.ts';
import {
  checkOf,
  findReport,
  loadReport,
  openReport,
  prefillValues,
  reportValues,
  reviewReport,
  saveDraft,
  stateOf,
  submitReport,
  type LoadedReport,
  type ReportRow,
} from './service.ts';
import { assignmentsAround, latestTemplates, orgOrThrow, treeAround } from './store.ts';
import { completeness } from './views.ts';

const tags = ['Báo cáo số liệu'];

export async function loadVisibleReport(
  ctx: AppContext,
  principal: Principal,
  id: string,
): Promise<ReportRow> {
  const row = await findReport(ctx.db, id);
  if (!row) throw notFound();
  requireView(principal, row.org_path);
  return row;
}

/** The full report as the entry and review screens need it. */
export async function presentReport(db: DbOrTx, r: LoadedReport, principal: Principal, now: Date) {
  const { row, template, catalogue, dates } = r;
  const state = stateOf(row);
  const [values, check, org, prefill] = await Promise.all([
    reportValues(db, row.id, catalogue),
    checkOf(db, r),
    orgOrThrow(db, row.org_id),
    prefillValues(db, { id: row.org_id, path: row.org_path }, row.period, template, catalogue),
  ]);
  const editable = canEdit(state, { now, actor: '', periodStart: dates.start, lockAt: dates.lockAt });
  const lastReturn = [...state.history].reverse().find((h) => h.action === 'return' || h.action === 'reopen');
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: org.name,
    period: row.period,
    periodLabel: periodLabel(row.period),
    templateCode: row.template_code,
    templateVersion: row.template_version,
    templateName: template.name,
    status: row.status,
    complete: row.complete === 1,
    deadline: dates.deadline,
    lockDate: dates.lockDate,
    locked: row.status === 'approved' || isPastLock(state, { now, lockAt: dates.lockAt }),
    editable: editable.ok,
    notEditableReason: editable.ok ? null : editable.error.message,
    timeliness: timeliness(state.firstSubmittedAt, dates.deadlineAt, now),
    canSubmit: canSubmit(principal, row.org_path),
    canReview: canReview(principal, row.org_path),
    returnComment: row.status === 'returned' ? (lastReturn?.comment ?? null) : null,
    sections: template.sections.map((s) => ({
      code: s.code,
      title: s.title,
      items: s.items.map((item) => {
        if (item.kind !== 'indicator') return item;
        const ind = catalogue.indicators.get(item.indicator);
        if (!ind) return { ...item, name: item.indicator, cells: [] };
        const cells =
          ind.kind === 'data'
            ? comboKeys(ind).map((combo) => ({
                key: valueKey(ind.code, combo),
                label: combo === '' ? null : comboLabel(ind, combo),
              }))
            : [];
        return {
          ...item,
          name: ind.name,
          unit: ind.unit ?? null,
          computed: ind.kind === 'formula',
          valueType: ind.kind === 'data' ? ind.valueType : 'decimal',
          min: ind.kind === 'data' ? (ind.min ?? null) : null,
          max: ind.kind === 'data' ? (ind.max ?? null) : null,
          cells,
          prefillLabel: prefill.get(ind.code)?.label ?? null,
          prefillValue: prefill.get(ind.code)?.value ?? null,
        };
      }),
    })),
    rules: template.rules.map((rule) => ({ code: rule.code, name: rule.name, severity: rule.severity })),
    values,
    texts: JSON.parse(row.texts) as Record<string, string>,
    warningComments: JSON.parse(row.warning_comments) as Record<string, string>,
    check: {
      ok: check.ok,
      missing: check.missing,
      errors: check.errors,
      warnings: check.warnings,
    },
    history: state.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    submittedAt: row.first_submitted_at,
    approvedAt: row.approved_at,
  };
}

async function reportFor(
  ctx: AppContext,
  req: { params: { id: string } } & Parameters<typeof principalOf>[0],
) {
  const principal = principalOf(req);
  const row = await loadVisibleReport(ctx, principal, (req.params as { id: string }).id);
  return { principal, r: await loadReport(ctx.db, row) };
}

export function reportRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/orgs/:id/reports',
    {
      config: { access: 'report.submit' },
      schema: {
        tags,
        summary: 'Các báo cáo tổ chức phải gửi (kỳ hiện tại và các kỳ trước)',
        params: IdParams,
        querystring: Type.Object({ periods: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 })) }),
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const org = await orgOrThrow(ctx.db, req.params.id);
      if (!canSubmit(principal, org.path)) throw notFound();
      const now = new Date();
      const [assignments, tree, templates] = await Promise.all([
        assignmentsAround(ctx.db, org.path, false),
        treeAround(ctx.db, org.path, false),
        latestTemplates(ctx.db),
      ]);
      const names = new Map(templates.map((t) => [t.code, t.name]));
      const count = req.query.periods ?? 6;
      const types = [...new Set(assignments.map((a) => a.periodType))] as PeriodType[];
      const wanted: Array<{ period: string; templateCode: string; deadline: string; deadlineAt: Date }> = [];
      for (const type of types) {
        // The current period is listed as soon as it starts, so a branch can enter figures as they come.
        let p = periodOf(now, type);
        for (let i = 0; i < count; i++, p = nextPeriod(p, -1)) {
          for (const e of expectedReports(assignments, tree, p)) {
            if (e.orgId === org.id)
              wanted.push({
                period: p,
                templateCode: e.templateCode,
                deadline: e.dates.deadline,
                deadlineAt: e.dates.deadlineAt,
              });
          }
        }
      }
      const rows = await ctx.db
        .selectFrom('reports')
        .select(['id', 'period', 'template_code', 'status', 'first_submitted_at', 'complete', 'state'])
        .where('org_id', '=', org.id)
        .execute();
      const byKey = new Map(rows.map((r) => [`${r.template_code}\u0000${r.period}`, r]));
      const items = wanted
        .map((w) => {
          const r = byKey.get(`${w.templateCode}\u0000${w.period}`);
          return {
            reportId: r?.id ?? null,
            period: w.period,
            periodLabel: periodLabel(w.period),
            templateCode: w.templateCode,
            templateName: names.get(w.templateCode) ?? w.templateCode,
            status: r?.status ?? 'not_started',
            complete: r?.complete === 1,
            deadline: w.deadline,
            timeliness: timeliness(
              r?.first_submitted_at ? new Date(r.first_submitted_at) : null,
              w.deadlineAt,
              now,
            ),
            returnCount: r ? stateOf(r).returnCount : 0,
          };
        })
        .sort((a, b) =>
          a.period === b.period
            ? a.templateName.localeCompare(b.templateName, 'vi')
            : a.period < b.period
              ? 1
              : -1,
        );
      return { orgId: org.id, orgName: org.name, items };
    },
  );

  api.get(
    '/api/v1/orgs/:id/report-review',
    {
      config: { access: 'report.review' },
      schema: {
        tags,
        summary: 'Duyệt báo cáo của cấp dưới: số đã gửi, đúng hạn, muộn, chưa gửi',
        params: IdParams,
        querystring: PeriodQuery,
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const org = await orgOrThrow(ctx.db, req.params.id);
      if (!can(principal, 'report.review', org.path)) {
        if (canSubmit(principal, org.path)) throw new AppError('FORBIDDEN');
        throw notFound();
      }
      unwrap(parsePeriod(req.query.period));
      const summary = await completeness(ctx.db, org, req.query.period, req.query.template, new Date());
      const [lo, hi] = subtreeBounds(org.path);
      const rows = await ctx.db
        .selectFrom('reports')
        .innerJoin('orgs', 'orgs.id', 'reports.org_id')
        .select([
          'reports.id',
          'reports.org_id',
          'orgs.name',
          'reports.status',
          'reports.template_code',
          'reports.first_submitted_at',
          'reports.last_submitted_at',
        ])
        .where('reports.org_path', '>', lo)
        .where('reports.org_path', '<', hi)
        .where('reports.period', '=', req.query.period)
        .where('reports.status', '!=', 'draft')
        .$if(req.query.template !== undefined, (q) =>
          q.where('reports.template_code', '=', req.query.template ?? ''),
        )
        .orderBy('orgs.name')
        .limit(500)
        .execute();
      return {
        ...summary,
        periodLabel: periodLabel(req.query.period),
        orgName: org.name,
        reports: rows.map((r) => ({
          id: r.id,
          orgId: r.org_id,
          orgName: r.name,
          status: r.status,
          templateCode: r.template_code,
          submittedAt: r.last_submitted_at,
        })),
      };
    },
  );

  api.post(
    '/api/v1/reports',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Mở báo cáo của một kỳ (tạo bản nháp, điền sẵn số đã biết)', body: OpenBody },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      const org = await orgOrThrow(ctx.db, req.body.orgId);
      if (!canSubmit(principal, org.path)) {
        if (canReview(principal, org.path)) throw new AppError('FORBIDDEN');
        throw notFound();
      }
      unwrap(parsePeriod(req.body.period));
      const { row, created } = await mutate(ctx, actorOf(req), (uow) =>
        openReport(uow, org, req.body.templateCode, req.body.period),
      );
      const body = await presentReport(ctx.db, await loadReport(ctx.db, row), principal, new Date());
      return reply.status(created ? 201 : 200).send(body);
    },
  );

  api.get(
    '/api/v1/reports/:id',
    { config: { access: 'report.submit' }, schema: { tags, summary: 'Xem một báo cáo', params: IdParams } },
    async (req) => {
      const { principal, r } = await reportFor(ctx, req);
      return presentReport(ctx.db, r, principal, new Date());
    },
  );

  api.put(
    '/api/v1/reports/:id/values',
    {
      config: { access: 'report.submit' },
      schema: {
        tags,
        summary: 'Lưu nháp số liệu (kiểm tra từng ô; lỗi thì không lưu gì)',
        params: IdParams,
        body: EntryBody,
      },
    },
    async (req) => {
      const { principal, r } = await reportFor(ctx, req);
      if (!canSubmit(principal, r.row.org_path)) throw new AppError('FORBIDDEN');
      const now = new Date();
      await mutate(ctx, actorOf(req), (uow) => saveDraft(uow, r, req.body, principal.accountId, now));
      return presentReport(
        ctx.db,
        await loadReport(ctx.db, (await findReport(ctx.db, r.row.id))!),
        principal,
        now,
      );
    },
  );

  api.post(
    '/api/v1/reports/:id/submit',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Gửi báo cáo lên cấp ủy', params: IdParams, body: EntryBody },
    },
    async (req) => {
      const { principal, r } = await reportFor(ctx, req);
      if (!canSubmit(principal, r.row.org_path)) throw new AppError('FORBIDDEN');
      const now = new Date();
      await mutate(ctx, actorOf(req), (uow) => submitReport(uow, r, req.body, principal.accountId, now));
      return presentReport(
        ctx.db,
        await loadReport(ctx.db, (await findReport(ctx.db, r.row.id))!),
        principal,
        now,
      );
    },
  );

  const review = (path: string, summary: string, action: 'approve' | 'return' | 'reopen') =>
    api.post(
      path,
      { config: { access: 'report.review' }, schema: { tags, summary, params: IdParams, body: CommentBody } },
      async (req) => {
        const { principal, r } = await reportFor(ctx, req);
        if (!canReview(principal, r.row.org_path)) throw new AppError('FORBIDDEN');
        const now = new Date();
        const comment = req.body.comment ?? '';
        await mutate(ctx, actorOf(req), (uow) =>
          reviewReport(
            uow,
            r,
            action === 'approve' ? { type: 'approve', comment } : { type: action, comment },
            principal.accountId,
            now,
          ),
        );
        return presentReport(
          ctx.db,
          await loadReport(ctx.db, (await findReport(ctx.db, r.row.id))!),
          principal,
          now,
        );
      },
    );
  review('/api/v1/reports/:id/approve', 'Duyệt báo cáo (khóa số liệu)', 'approve');
  review('/api/v1/reports/:id/return', 'Trả lại báo cáo kèm ý kiến để sửa', 'return');
  review('/api/v1/reports/:id/reopen', 'Mở lại báo cáo đã duyệt (trước hạn khóa)', 'reopen');

  api.post(
    '/api/v1/reports/:id/exception',
    {
      config: { access: 'report.review' },
      schema: { tags, summary: 'Mở khóa ngoại lệ có thời hạn', params: IdParams, body: ExceptionBody },
    },
    async (req) => {
      const { principal, r } = await reportFor(ctx, req);
      if (!canReview(principal, r.row.org_path)) throw new AppError('FORBIDDEN');
      const until = new Date(req.body.until);
      if (Number.isNaN(until.getTime())) throw new AppError('REPORT_EXCEPTION_INVALID');
      const now = new Date();
      await mutate(ctx, actorOf(req), (uow) =>
        reviewReport(
          uow,
          r,
          { type: 'grant_exception', reason: req.body.reason, until },
          principal.accountId,
          now,
        ),
      );
      return presentReport(
        ctx.db,
        await loadReport(ctx.db, (await findReport(ctx.db, r.row.id))!),
        principal,
        now,
      );
    },
  );
}
