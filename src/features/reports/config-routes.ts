// Catalogue, templates (every edit is a new version) and assignments.

import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { mutate } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { can, requirePermission } from '../../platform/permissions/check.ts';
import {
  buildCatalogue,
  compileRules,
  createTemplate,
  reviseTemplate,
  type Indicator,
  type ReportTemplate,
  type TemplateSection,
  type ValidationRule,
} from './domain/index.ts';
import { unwrap } from './errors.ts';
import { bumpAssignmentStamp } from './expected-cache.ts';
import { bumpStamp } from './stamps.ts';
import { prefillSources } from './prefill.ts';
import {
  AssignmentBody,
  CodeParams,
  IdParams,
  IndicatorBody,
  TemplateBody,
  TemplateRevision,
} from './schemas.ts';
import {
  latestTemplate,
  latestTemplates,
  loadCatalogue,
  orgOrThrow,
  templateById,
  toAssignment,
  treeAround,
} from './store.ts';
import { isInSubtree } from './domain/index.ts';

const tags = ['Báo cáo số liệu'];

function presentTemplate(t: Awaited<ReturnType<typeof latestTemplates>>[number]) {
  return {
    id: t.id,
    code: t.code,
    version: t.version,
    name: t.name,
    periodType: t.periodType,
    sections: t.sections,
    rules: t.rules,
    ownerOrgId: t.ownerOrgId,
    createdAt: t.createdAt,
  };
}

