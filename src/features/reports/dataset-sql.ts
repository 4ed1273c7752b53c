// Reports of the synthetic dataset written set-based in SQL, for the country scale (254,000 branches) where a row
// built in JavaScript per value would take hours: every branch's approved monthly reports, their values and the
// stored totals of every node, on SQLite and PostgreSQL alike.
//
// Branch totals follow the domain's rules (aggregation.ts) in SQL: per span (month, quarter, half year, year) a
// `sum` indicator adds the months, an `average_over_time_sum_over_orgs` one averages them, a `last_value` one
// takes the latest month; the total over disaggregations is each month's sum over its combos, then the rule. A
// committee's (sum, count) is the sum of its children's, so committees are filled level by level from the deepest
// up (INSERT … SELECT … GROUP BY parent). `dataset-sql.api.test.ts` checks the result equals the domain's full
// roll-up (`rebuildTotals`). Figures are deterministic functions of the branch's members and the month, not
// drawn at random, so the same statement gives the same dataset on both databases.

import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import {
  comboKeys,
  enclosingPeriods,
  isNumericType,
  newReport,
  periodDates,
  type Catalogue,
  type DeadlineRule,
  type ReportTemplate,
} from './domain/index.ts';
import { bumpStamp } from './stamps.ts';

/** Mixes branch, month and key numbers into 0–999 (a fixed pattern that varies between branches and months). */
const H = (salt: number) => sql.raw(`((b.seq * 7919 + m.idx * 104729 + ${salt} * 1299709) % 1000)`);
const must = sql.raw('(b.n - b.e)');

/** The figure of each value a branch reports, as SQL over its members (b.n, b.f, b.p, b.e) and H. */
const FIGURES: Record<string, ReturnType<typeof sql>> = {
  DV_TONG: sql`b.n`,
  DV_NU: sql`b.f`,
  DV_DU_BI: sql`b.p`,
  DV_MIEN_SH: sql`b.e`,
  'DV_MOI[nam]': sql`case when ${H(1)} < 100 then 1 else 0 end`,
  'DV_MOI[nu]': sql`case when ${H(2)} < 80 then 1 else 0 end`,
  DV_CHINH_THUC: sql`case when ${H(3)} < 100 then 1 else 0 end`,
  DV_CHUYEN_DEN: sql`case when ${H(4)} < 50 then 1 else 0 end`,
  DV_CHUYEN_DI: sql`case when ${H(5)} < 50 then 1 else 0 end`,
  DV_TU_TRAN: sql`case when ${H(6)} < 40 then 1 else 0 end`,
  DV_XOA_TEN: sql`0`,
  QUAN_CHUNG_UT: sql`${H(7)} % 4`,
  HUY_HIEU: sql`case when ${H(8)} < 80 then ${H(8)} % 3 else 0 end`,
  SH_THUONG_KY: sql`1`,
  SH_CHUYEN_DE: sql`case when ${H(9)} < 300 then 1 else 0 end`,
  DV_PHAI_DU: must,
  DV_DU_HOP: sql`${must} - ${H(10)} % (1 + ${must} / 4)`,
  DV_VANG_CO_LD: sql`case when ${H(10)} % (1 + ${must} / 4) > 3 then 3 else ${H(10)} % (1 + ${must} / 4) end`,
  CO_BIEN_BAN: sql`case when ${H(11)} >= 50 then 1 else 0 end`,
  DANG_PHI_THU: sql`b.n * (10000 + ${H(12)} % 6 * 5000)`,
  DANG_PHI_NOP: sql`b.n * (10000 + ${H(12)} % 6 * 5000) * 3 / 10`,
  DV_DONG_DU: sql`b.n - case when ${H(13)} < 300 then ${H(13)} % 3 else 0 end`,
  KT_GIAM_SAT: sql`case when ${H(14)} < 200 then 1 else 0 end`,
  DV_KY_LUAT: sql`0`,
  DON_THU: sql`case when ${H(15)} < 350 then ${H(15)} % 4 else 0 end`,
  DON_THU_GQ: sql`case when ${H(15)} < 350 then ${H(15)} % 4 / 2 else 0 end`,
  DV_HOC_NQ: sql`case when ${H(16)} < 400 then ${must} * 9 / 10 else 0 end`,
  DV_PHAN_CONG: sql`b.n * (60 + ${H(17)} % 35) / 100`,
};

