// Pieces shared by the administration screens of reporting: shapes of the catalogue API, labels of its
// enumerations, codes made from Vietnamese names, and the way back to the administration home.
import { t, type MessageKey } from '../i18n/i18n.ts';

export const VALUE_TYPES = [
  'non_negative_integer',
  'integer',
  'decimal',
  'percentage',
  'yes_no',
  'text',
] as const;
export const AGGREGATIONS = ['sum', 'average_over_time_sum_over_orgs', 'last_value', 'none'] as const;
export const PERIOD_TYPES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;

export type ValueType = (typeof VALUE_TYPES)[number];
export type Aggregation = (typeof AGGREGATIONS)[number];
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface Category {
  code: string;
  name: string;
  options: Array<{ code: string; name: string }>;
}

export type Indicator =
  | {
      kind: 'data';
      code: string;
      name: string;
      unit?: string;
      valueType: ValueType;
      aggregation: Aggregation;
      categories?: Category[];
      min?: number;
      max?: number;
      ownerOrgId?: string;
    }
  | {
      kind: 'formula';
      code: string;
      name: string;
      unit?: string;
      numerator: string;
      denominator: string;
      factor: number;
      decimals?: number;
      ownerOrgId?: string;
    };

export type TemplateItem =
  | { kind: 'indicator'; indicator: string; required: boolean; prefill?: string }
  | { kind: 'text'; code: string; label: string; required: boolean }
  | { kind: 'attachment'; code: string; label: string; required: boolean; maxFiles: number };

export interface TemplateSection {
  code: string;
  title: string;
  items: TemplateItem[];
}

export interface Template {
  id: string;
  code: string;
  version: number;
  name: string;
  periodType: PeriodType;
  sections: TemplateSection[];
  /** Validation rules (see template-edit.ts). */
  rules?: Array<{ code: string; name: string; expression: string; severity: 'error' | 'warning' }>;
  ownerOrgId: string;
  createdAt: string;
}

export interface Assignment {
  id: string;
  committeeId: string;
  templateCode: string;
  target: { kind: 'org_types'; orgTypes: string[] } | { kind: 'orgs'; orgIds: string[] };
  periodType: PeriodType;
  deadline: { deadlineDays: number; lockAfterDays: number };
  activeFrom: string;
  activeTo: string | null;
}

export interface OrgType {
  code: string;
  nameVi: string;
  nameEn: string;
  rank: number;
}

export const valueTypeLabel = (v: string) => t(`reportAdmin.valueType.${v}` as MessageKey);
export const aggregationLabel = (v: string) => t(`reportAdmin.aggregation.${v}` as MessageKey);
export const periodTypeLabel = (v: string) => t(`reportAdmin.periodType.${v}` as MessageKey);

/** "Số đảng viên nữ" → "so_dang_vien_nu": a code from a Vietnamese name, without marks. */
export function slug(name: string, max = 32): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, max)
    .replace(/_+$/, '');
}

/** An indicator code from its name: capitals, digits and underscores, starting with a letter. */
export function codeFromName(name: string): string {
  const s = slug(name, 40).toUpperCase();
  return /^[A-Z]/.test(s) ? s : s ? `CT_${s}` : '';
}

export function adminHref(orgId: string): string {
  return `/orgs/${encodeURIComponent(orgId)}/reports/admin`;
}

/** Breadcrumbs: reporting home, then the administration home. */
export function AdminCrumbs(props: { orgId: string; here?: boolean }) {
  const base = `/orgs/${encodeURIComponent(props.orgId)}/reports`;
  return (
    <nav class="crumbs" aria-label={t('report.title')}>
      <ol>
        <li>
          <a href={base}>{t('report.title')}</a>
        </li>
        {!props.here && (
          <li>
            <a href={adminHref(props.orgId)}>{t('reportAdmin.title')}</a>
          </li>
        )}
      </ol>
    </nav>
  );
}

/** A number typed by a person ("1.000", "1 000", "2,5" too); null when empty, NaN when not a number. */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return null;
  // Vietnamese writes 1.000,5; a single comma or dot followed by 1–2 digits is a decimal mark.
  const normalised = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)
    ? s.replace(/\./g, '').replace(',', '.')
    : s.replace(',', '.');
  const n = Number(normalised);
  return Number.isFinite(n) ? n : NaN;
}
