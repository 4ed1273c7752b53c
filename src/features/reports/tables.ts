// Reporting by numbers: catalogue, template versions, assignments, reports, values and the stored roll-up.

export interface ReportIndicatorTable {
  code: string;
  /** Committee that owns the definition; only it (or above) may change it. */
  owner_org_id: string;
  owner_path: string;
  /** JSON of the domain Indicator (data or formula). */
  definition: string;
  /** 0 = retired: kept for past reports, not offered in new templates. */
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ReportTemplateTable {
  id: string;
  code: string;
  version: number;
  owner_org_id: string;
  owner_path: string;
  /** JSON of the domain ReportTemplate plus `rules` (ValidationRule[]), frozen once stored. */
  definition: string;
  created_at: string;
}

export interface ReportAssignmentTable {
  id: string;
  committee_id: string;
  committee_path: string;
  template_code: string;
  /** JSON AssignmentTarget: by organisation types or by a list of organisations. */
  target: string;
  period_type: string;
  deadline_days: number;
  lock_after_days: number;
  active_from: string;
  active_to: string | null;
  created_at: string;
}

export interface ReportTable {
  id: string;
  org_id: string;
  org_path: string;
  period: string;
  template_code: string;
  template_version: number;
  assignment_id: string;
  reviewer_id: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  first_submitted_at: string | null;
  last_submitted_at: string | null;
  approved_at: string | null;
  /** 1 when every required value is present (computed on each save, never set by hand). */
  complete: number;
  /** JSON ReportState history, counters and exception (dates as ISO strings). */
  state: string;
  /** JSON of free-text parts by item code. */
  texts: string;
  /** JSON of the sender's explanations by warning rule code. */
  warning_comments: string;
  created_at: string;
  updated_at: string;
}

export interface ReportValueTable {
  report_id: string;
  /** Copies from the report: counted values of one organisation are loaded without a join. */
  org_id: string;
  period: string;
  indicator: string;
  /** '' for an indicator without disaggregation. */
  combo: string;
  /** Numbers, and yes/no as 1/0. */
  num: number | null;
  text: string | null;
  /** 1 while the report's status counts in totals (submitted or approved). */
  counted: number;
}

export interface ReportTotalTable {
  org_id: string;
  period: string;
  indicator: string;
  combo: string;
  sum: number;
  count: number;
}

export interface NarrativeReportTable {
  id: string;
  org_id: string;
  org_path: string;
  reviewer_id: string;
  reviewer_path: string;
  title: string;
  /** Period the report is about (free: "2026-11", "2026-Q4"), optional. */
  period: string | null;
  body: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  state: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface NarrativeAttachmentTable {
  id: string;
  narrative_id: string;
  file_key: string;
  name: string;
  mime: string;
  size: number;
  created_at: string;
}

/** Counters bumped in the transaction of a change, read to know whether a kept computation is still right. */
export interface ReportStampTable {
  name: string;
  value: number;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    report_indicators: ReportIndicatorTable;
    report_templates: ReportTemplateTable;
    report_assignments: ReportAssignmentTable;
    reports: ReportTable;
    report_values: ReportValueTable;
    report_totals: ReportTotalTable;
    narrative_reports: NarrativeReportTable;
    narrative_attachments: NarrativeAttachmentTable;
    report_stamps: ReportStampTable;
  }
}