export function configRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/report-indicators',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Danh mục chỉ tiêu báo cáo' },
    },
    async () => {
      const rows = await ctx.db
        .selectFrom('report_indicators')
        .select(['definition', 'owner_org_id', 'active'])
        .orderBy('code')
        .execute();
      return {
        items: rows.map((r) => ({
          ...(JSON.parse(r.definition) as Indicator),
          ownerOrgId: r.owner_org_id,
          active: r.active === 1,
        })),
        prefillSources: prefillSources(),
      };
    },
  );

  api.post(
    '/api/v1/report-indicators',
    {
      config: { access: 'report.review' },
      schema: { tags, summary: 'Thêm chỉ tiêu', body: IndicatorBody },
    },
    async (req, reply) => {
      const org = await orgOrThrow(ctx.db, req.body.orgId);
      requirePermission(principalOf(req), 'report.review', org.path);
      const indicator = req.body.indicator as Indicator;
      const result = await mutate(ctx, actorOf(req), async (uow) => {
        const { list } = await loadCatalogue(uow.trx);
        if (list.some((i) => i.code === indicator.code)) throw new AppError('REPORT_INDICATOR_EXISTS');
        unwrap(buildCatalogue([...list, indicator]));
        const now = nowIso();
        await uow.trx
          .insertInto('report_indicators')
          .values({
            code: indicator.code,
            owner_org_id: org.id,
            owner_path: org.path,
            definition: JSON.stringify(indicator),
            active: 1,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await bumpStamp(uow.trx, 'views');
        await uow.audit({
          action: 'report.indicator.create',
          entityType: 'report_indicator',
          entityId: indicator.code,
          orgPath: org.path,
          after: indicator,
        });
        return indicator;
      });
      return reply.status(201).send(result);
    },
  );

  api.put(
    '/api/v1/report-indicators/:code',
    {
      config: { access: 'report.review' },
      schema: { tags, summary: 'Sửa chỉ tiêu', params: CodeParams, body: IndicatorBody },
    },
    async (req) => {
      const row = await ctx.db
        .selectFrom('report_indicators')
        .selectAll()
        .where('code', '=', req.params.code)
        .executeTakeFirst();
      // The catalogue is read by every reporter, so its entries are not hidden; changing needs the owner's review right.
      if (!row) throw notFound();
      requirePermission(principalOf(req), 'report.review', row.owner_path);
      const next = { ...(req.body.indicator as Indicator), code: row.code } as Indicator;
      const old = JSON.parse(row.definition) as Indicator;
      return mutate(ctx, actorOf(req), async (uow) => {
        // Names, units and bounds may change; what values mean may not once values exist.
        const meaning = (i: Indicator) =>
          JSON.stringify(
            i.kind === 'data'
              ? [i.kind, i.valueType, i.aggregation, i.categories ?? []]
              : [i.kind, i.numerator, i.denominator, i.factor],
          );
        if (meaning(old) !== meaning(next)) {
          const used = await uow.trx
            .selectFrom('report_values')
            .select('indicator')
            .where('indicator', '=', row.code)
            .limit(1)
            .executeTakeFirst();
          if (used) throw new AppError('REPORT_INDICATOR_IN_USE');
        }
        const { list } = await loadCatalogue(uow.trx);
        unwrap(buildCatalogue(list.map((i) => (i.code === row.code ? next : i))));
        await uow.trx
          .updateTable('report_indicators')
          .set({ definition: JSON.stringify(next), updated_at: nowIso() })
          .where('code', '=', row.code)
          .execute();
        await bumpStamp(uow.trx, 'views');
        await uow.audit({
          action: 'report.indicator.update',
          entityType: 'report_indicator',
          entityId: row.code,
          orgPath: row.owner_path,
          before: old,
          after: next,
        });
        return next;
      });
    },
  );

  api.delete(
    '/api/v1/report-indicators/:code',
    {
      config: { access: 'report.review' },
      schema: { tags, summary: 'Xóa chỉ tiêu chưa dùng', params: CodeParams },
    },
    async (req, reply) => {
      const row = await ctx.db
        .selectFrom('report_indicators')
        .selectAll()
        .where('code', '=', req.params.code)
        .executeTakeFirst();
      // The catalogue is read by every reporter, so its entries are not hidden; changing needs the owner's review right.
      if (!row) throw notFound();
      requirePermission(principalOf(req), 'report.review', row.owner_path);
      await mutate(ctx, actorOf(req), async (uow) => {
        const templates = await latestTemplates(uow.trx);
        const inTemplate = templates.some((t) =>
          t.sections.some((s) => s.items.some((i) => i.kind === 'indicator' && i.indicator === row.code)),
        );
        const { list } = await loadCatalogue(uow.trx);
        if (inTemplate || !buildCatalogue(list.filter((i) => i.code !== row.code)).ok)
          throw new AppError('REPORT_INDICATOR_IN_USE');
        await uow.trx.deleteFrom('report_indicators').where('code', '=', row.code).execute();
        await bumpStamp(uow.trx, 'views');
        await uow.audit({
          action: 'report.indicator.delete',
          entityType: 'report_indicator',
          entityId: row.code,
          orgPath: row.owner_path,
          before: JSON.parse(row.definition),
        });
      });
      return reply.status(204).send();
    },
  );

  api.get(
    '/api/v1/report-templates',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Các mẫu báo cáo (phiên bản mới nhất)' },
    },
    async () => ({ items: (await latestTemplates(ctx.db)).map(presentTemplate) }),
  );

  api.get(
    '/api/v1/report-templates/:code/versions',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Các phiên bản của một mẫu', params: CodeParams },
    },
    async (req) => {
      const rows = await ctx.db
        .selectFrom('report_templates')
        .select(['id', 'version', 'created_at'])
        .where('code', '=', req.params.code)
        .orderBy('version', 'desc')
        .execute();
      if (rows.length === 0) throw notFound();
      return { items: rows.map((r) => ({ id: r.id, version: r.version, createdAt: r.created_at })) };
    },
  );

  api.get(
    '/api/v1/report-template-versions/:id',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Một phiên bản của mẫu báo cáo (cả các phiên bản cũ)', params: IdParams },
    },
    async (req) => {
      const template = await templateById(ctx.db, req.params.id);
      if (!template) throw notFound();
      const latest = await latestTemplate(ctx.db, template.code);
      return { ...presentTemplate(template), latest: latest?.version === template.version };
    },
  );

  const saveTemplate = async (
    uow: Parameters<Parameters<typeof mutate>[2]>[0],
    org: { id: string; path: string },
    template: ReportTemplate,
    rules: ValidationRule[],
  ) => {
    const id = newId();
    await uow.trx
      .insertInto('report_templates')
      .values({
        id,
        code: template.code,
        version: template.version,
        owner_org_id: org.id,
        owner_path: org.path,
        definition: JSON.stringify({ ...template, rules }),
        created_at: nowIso(),
      })
      .execute();
    await uow.audit({
      action: 'report.template.save',
      entityType: 'report_template',
      entityId: id,
      orgPath: org.path,
      after: { code: template.code, version: template.version },
    });
    return id;
  };

  api.post(
    '/api/v1/report-templates',
    {
      config: { access: 'report.review' },
      schema: { tags, summary: 'Tạo mẫu báo cáo', body: TemplateBody },
    },
    async (req, reply) => {
      const org = await orgOrThrow(ctx.db, req.body.orgId);
      requirePermission(principalOf(req), 'report.review', org.path);
      const out = await mutate(ctx, actorOf(req), async (uow) => {
        if (await latestTemplate(uow.trx, req.body.code)) throw new AppError('REPORT_TEMPLATE_EXISTS');
        const { catalogue } = await loadCatalogue(uow.trx);
        const template = unwrap(
          createTemplate(
            {
              code: req.body.code,
              name: req.body.name,
              periodType: req.body.periodType as ReportTemplate['periodType'],
              sections: req.body.sections as TemplateSection[],
            },
            catalogue,
          ),
        );
        const rules = (req.body.rules ?? []) as ValidationRule[];
        unwrap(compileRules(rules, catalogue));
        const id = await saveTemplate(uow, org, template, rules);
        return { id, code: template.code, version: template.version };
      });
      return reply.status(201).send(out);
    },
  );

  api.put(
    '/api/v1/report-templates/:code',
    {
      config: { access: 'report.review' },
      schema: {
        tags,
        summary: 'Sửa mẫu báo cáo (tạo phiên bản mới; báo cáo cũ giữ phiên bản của mình)',
        params: CodeParams,
        body: TemplateRevision,
      },
    },
    async (req) => {
      const old = await latestTemplate(ctx.db, req.params.code);
      if (!old) throw notFound();
      const owner = await orgOrThrow(ctx.db, old.ownerOrgId);
      requirePermission(principalOf(req), 'report.review', owner.path);
      return mutate(ctx, actorOf(req), async (uow) => {
        const { catalogue } = await loadCatalogue(uow.trx);
        const next = unwrap(
          reviseTemplate(
            old,
            {
              name: req.body.name,
              periodType: req.body.periodType as ReportTemplate['periodType'],
              sections: req.body.sections as TemplateSection[],
            },
            catalogue,
          ),
        );
        const rules = (req.body.rules ?? old.rules) as ValidationRule[];
        unwrap(compileRules(rules, catalogue));
        const id = await saveTemplate(uow, owner, next, rules);
        return { id, code: next.code, version: next.version };
      });
    },
  );

  api.get(
    '/api/v1/orgs/:id/report-assignments',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Các phân công báo cáo do tổ chức giao', params: IdParams },
    },
    async (req) => {
      const org = await orgOrThrow(ctx.db, req.params.id);
      if (!can(principalOf(req), 'report.submit', org.path)) throw notFound();
      const rows = await ctx.db
        .selectFrom('report_assignments')
        .selectAll()
        .where('committee_id', '=', org.id)
        .orderBy('created_at')
        .execute();
      return { items: rows.map(toAssignment) };
    },
  );

  api.post(
    '/api/v1/report-assignments',
    {
      config: { access: 'report.review' },
      schema: { tags, summary: 'Giao mẫu báo cáo cho các tổ chức cấp dưới', body: AssignmentBody },
    },
    async (req, reply) => {
      const org = await orgOrThrow(ctx.db, req.body.committeeId);
      requirePermission(principalOf(req), 'report.review', org.path);
      const template = await latestTemplate(ctx.db, req.body.templateCode);
      if (!template) throw notFound();
      const b = req.body;
      if (template.periodType !== b.periodType || (b.activeTo && b.activeTo < b.activeFrom))
        throw new AppError('REPORT_ASSIGNMENT_INVALID', {
          message:
            template.periodType !== b.periodType
              ? 'Loại kỳ báo cáo của phân công phải trùng với mẫu báo cáo.'
              : 'Ngày kết thúc phải sau ngày bắt đầu.',
        });
      // A committee's own report goes to the committee above it: assigning to itself would let it set its own
      // deadline and review, and it would win over the assignment from above (the nearest assigner reviews).
      if (
        b.target.kind === 'orgs'
          ? b.target.orgIds.includes(org.id)
          : b.target.orgTypes.includes(org.type_code)
      )
        throw new AppError('REPORT_ASSIGNMENT_INVALID', {
          message: 'Chỉ giao báo cáo cho tổ chức trực thuộc, không giao cho chính tổ chức mình.',
          details: [
            { field: b.target.kind === 'orgs' ? 'target.orgIds' : 'target.orgTypes', message: org.id },
          ],
        });
      if (b.target.kind === 'org_types') {
        const known = new Set(
          (await ctx.db.selectFrom('org_types').select('code').execute()).map((r) => r.code),
        );
        const unknown = b.target.orgTypes.filter((code) => !known.has(code));
        if (unknown.length > 0)
          throw new AppError('REPORT_ASSIGNMENT_INVALID', {
            message: 'Có loại tổ chức không có trong danh mục.',
            details: unknown.map((code) => ({ field: 'target.orgTypes', message: code })),
          });
      }
      if (b.target.kind === 'orgs') {
        const tree = await treeAround(ctx.db, org.path, true);
        const outside = b.target.orgIds.filter((id) => !tree.byId.has(id) || !isInSubtree(tree, id, org.id));
        if (outside.length > 0)
          throw new AppError('REPORT_ASSIGNMENT_INVALID', {
            message: 'Chỉ giao báo cáo cho tổ chức trực thuộc.',
            details: outside.map((id) => ({ field: 'target.orgIds', message: id })),
          });
      }
      const out = await mutate(ctx, actorOf(req), async (uow) => {
        const id = newId();
        await uow.trx
          .insertInto('report_assignments')
          .values({
            id,
            committee_id: org.id,
            committee_path: org.path,
            template_code: b.templateCode,
            target: JSON.stringify(b.target),
            period_type: b.periodType,
            deadline_days: b.deadlineDays,
            lock_after_days: b.lockAfterDays,
            active_from: b.activeFrom,
            active_to: b.activeTo ?? null,
            created_at: nowIso(),
          })
          .execute();
        await bumpAssignmentStamp(uow.trx);
        await uow.audit({
          action: 'report.assignment.create',
          entityType: 'report_assignment',
          entityId: id,
          orgPath: org.path,
          after: b,
        });
        return { id };
      });
      return reply.status(201).send(out);
    },
  );

  api.post(
    '/api/v1/report-assignments/:id/end',
    {
      config: { access: 'report.review' },
      schema: {
        tags,
        summary: 'Kết thúc một phân công (các kỳ đã qua giữ nguyên)',
        params: IdParams,
        body: Type.Object({ activeTo: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }),
      },
    },
    async (req) => {
      const row = await ctx.db
        .selectFrom('report_assignments')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!row || !can(principalOf(req), 'report.submit', row.committee_path)) throw notFound();
      requirePermission(principalOf(req), 'report.review', row.committee_path);
      if (req.body.activeTo < row.active_from) throw new AppError('REPORT_ASSIGNMENT_INVALID');
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx
          .updateTable('report_assignments')
          .set({ active_to: req.body.activeTo })
          .where('id', '=', row.id)
          .execute();
        await bumpAssignmentStamp(uow.trx);
        await uow.audit({
          action: 'report.assignment.end',
          entityType: 'report_assignment',
          entityId: row.id,
          orgPath: row.committee_path,
          after: { activeTo: req.body.activeTo },
        });
      });
      return toAssignment({ ...row, active_to: req.body.activeTo });
    },
  );
}
