import type { RouteSamples } from './types.ts';
import { mutate } from '../../../src/platform/context.ts';
import { nowIso } from '../../../src/platform/db/database.ts';
import { newId } from '../../../src/platform/ids.ts';
import { newReport, periodOf } from '../../../src/features/reports/domain/index.ts';
import { openReport } from '../../../src/features/reports/service.ts';
import { addAssignment, addIndicators, addTemplate } from '../../../src/features/reports/setup.ts';

/** The catalogue and template lists are reference data every reporter reads, like the organisation types. */
export const selfRoutes = [
  'GET /api/v1/report-indicators',
  'GET /api/v1/report-templates',
  'GET /api/v1/report-templates/:code/versions',
  'GET /api/v1/report-template-versions/:id',
];

const samples: RouteSamples = async (ctx, tree) => {
  const actor = { accountId: null, ip: null, requestId: 'route-samples' };
  return mutate(ctx, actor, async (uow) => {
    await addIndicators(uow, tree.communeA, [
      {
        kind: 'data',
        code: 'MAU_SO_BUOI',
        name: 'Số buổi',
        valueType: 'non_negative_integer',
        aggregation: 'sum',
      },
    ]);
    const templateVersion = await addTemplate(uow, tree.communeA, {
      code: 'MAU_XA',
      name: 'Báo cáo mẫu',
      periodType: 'monthly',
      sections: [
        { code: 'I', title: 'I', items: [{ kind: 'indicator', indicator: 'MAU_SO_BUOI', required: true }] },
      ],
    });
    const assignment = await addAssignment(uow, tree.communeA, {
      templateCode: 'MAU_XA',
      target: { kind: 'org_types', orgTypes: ['branch'] },
      periodType: 'monthly',
      deadlineDays: 5,
      lockAfterDays: 10,
      activeFrom: '2025-01-01',
    });
    const { row } = await openReport(uow, tree.branchA1, 'MAU_XA', periodOf(new Date(), 'monthly'));
    const narrative = newId();
    const now = nowIso();
    await uow.trx
      .insertInto('narrative_reports')
      .values({
        id: narrative,
        org_id: tree.branchA1.id,
        org_path: tree.branchA1.path,
        reviewer_id: tree.communeA.id,
        reviewer_path: tree.communeA.path,
        title: 'Báo cáo mẫu',
        period: null,
        body: '<p>Nội dung</p>',
        status: 'submitted',
        state: JSON.stringify(newReport()),
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return {
      '/api/v1/reports/': row.id,
      '/api/v1/report-assignments/': assignment,
      '/api/v1/narrative-reports/': narrative,
      '/api/v1/report-indicators/': 'MAU_SO_BUOI',
      '/api/v1/report-templates/': 'MAU_XA',
      '/api/v1/report-template-versions/': templateVersion,
    };
  });
};
export default samples;
