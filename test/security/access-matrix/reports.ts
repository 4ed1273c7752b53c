import { mutate } from '../../../src/platform/context.ts';
import { nowIso } from '../../../src/platform/db/database.ts';
import { newId } from '../../../src/platform/ids.ts';
import { newReport, periodOf } from '../../../src/features/reports/domain/index.ts';
import { openReport } from '../../../src/features/reports/service.ts';
import { addAssignment, addIndicators, addTemplate } from '../../../src/features/reports/setup.ts';
import { fileStoreOf } from '../../../src/features/documents/file-store.ts';
import type { MatrixEntries } from './types.ts';

/**
 * Reports: the side's commune owns an indicator and a template and assigns it monthly to its branches; the
 * side's branch has this month's report open and a narrative report submitted to the commune. Branch
 * reports are entered by report.submit holders on the branch and reviewed by report.review holders on the
 * commune; the commune's catalogue entries are changed only on the commune.
 */
let seq = 0;
const b = { target: 'branch' as const };
const c = { target: 'commune' as const };
const month = new Date().toISOString().slice(0, 7);
const dataIndicator = (code: string) => ({
  kind: 'data',
  code,
  name: 'Số buổi',
  valueType: 'non_negative_integer',
  aggregation: 'sum',
});
const templateFields = (ids: Record<string, string>) => ({
  name: 'Báo cáo mẫu',
  periodType: 'monthly',
  sections: [
    {
      code: 'I',
      title: 'I',
      items: [{ kind: 'indicator', indicator: ids['/api/v1/report-indicators/'], required: true }],
    },
  ],
});
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const n = ++seq;
    const indicator = `MAU_${side.name}_${n}`;
    const template = `MAUXA_${side.name}_${n}`;
    return mutate(ctx, { accountId: null, ip: null, requestId: 'matrix' }, async (uow) => {
      await addIndicators(uow, side.commune, [
        {
          kind: 'data',
          code: indicator,
          name: 'Số buổi',
          valueType: 'non_negative_integer',
          aggregation: 'sum',
        },
      ]);
      const templateVersion = await addTemplate(uow, side.commune, {
        code: template,
        name: 'Báo cáo mẫu',
        periodType: 'monthly',
        sections: [{ code: 'I', title: 'I', items: [{ kind: 'indicator', indicator, required: true }] }],
      });
      const assignment = await addAssignment(uow, side.commune, {
        templateCode: template,
        target: { kind: 'org_types', orgTypes: ['branch'] },
        periodType: 'monthly',
        deadlineDays: 5,
        lockAfterDays: 10,
        activeFrom: '2025-01-01',
      });
      const { row } = await openReport(uow, side.branch, template, periodOf(new Date(), 'monthly'));
      const narrative = newId();
      const now = nowIso();
      await uow.trx
        .insertInto('narrative_reports')
        .values({
          id: narrative,
          org_id: side.branch.id,
          org_path: side.branch.path,
          reviewer_id: side.commune.id,
          reviewer_path: side.commune.path,
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
      // One attachment stored under the narrative's own id (the matrix fills every parameter with one id).
      const key = `matrix/${narrative}.txt`;
      const bytes = new TextEncoder().encode('Phụ lục');
      await fileStoreOf(ctx).put(key, bytes, 'text/plain');
      await uow.trx
        .insertInto('narrative_attachments')
        .values({
          id: narrative,
          narrative_id: narrative,
          file_key: key,
          name: 'phu-luc.txt',
          mime: 'text/plain',
          size: bytes.length,
          created_at: now,
        })
        .execute();
      return {
        '/api/v1/reports/': row.id,
        '/api/v1/report-assignments/': assignment,
        '/api/v1/narrative-reports/': narrative,
        '/api/v1/report-indicators/': indicator,
        '/api/v1/report-templates/': template,
        '/api/v1/report-template-versions/': templateVersion,
      };
    });
  },
  routes: {
    'GET /api/v1/report-indicators': { target: 'global' },
    'POST /api/v1/report-indicators': {
      ...c,
      body: (_ids, side) => ({
        orgId: side.commune.id,
        indicator: dataIndicator(`MOI_${side.name}_${++seq}`),
      }),
    },
    'PUT /api/v1/report-indicators/:code': {
      ...c,
      body: (ids, side) => ({
        orgId: side.commune.id,
        indicator: dataIndicator(ids['/api/v1/report-indicators/']!),
      }),
    },
    'DELETE /api/v1/report-indicators/:code': c,
    'GET /api/v1/report-templates': { target: 'global' },
    'GET /api/v1/report-templates/:code/versions': { target: 'global' },
    'GET /api/v1/report-template-versions/:id': { target: 'global' },
    'POST /api/v1/report-templates': {
      ...c,
      body: (ids, side) => ({
        orgId: side.commune.id,
        code: `MOI_${side.name}_${++seq}`,
        ...templateFields(ids),
      }),
    },
    'PUT /api/v1/report-templates/:code': { ...c, body: (ids) => templateFields(ids) },
    'GET /api/v1/orgs/:id/report-assignments': b,
    'POST /api/v1/report-assignments': {
      ...c,
      body: (ids, side) => ({
        committeeId: side.commune.id,
        templateCode: ids['/api/v1/report-templates/'],
        target: { kind: 'org_types', orgTypes: ['branch'] },
        periodType: 'monthly',
        deadlineDays: 5,
        lockAfterDays: 10,
        activeFrom: '2025-01-01',
      }),
    },
    'POST /api/v1/report-assignments/:id/end': { ...c, body: () => ({ activeTo: '2030-12-31' }) },
    'GET /api/v1/orgs/:id/reports': b,
    'GET /api/v1/orgs/:id/report-review': { ...b, query: `period=${month}` },
    'POST /api/v1/reports': {
      ...b,
      body: (ids, side) => ({
        orgId: side.branch.id,
        templateCode: ids['/api/v1/report-templates/'],
        period: month,
      }),
    },
    'GET /api/v1/reports/:id': b,
    'PUT /api/v1/reports/:id/values': b,
    'POST /api/v1/reports/:id/submit': b,
    // The branch's report is reviewed by the commune above it, not by the branch itself.
    'POST /api/v1/reports/:id/approve': c,
    'POST /api/v1/reports/:id/return': c,
    'POST /api/v1/reports/:id/reopen': c,
    'POST /api/v1/reports/:id/exception': {
      ...c,
      body: () => ({ reason: 'Thiên tai', until: '2030-12-31' }),
    },
    'GET /api/v1/orgs/:id/report-totals': { ...b, query: 'from=2026-01' },
    'GET /api/v1/orgs/:id/report-totals/export': { ...b, query: 'from=2026-01' },
    'GET /api/v1/orgs/:id/report-completeness': { ...b, query: `period=${month}` },
    'GET /api/v1/orgs/:id/report-trend': {
      ...b,
      query: (ids) => `indicator=${ids['/api/v1/report-indicators/']}&from=2026-01&to=2026-12`,
    },
    'GET /api/v1/reports/:id/xlsx': b,
    'POST /api/v1/reports/:id/xlsx': b,
    'GET /api/v1/orgs/:id/narrative-reports': b,
    'POST /api/v1/narrative-reports': {
      ...b,
      body: (_ids, side) => ({ orgId: side.branch.id, title: 'Báo cáo', body: '<p>Nội dung</p>' }),
    },
    'GET /api/v1/narrative-reports/:id': b,
    'PATCH /api/v1/narrative-reports/:id': b,
    'POST /api/v1/narrative-reports/:id/attachments': b,
    'GET /api/v1/narrative-reports/:id/attachments/:fileId': b,
    'POST /api/v1/narrative-reports/:id/submit': b,
    'POST /api/v1/narrative-reports/:id/accept': c,
    'POST /api/v1/narrative-reports/:id/return': c,
  },
};
export default entries;
