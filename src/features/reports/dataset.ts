// Reports in the synthetic dataset (sotay generate / benchmarks): the demo catalogue and monthly template
// assigned by each province to its branches, and eleven months of approved reports from every branch, with
// the branches' stored totals computed by the domain's full roll-up a batch of branches at a time, and every
// committee's summed from them in SQL, level by level (rollUpCommittees).

import { mutate, type AppContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { rng } from '../../demo/names.ts';
import { branchBatches, type DatasetInfo, type DatasetPlugin } from '../../demo/generate.ts';
import {
  buildTree,
  newReport,
  nextPeriod,
  parseValueKey,
  periodDates,
  createTemplate,
  periodOf,
  rollUp,
  type DataValue,
  type TotalCell,
} from './domain/index.ts';
import { DEMO_INDICATORS, DEMO_RULES, DEMO_TEMPLATE, demoValues } from './demo-catalogue.ts';
import { addAssignment, addIndicators, addTemplate } from './setup.ts';
import { bulkLoadReports, rollUpCommittees } from './dataset-sql.ts';
import { unwrap } from './errors.ts';
import { bumpStamp } from './stamps.ts';
import { loadCatalogue } from './store.ts';
import type { ReportTable, ReportTotalTable, ReportValueTable } from './tables.ts';

const DEADLINE = { deadlineDays: 5, lockAfterDays: 25 };
/** Months of history before the current one. */
export const HISTORY_MONTHS = 11;

/** The demo catalogue and template, assigned by each province to its branches from the month `first`. */
async function setUpDemoReporting(
  ctx: AppContext,
  provinces: DatasetInfo['provinces'],
  first: string,
): Promise<Map<string, string>> {
  const actor = { accountId: null, ip: null, requestId: 'generate' };
  const assignments = new Map<string, string>();
  await mutate(ctx, actor, async (uow) => {
    const owner = provinces[0]!;
    await addIndicators(uow, owner, DEMO_INDICATORS);
    await addTemplate(uow, owner, DEMO_TEMPLATE, DEMO_RULES);
    for (const province of provinces) {
      assignments.set(
        province.id,
        await addAssignment(uow, province, {
          templateCode: DEMO_TEMPLATE.code,
          target: { kind: 'org_types', orgTypes: ['branch'] },
          periodType: 'monthly',
          ...DEADLINE,
          activeFrom: `${first}-01`,
        }),
      );
    }
  });
  return assignments;
}

/** The `count` months before the current one, oldest first. */
export function historyMonths(count = HISTORY_MONTHS): string[] {
  const current = periodOf(new Date(), 'monthly');
  const months: string[] = [];
  for (let p = nextPeriod(current, -count); p !== current; p = nextPeriod(p)) months.push(p);
  return months;
}

export const reportsDataset: DatasetPlugin = {
  name: 'reports',
  async generate(ctx, info, progress) {
    const r = rng(info.seed + 9);
    const months = historyMonths();
    const assignments = await setUpDemoReporting(ctx, info.provinces, months[0]!);
    const { catalogue } = await loadCatalogue(ctx.db);
    const upper = await ctx.db
      .selectFrom('orgs')
      .select(['id', 'parent_id', 'type_code', 'name'])
      .where('type_code', '!=', 'branch')
      .execute();
    const upperIds = new Set(upper.map((o) => o.id));
    let reports = 0;
    let done = 0;
    const toRow = (t: TotalCell): ReportTotalTable => ({
      org_id: t.orgId,
      period: t.period,
      indicator: t.indicator,
      combo: t.combo,
      sum: t.sum,
      count: t.count,
    });

    for await (const batch of branchBatches(ctx, 250)) {
      const stats = await ctx.db
        .selectFrom('members')
        .select((eb) => ['org_id', 'gender', 'kind', 'status', eb.fn.countAll<number>().as('n')])
        .where(
          'org_id',
          'in',
          batch.map((b) => b.id),
        )
        .groupBy(['org_id', 'gender', 'kind', 'status'])
        .execute();
      const byOrg = new Map<
        string,
        { total: number; female: number; probationary: number; exempt: number }
      >();
      for (const s of stats) {
        const m = byOrg.get(s.org_id) ?? { total: 0, female: 0, probationary: 0, exempt: 0 };
        const n = Number(s.n);
        m.total += n;
        if (s.gender === 'female') m.female += n;
        if (s.kind === 'probationary') m.probationary += n;
        if (s.status === 'exempt') m.exempt += n;
        byOrg.set(s.org_id, m);
      }
      const reportRows: ReportTable[] = [];
      const valueRows: ReportValueTable[] = [];
      const values: DataValue[] = [];
      const at = nowIso();
      for (const branch of batch) {
        const own = byOrg.get(branch.id) ?? { total: 0, female: 0, probationary: 0, exempt: 0 };
        for (const period of months) {
          const id = newId();
          const submitted = new Date(
            periodDates(period, DEADLINE).deadlineAt.getTime() - (1 + r() * 4) * 864e5,
          );
          const state = {
            ...newReport(),
            status: 'approved' as const,
            firstSubmittedAt: submitted,
            lastSubmittedAt: submitted,
            approvedAt: submitted,
            submissionCount: 1,
            history: [{ action: 'submit' as const, at: submitted, actor: 'generate' }],
          };
          reportRows.push({
            id,
            org_id: branch.id,
            org_path: branch.path,
            period,
            template_code: DEMO_TEMPLATE.code,
            template_version: 1,
            assignment_id: assignments.get(branch.province_id) ?? [...assignments.values()][0]!,
            reviewer_id: branch.province_id,
            status: 'approved',
            first_submitted_at: submitted.toISOString(),
            last_submitted_at: submitted.toISOString(),
            approved_at: submitted.toISOString(),
            complete: 1,
            state: JSON.stringify(state),
            texts: '{}',
            warning_comments: '{}',
            created_at: at,
            updated_at: at,
          });
          for (const [key, value] of Object.entries(demoValues(r, own))) {
            const { code, combo } = parseValueKey(key);
            const num = typeof value === 'boolean' ? (value ? 1 : 0) : value;
            valueRows.push({
              report_id: id,
              org_id: branch.id,
              period,
              indicator: code,
              combo,
              num,
              text: null,
              counted: 1,
            });
            values.push({ orgId: branch.id, period, indicator: code, combo, value: num });
          }
        }
      }
      for (let i = 0; i < reportRows.length; i += 200)
        await ctx.db
          .insertInto('reports')
          .values(reportRows.slice(i, i + 200))
          .execute();
      for (let i = 0; i < valueRows.length; i += 1000)
        await ctx.db
          .insertInto('report_values')
          .values(valueRows.slice(i, i + 1000))
          .execute();
      const tree = buildTree([
        ...upper.map((o) => ({ id: o.id, parentId: o.parent_id, type: o.type_code, name: o.name })),
        ...batch.map((b) => ({
          id: b.id,
          parentId: b.path.split('/').filter(Boolean).at(-2) ?? null,
          type: 'branch',
          name: b.id,
        })),
      ]);
      const { totals } = rollUp(values, tree, catalogue);
      // Only the branches' own totals: committees are summed from them in SQL at the end.
      const branchRows: ReportTotalTable[] = [];
      for (const t of totals.values()) if (!upperIds.has(t.orgId)) branchRows.push(toRow(t));
      for (let i = 0; i < branchRows.length; i += 1000)
        await ctx.db
          .insertInto('report_totals')
          .values(branchRows.slice(i, i + 1000))
          .execute();
      reports += reportRows.length;
      done += batch.length;
      progress(done, info.branches);
    }
    await rollUpCommittees(ctx.db);
    await bumpStamp(ctx.db, 'views');
    return { reports };
  },
};

/**
 * The same reports written set-based in SQL (`dataset-sql.ts`): every branch's approved reports for the `months`
 * months before the current one, their values and every node's totals. The country scale, where the plugin above
 * (a JavaScript row per value) would take hours.
 */
export function reportsDatasetSql(monthCount = HISTORY_MONTHS): DatasetPlugin {
  return {
    name: 'reports-sql',
    async generate(ctx, info, progress) {
      const months = historyMonths(monthCount);
      const assignments = await setUpDemoReporting(ctx, info.provinces, months[0]!);
      const { catalogue } = await loadCatalogue(ctx.db);
      const template = unwrap(createTemplate(DEMO_TEMPLATE, catalogue));
      return bulkLoadReports(ctx.db, {
        template,
        templateVersion: 1,
        catalogue,
        deadline: DEADLINE,
        months,
        assignments,
        progress,
      });
    },
  };
}