/** A figure for an indicator the list above does not know: a small count. */
const figureOf = (key: string, salt: number) => FIGURES[key] ?? sql`${H(100 + salt)} % 3`;

export interface BulkReportsInput {
  template: ReportTemplate;
  templateVersion: number;
  catalogue: Catalogue;
  deadline: DeadlineRule;
  /** Monthly periods, oldest first. */
  months: readonly string[];
  /** Assignment id by province id (the assigning committee of the province's branches). */
  assignments: ReadonlyMap<string, string>;
  progress?: (doneProvinces: number, provinces: number) => void;
}

const BULK_TABLES = ['report_bulk_branches', 'report_bulk_months', 'report_bulk_spans', 'report_bulk_rules'];

async function dropBulkTables(db: Kysely<DB>): Promise<void> {
  for (const t of BULK_TABLES) await sql`drop table if exists ${sql.table(t)}`.execute(db);
}

/**
 * Writes approved reports of every branch for `months`, their values and the stored totals of every node (for
 * each month, quarter, half year and year the months touch). Committees' totals are summed from their children's,
 * so it refuses to run over stored totals.
 */
export async function bulkLoadReports(db: Kysely<DB>, input: BulkReportsInput): Promise<{ reports: number }> {
  if (await db.selectFrom('report_totals').select('org_id').limit(1).executeTakeFirst())
    throw new Error('bulkLoadReports: report_totals is not empty');
  await dropBulkTables(db);
  // Work tables (ordinary ones: a pool may run each statement on another connection).
  await sql`create table report_bulk_branches (id text primary key, path text not null, province_id text not null,
    seq integer not null, n integer not null, f integer not null, p integer not null, e integer not null)`.execute(
    db,
  );
  await sql`insert into report_bulk_branches (id, path, province_id, seq, n, f, p, e)
    select o.id, o.path, o.province_id, row_number() over (order by o.path),
      coalesce(s.n, 0), coalesce(s.f, 0), coalesce(s.p, 0), coalesce(s.e, 0)
    from orgs o left join (
      select org_id, count(*) as n,
        sum(case when gender = 'female' then 1 else 0 end) as f,
        sum(case when kind = 'probationary' then 1 else 0 end) as p,
        sum(case when status = 'exempt' then 1 else 0 end) as e
      from members group by org_id) s on s.org_id = o.id
    where o.type_code = 'branch' and o.status = 'active'`.execute(db);
  await sql`create index report_bulk_branches_province on report_bulk_branches (province_id)`.execute(db);

  await sql`create table report_bulk_months (period text primary key, idx integer not null, at text not null,
    state text not null)`.execute(db);
  for (const [idx, period] of input.months.entries()) {
    // Sent a day before the deadline and approved at once.
    const at = new Date(periodDates(period, input.deadline).deadlineAt.getTime() - 864e5);
    const state = {
      ...newReport(),
      status: 'approved' as const,
      firstSubmittedAt: at,
      lastSubmittedAt: at,
      approvedAt: at,
      submissionCount: 1,
      history: [{ action: 'submit' as const, at, actor: 'generate' }],
    };
    await sql`insert into report_bulk_months (period, idx, at, state)
      values (${period}, ${idx}, ${at.toISOString()}, ${JSON.stringify(state)})`.execute(db);
  }
  await sql`create table report_bulk_spans (period text not null, span text not null)`.execute(db);
  for (const period of input.months)
    for (const span of enclosingPeriods(period))
      await sql`insert into report_bulk_spans (period, span) values (${period}, ${span})`.execute(db);

  // The data indicators of the template that are aggregated, with each value key the report holds.
  const keys: Array<{ key: string; indicator: string; combo: string }> = [];
  await sql`create table report_bulk_rules (indicator text primary key, rule text not null,
    split integer not null)`.execute(db);
  for (const item of input.template.sections.flatMap((s) => s.items)) {
    if (item.kind !== 'indicator') continue;
    const indicator = input.catalogue.indicators.get(item.indicator);
    if (!indicator || indicator.kind !== 'data') continue;
    if (!isNumericType(indicator.valueType) && indicator.valueType !== 'yes_no') continue;
    const combos = comboKeys(indicator);
    for (const combo of combos)
      keys.push({
        key: combo ? `${indicator.code}[${combo}]` : indicator.code,
        indicator: indicator.code,
        combo,
      });
    if (indicator.aggregation !== 'none')
      await sql`insert into report_bulk_rules (indicator, rule, split)
        values (${indicator.code}, ${indicator.aggregation}, ${combos.some((c) => c !== '') ? 1 : 0})`.execute(
        db,
      );
  }

  const provinces = [...input.assignments.keys()];
  let reports = 0;
  for (const [done, provinceId] of provinces.entries()) {
    const assignmentId = input.assignments.get(provinceId)!;
    const inserted =
      await sql`insert into reports (id, org_id, org_path, period, template_code, template_version,
        assignment_id, reviewer_id, status, first_submitted_at, last_submitted_at, approved_at, complete, state,
        texts, warning_comments, created_at, updated_at)
      select 'bulk-' || b.seq || '-' || m.period, b.id, b.path, m.period, ${input.template.code},
        ${input.templateVersion}, ${assignmentId}, ${provinceId}, 'approved', m.at, m.at, m.at, 1, m.state, '{}', '{}',
        m.at, m.at
      from report_bulk_branches b cross join report_bulk_months m
      where b.province_id = ${provinceId}`.execute(db);
    reports += Number(inserted.numAffectedRows ?? 0);
    for (const [salt, k] of keys.entries()) {
      await sql`insert into report_values (report_id, org_id, period, indicator, combo, num, text, counted)
        select 'bulk-' || b.seq || '-' || m.period, b.id, m.period, ${k.indicator}, ${k.combo},
          ${figureOf(k.key, salt)}, null, 1
        from report_bulk_branches b cross join report_bulk_months m
        where b.province_id = ${provinceId}`.execute(db);
    }
    // Each branch's own totals per span: its values (plus, per month, the sum over combos of a split indicator)
    // reduced by the indicator's rule.
    await sql`insert into report_totals (org_id, period, indicator, combo, sum, count)
      select org_id, span, indicator, combo,
        case rule
          when 'sum' then sum(num)
          when 'average_over_time_sum_over_orgs' then avg(num)
          else max(case when period = latest then num end)
        end, 1
      from (
        select v.org_id, v.period, s.span, v.indicator, v.combo, v.num, r.rule,
          max(v.period) over (partition by v.org_id, s.span, v.indicator, v.combo) as latest
        from (
          select rv.org_id, rv.period, rv.indicator, rv.combo, rv.num
          from report_values rv join report_bulk_branches b on b.id = rv.org_id
          where b.province_id = ${provinceId} and rv.counted = 1 and rv.num is not null
          union all
          select rv.org_id, rv.period, rv.indicator, '', sum(rv.num)
          from report_values rv join report_bulk_branches b on b.id = rv.org_id
            join report_bulk_rules r on r.indicator = rv.indicator
          where b.province_id = ${provinceId} and rv.counted = 1 and rv.num is not null and r.split = 1
          group by rv.org_id, rv.period, rv.indicator
        ) v
        join report_bulk_rules r on r.indicator = v.indicator
        join report_bulk_spans s on s.period = v.period
      ) x
      group by org_id, span, indicator, combo, rule`.execute(db);
    input.progress?.(done + 1, provinces.length);
  }
  await rollUpCommittees(db);
  await dropBulkTables(db);
  // Tens of millions of rows written at once: without fresh statistics the planner reads the totals table whole
  // for a view of a few organisations (autovacuum analyses it only later).
  await sql`analyze`.execute(db);
  await bumpStamp(db, 'views');
  return { reports };
}

/**
 * Every committee's totals from its children's, deepest level first: a node's (sum, count) is the sum of its
 * children's plus its own (already stored, if it reports itself). Set-based: one statement per level.
 */
export async function rollUpCommittees(db: Kysely<DB>): Promise<void> {
  const deepest = await db
    .selectFrom('orgs')
    .select((eb) => eb.fn.max('depth').as('d'))
    .executeTakeFirst();
  for (let depth = Number(deepest?.d ?? 0); depth > 0; depth--) {
    await sql`insert into report_totals (org_id, period, indicator, combo, sum, count)
      select o.parent_id, t.period, t.indicator, t.combo, sum(t.sum), sum(t.count)
      from report_totals t join orgs o on o.id = t.org_id
      where o.depth = ${depth} and o.parent_id is not null
      group by o.parent_id, t.period, t.indicator, t.combo
      on conflict (org_id, period, indicator, combo)
      do update set sum = report_totals.sum + excluded.sum, count = report_totals.count + excluded.count`.execute(
      db,
    );
  }
}
