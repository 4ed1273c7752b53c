// Demo data: the province's catalogue and monthly branch report, assigned to every branch, with six
// months of submitted, approved, returned and missing reports so every view has numbers.

import type { AppContext } from '../../platform/context.ts';
import { mutate } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import type { DemoRefs } from '../../demo/seed-demo.ts';
import { rng } from '../../demo/names.ts';
import {
  missingRequired,
  newReport,
  nextPeriod,
  periodDates,
  periodOf,
  parseValueKey,
  type ReportState,
} from './domain/index.ts';
import { DEMO_INDICATORS, DEMO_RULES, DEMO_TEMPLATE, demoValues } from './demo-catalogue.ts';
import { rebuildTotals } from './rollup.ts';
import { addAssignment, addIndicators, addTemplate } from './setup.ts';
import { loadCatalogue, templateVersion } from './store.ts';
import type { ReportTable, ReportValueTable } from './tables.ts';

const DEADLINE = { deadlineDays: 5, lockAfterDays: 25 };

export async function seedReportsDemo(ctx: AppContext, refs: DemoRefs): Promise<void> {
  const r = rng(91);
  const actor = { accountId: null, ip: null, requestId: 'seed-demo' };
  await mutate(ctx, actor, async (uow) => {
    const province = refs.province;
    await addIndicators(uow, province, DEMO_INDICATORS);
    await addTemplate(uow, province, DEMO_TEMPLATE, DEMO_RULES);
    const now = new Date();
    const current = periodOf(now, 'monthly');
    const first = nextPeriod(current, -6);
    const assignment = await addAssignment(uow, province, {
      templateCode: DEMO_TEMPLATE.code,
      target: { kind: 'org_types', orgTypes: ['branch'] },
      periodType: 'monthly',
      ...DEADLINE,
      activeFrom: `${first}-01`,
    });
    const template = await templateVersion(uow.trx, DEMO_TEMPLATE.code, 1);
    const { catalogue } = await loadCatalogue(uow.trx);

    const [lo, hi] = subtreeBounds(province.path);
    const members = await uow.trx
      .selectFrom('members')
      .select(['org_id', 'gender', 'kind', 'status'])
      .where('org_path', '>=', lo)
      .where('org_path', '<', hi)
      .execute();
    const stats = new Map<string, { total: number; female: number; probationary: number; exempt: number }>();
    for (const m of members) {
      const s = stats.get(m.org_id) ?? { total: 0, female: 0, probationary: 0, exempt: 0 };
      s.total++;
      if (m.gender === 'female') s.female++;
      if (m.kind === 'probationary') s.probationary++;
      if (m.status === 'exempt') s.exempt++;
      stats.set(m.org_id, s);
    }

    const reports: ReportTable[] = [];
    const values: ReportValueTable[] = [];
    for (const branch of refs.branches) {
      const inDemoCommune = branch.parentId === refs.commune.id;
      const own = stats.get(branch.id) ?? { total: 0, female: 0, probationary: 0, exempt: 0 };
      for (let period = first; period !== current; period = nextPeriod(period)) {
        const dates = periodDates(period, DEADLINE);
        const recent = period === nextPeriod(current, -1);
        const isDemoBranch = branch.id === refs.branch.id;
        // Some branches are late or missing, more so in the most recent month.
        const roll = r();
        if (!isDemoBranch && roll < (recent ? 0.12 : 0.04)) continue;
        const late = roll > (recent ? 0.85 : 0.93);
        const submittedAt = new Date(dates.deadlineAt.getTime() + (late ? 1 : -1) * (1 + r() * 3) * 864e5);
        let status: ReportState['status'] = 'approved';
        const history: ReportState['history'] = [{ action: 'submit', at: submittedAt, actor: 'demo' }];
        if (recent && isDemoBranch) {
          status = 'returned';
          history.push({
            action: 'return',
            at: new Date(submittedAt.getTime() + 864e5),
            actor: 'demo',
            comment: 'Đề nghị chi bộ kiểm tra lại số đảng viên dự sinh hoạt cho khớp với biên bản.',
          });
        } else if (recent && (inDemoCommune || r() < 0.4)) {
          status = 'submitted';
        } else {
          history.push({ action: 'approve', at: new Date(submittedAt.getTime() + 2 * 864e5), actor: 'demo' });
        }
        const state: ReportState = {
          ...newReport(),
          status,
          firstSubmittedAt: submittedAt,
          lastSubmittedAt: submittedAt,
          approvedAt: status === 'approved' ? (history.at(-1)?.at ?? null) : null,
          submissionCount: 1,
          returnCount: status === 'returned' ? 1 : 0,
          history,
        };
        const id = newId();
        const figures = demoValues(r, own);
        const counted = status === 'returned' ? 0 : 1;
        for (const [key, value] of Object.entries(figures)) {
          const { code, combo } = parseValueKey(key);
          values.push({
            report_id: id,
            org_id: branch.id,
            period,
            indicator: code,
            combo,
            num: typeof value === 'boolean' ? (value ? 1 : 0) : value,
            text: null,
            counted,
          });
        }
        const complete = missingRequired(template, catalogue, { values: figures }).length === 0;
        const at = nowIso();
        reports.push({
          id,
          org_id: branch.id,
          org_path: branch.path,
          period,
          template_code: template.code,
          template_version: 1,
          assignment_id: assignment,
          reviewer_id: province.id,
          status,
          first_submitted_at: submittedAt.toISOString(),
          last_submitted_at: submittedAt.toISOString(),
          approved_at: state.approvedAt ? state.approvedAt.toISOString() : null,
          complete: complete ? 1 : 0,
          state: JSON.stringify(state),
          texts: JSON.stringify(
            isDemoBranch
              ? { NHAN_XET: 'Chi bộ duy trì sinh hoạt đều đặn; đề nghị hỗ trợ tài liệu học tập.' }
              : {},
          ),
          warning_comments: '{}',
          created_at: at,
          updated_at: at,
        });
      }
    }
    for (let i = 0; i < reports.length; i += 200)
      await uow.trx
        .insertInto('reports')
        .values(reports.slice(i, i + 200))
        .execute();
    for (let i = 0; i < values.length; i += 1000)
      await uow.trx
        .insertInto('report_values')
        .values(values.slice(i, i + 1000))
        .execute();
    await rebuildTotals(uow.trx, catalogue);

    // A narrative report the demo branch sent and the commune accepted, and one waiting.
    const at = nowIso();
    for (const [title, status] of [
      ['Báo cáo kết quả thực hiện nhiệm vụ quý III', 'approved'],
      ['Báo cáo kết quả lấy ý kiến nhân dân về dự thảo văn kiện', 'submitted'],
    ] as const) {
      const state = {
        ...newReport(),
        status,
        history: [{ action: 'submit', at: new Date(), actor: 'demo' }],
      };
      await uow.trx
        .insertInto('narrative_reports')
        .values({
          id: newId(),
          org_id: refs.branch.id,
          org_path: refs.branch.path,
          reviewer_id: refs.commune.id,
          reviewer_path: refs.commune.path,
          title,
          period: null,
          body: `<p>${title}.</p><p>Chi bộ đã tổ chức quán triệt đầy đủ, đảng viên tham gia tích cực; các chỉ tiêu cơ bản đạt và vượt kế hoạch.</p>`,
          status,
          state: JSON.stringify(state),
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  });
}
