// Shapes of the reporting API answers the screens use.

export type ReportStatus = 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved';
export type Timeliness = 'on_time' | 'late' | 'missing' | 'not_due';
export type Value = number | boolean | string;

export interface ExpectedItem {
  reportId: string | null;
  period: string;
  periodLabel: string;
  templateCode: string;
  templateName: string;
  status: ReportStatus;
  complete: boolean;
  deadline: string;
  timeliness: Timeliness;
}

export interface Cell {
  key: string;
  label: string | null;
}

export type Item =
  | {
      kind: 'indicator';
      indicator: string;
      required: boolean;
      name: string;
      unit: string | null;
      computed: boolean;
      valueType: string;
      min: number | null;
      max: number | null;
      cells: Cell[];
      prefillLabel: string | null;
      prefillValue: number | null;
    }
  | { kind: 'text'; code: string; label: string; required: boolean }
  | { kind: 'attachment'; code: string; label: string; required: boolean };

export interface Violation {
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  values: Record<string, number | null>;
}

export interface Report {
  id: string;
  orgId: string;
  orgName: string;
  period: string;
  periodLabel: string;
  templateName: string;
  status: Exclude<ReportStatus, 'not_started'>;
  complete: boolean;
  deadline: string;
  locked: boolean;
  editable: boolean;
  notEditableReason: string | null;
  timeliness: Timeliness;
  canSubmit: boolean;
  canReview: boolean;
  returnComment: string | null;
  sections: Array<{ code: string; title: string; items: Item[] }>;
  rules: Array<{ code: string; name: string; severity: 'error' | 'warning' }>;
  values: Record<string, Value>;
  texts: Record<string, string>;
  warningComments: Record<string, string>;
  check: {
    ok: boolean;
    missing: Array<{ key: string; label: string }>;
    errors: Violation[];
    warnings: Violation[];
  };
  history: Array<{ action: string; at: string; comment?: string }>;
}

export interface Counts {
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  missing: number;
  notDue: number;
  approved: number;
  awaitingReview: number;
  returned: number;
}

export interface ReviewView extends Counts {
  orgName: string;
  periodLabel: string;
  missingOrgs: Array<{ orgId: string; name: string }>;
  lateOrgs: Array<{ orgId: string; name: string }>;
  byChild: Array<{ orgId: string; name: string } & Counts>;
  reports: Array<{
    id: string;
    orgId: string;
    orgName: string;
    status: ReportStatus;
    submittedAt: string | null;
  }>;
}

export interface TotalsView {
  org: { id: string; name: string };
  rows: Array<{ id: string; name: string }>;
  periods: Array<{ id: string; label: string }>;
  indicators: Array<{ code: string; name: string; unit: string | null; kind: 'data' | 'formula' }>;
  cells: Array<{
    orgId: string;
    period: string;
    indicator: string;
    combo: string;
    value: number | null;
    reporting: number;
  }>;
}

/** The month containing today in Vietnam (UTC+7), "YYYY-MM". */
export function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
}

export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
