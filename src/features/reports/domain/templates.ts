// Report templates: sections of indicators, free-text parts and attachment slots. A template is
// immutable once used: editing produces a new version, and each report keeps the version it was made with.

import { fail, ok, type Result } from './errors.ts';
import { comboKeys, comboLabel, TOTAL, valueKey, type Catalogue, type Value } from './indicators.ts';
import type { PeriodType } from './periods.ts';

export type TemplateItem =
  | {
      kind: 'indicator';
      indicator: string;
      required: boolean;
      /** Name of a source the system already knows (e.g. "members.count"); resolved by the caller. */
      prefill?: string;
    }
  | { kind: 'text'; code: string; label: string; required: boolean; maxLength?: number }
  | {
      kind: 'attachment';
      code: string;
      label: string;
      required: boolean;
      maxFiles: number;
      accept?: string[];
    };

export interface TemplateSection {
  code: string;
  title: string;
  items: TemplateItem[];
}

export interface ReportTemplate {
  /** Stable across versions; (code, version) identifies one version. */
  code: string;
  version: number;
  name: string;
  periodType: PeriodType;
  sections: TemplateSection[];
}

export type TemplateDraft = Omit<ReportTemplate, 'version'>;
export type TemplateChanges = Partial<Pick<ReportTemplate, 'name' | 'periodType' | 'sections'>>;

/** What a reporting organisation has entered for one report. */
export interface ReportEntry {
  /** By value key: "CODE" or "CODE[combo]". */
  values: Readonly<Record<string, Value>>;
  /** Free-text parts by item code. */
  texts?: Readonly<Record<string, string>>;
  /** Number of files attached per attachment slot. */
  attachments?: Readonly<Record<string, number>>;
}

function itemCode(item: TemplateItem): string {
  return item.kind === 'indicator' ? item.indicator : item.code;
}

export function validateTemplate(template: ReportTemplate, catalogue: Catalogue): Result<ReportTemplate> {
  const problems: string[] = [];
  if (template.name.trim() === '') problems.push('Mẫu báo cáo chưa có tên.');
  if (!Number.isInteger(template.version) || template.version < 1)
    problems.push('Số phiên bản không hợp lệ.');
  if (template.sections.length === 0) problems.push('Mẫu báo cáo chưa có phần nào.');
  const sectionCodes = new Set<string>();
  const itemCodes = new Set<string>();
  for (const section of template.sections) {
    if (sectionCodes.has(section.code)) problems.push(`Mã phần “${section.code}” bị trùng.`);
    sectionCodes.add(section.code);
    for (const item of section.items) {
      const code = itemCode(item);
      if (itemCodes.has(code)) problems.push(`“${code}” xuất hiện hai lần trong mẫu.`);
      itemCodes.add(code);
      if (item.kind === 'indicator') {
        const indicator = catalogue.indicators.get(item.indicator);
        if (!indicator) problems.push(`Không có chỉ tiêu mã “${item.indicator}”.`);
        else if (indicator.kind === 'formula' && item.required) {
          problems.push(`Chỉ tiêu «${indicator.name}» được tính tự động nên không thể bắt buộc nhập.`);
        }
      } else if (item.kind === 'attachment' && (!Number.isInteger(item.maxFiles) || item.maxFiles < 1)) {
        problems.push(`Mục đính kèm “${item.label}” phải cho phép ít nhất một tệp.`);
      }
    }
  }
  if (problems.length > 0) return fail('REPORT_TEMPLATE_INVALID', problems.join(' '), { problems });
  return ok(template);
}

export function createTemplate(draft: TemplateDraft, catalogue: Catalogue): Result<ReportTemplate> {
  return validateTemplate({ ...structuredClone(draft), version: 1 }, catalogue);
}

/** A new version with the changes applied; the old version is left untouched for past reports. */
export function reviseTemplate(
  old: ReportTemplate,
  changes: TemplateChanges,
  catalogue: Catalogue,
): Result<ReportTemplate> {
  const next: ReportTemplate = structuredClone({
    ...old,
    ...changes,
    code: old.code,
    version: old.version + 1,
  });
  return validateTemplate(next, catalogue);
}

/** Codes of the data indicators a report of this template enters (formula indicators excluded). */
export function enterableIndicators(template: ReportTemplate, catalogue: Catalogue): string[] {
  return template.sections.flatMap((section) =>
    section.items.flatMap((item) =>
      item.kind === 'indicator' && catalogue.indicators.get(item.indicator)?.kind === 'data'
        ? [item.indicator]
        : [],
    ),
  );
}

export interface MissingItem {
  section: string;
  kind: TemplateItem['kind'];
  /** Value key for indicators ("CODE" or "CODE[combo]"), item code otherwise. */
  key: string;
  /** Vietnamese label, e.g. "Số đảng viên mới kết nạp — Nữ". */
  label: string;
}

/**
 * Required parts that are still empty. A report is complete exactly when this is empty: completeness is
 * a fact about the data, not a button the sender has to remember to press.
 */
export function missingRequired(
  template: ReportTemplate,
  catalogue: Catalogue,
  entry: ReportEntry,
): MissingItem[] {
  const missing: MissingItem[] = [];
  for (const section of template.sections) {
    for (const item of section.items) {
      if (!item.required) continue;
      if (item.kind === 'indicator') {
        const indicator = catalogue.indicators.get(item.indicator);
        if (!indicator || indicator.kind !== 'data') continue;
        for (const combo of comboKeys(indicator)) {
          const key = valueKey(indicator.code, combo);
          if (!isPresent(entry.values[key])) {
            const label =
              combo === TOTAL ? indicator.name : `${indicator.name} — ${comboLabel(indicator, combo)}`;
            missing.push({ section: section.code, kind: 'indicator', key, label });
          }
        }
      } else if (item.kind === 'text') {
        if ((entry.texts?.[item.code] ?? '').trim() === '') {
          missing.push({ section: section.code, kind: 'text', key: item.code, label: item.label });
        }
      } else if ((entry.attachments?.[item.code] ?? 0) < 1) {
        missing.push({ section: section.code, kind: 'attachment', key: item.code, label: item.label });
      }
    }
  }
  return missing;
}

export function isComplete(template: ReportTemplate, catalogue: Catalogue, entry: ReportEntry): boolean {
  return missingRequired(template, catalogue, entry).length === 0;
}

function isPresent(value: Value | undefined): boolean {
  return value !== undefined && !(typeof value === 'string' && value.trim() === '');
}
