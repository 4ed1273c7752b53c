// A report's spreadsheet: download pre-filled, fill offline, upload back through the same checks.

import type { Api } from '../../platform/http/types.ts';
import type { AppContext } from '../../platform/context.ts';
import { mutate } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { contentDisposition } from '../../platform/files/index.ts';
import { comboKeys, comboLabel, periodLabel, valueKey } from './domain/index.ts';
import { canSubmit } from './access.ts';
import { IdParams } from './schemas.ts';
import { findReport, loadReport, reportValues, saveDraft, type LoadedReport } from './service.ts';
import { orgOrThrow } from './store.ts';
import { loadVisibleReport, presentReport } from './report-routes.ts';
import { XLSX_MIME, cellsOf, readReportSheet, writeReportSheet, type SheetLine } from './xlsx.ts';

const tags = ['Báo cáo số liệu'];

async function sheetLines(ctx: AppContext, r: LoadedReport): Promise<SheetLine[]> {
  const values = await reportValues(ctx.db, r.row.id, r.catalogue);
  const texts = JSON.parse(r.row.texts) as Record<string, string>;
  const lines: SheetLine[] = [];
  for (const section of r.template.sections) {
    for (const item of section.items) {
      if (item.kind === 'text') {
        lines.push({
          key: item.code,
          label: item.label,
          combo: '',
          unit: '',
          value: texts[item.code] ?? null,
          required: item.required,
          kind: 'text',
        });
        continue;
      }
      if (item.kind !== 'indicator') continue;
      const ind = r.catalogue.indicators.get(item.indicator);
      if (!ind) continue;
      if (ind.kind === 'formula') {
        lines.push({
          key: ind.code,
          label: ind.name,
          combo: '',
          unit: ind.unit ?? '',
          value: 'Tự tính',
          required: false,
          kind: 'computed',
        });
        continue;
      }
      for (const combo of comboKeys(ind)) {
        const key = valueKey(ind.code, combo);
        const v = values[key];
        lines.push({
          key,
          label: ind.name,
          combo: combo === '' ? '' : comboLabel(ind, combo),
          unit: ind.unit ?? '',
          value: v === undefined ? null : typeof v === 'boolean' ? (v ? 'Có' : 'Không') : v,
          required: item.required,
          kind: 'indicator',
        });
      }
    }
  }
  return lines;
}

export function xlsxRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/reports/:id/xlsx',
    {
      config: { access: 'report.submit' },
      schema: { tags, summary: 'Tải mẫu Excel đã điền sẵn của báo cáo', params: IdParams },
    },
    async (req, reply) => {
      const row = await loadVisibleReport(ctx, principalOf(req), req.params.id);
      const r = await loadReport(ctx.db, row);
      const org = await orgOrThrow(ctx.db, row.org_id);
      const buf = await writeReportSheet({
        reportId: row.id,
        title: r.template.name,
        orgName: org.name,
        periodLabel: periodLabel(row.period),
        lines: await sheetLines(ctx, r),
      });
      return reply
        .type(XLSX_MIME)
        .header(
          'Content-Disposition',
          contentDisposition(`${r.template.name} - ${org.name} - ${periodLabel(row.period)}.xlsx`),
        )
        .send(buf);
    },
  );

  api.post(
    '/api/v1/reports/:id/xlsx',
    {
      config: { access: 'report.submit' },
      schema: {
        tags,
        summary: 'Tải lên tệp Excel đã điền (kiểm tra từng ô; lỗi thì không lưu gì)',
        consumes: ['multipart/form-data'],
        params: IdParams,
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const row = await loadVisibleReport(ctx, principal, req.params.id);
      if (!canSubmit(principal, row.org_path)) throw new AppError('FORBIDDEN');
      if (!req.isMultipart()) throw new AppError('UPLOAD_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('UPLOAD_REQUIRED');
      if (!file.filename.toLowerCase().endsWith('.xlsx')) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED');
      const bytes = await file.toBuffer();
      if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new AppError('UPLOAD_CONTENT_MISMATCH');
      const r = await loadReport(ctx.db, row);
      const sheet = await readReportSheet(bytes, { reportId: row.id, lines: await sheetLines(ctx, r) });
      const now = new Date();
      try {
        await mutate(ctx, actorOf(req), (uow) =>
          saveDraft(uow, r, { values: sheet.values, texts: sheet.texts }, principal.accountId, now),
        );
      } catch (err) {
        if (err instanceof AppError && err.code === 'REPORT_CELLS_INVALID') throw cellsOf(err, sheet.rowOf);
        throw err;
      }
      return presentReport(
        ctx.db,
        await loadReport(ctx.db, (await findReport(ctx.db, row.id))!),
        principal,
        now,
      );
    },
  );
}
