/**
 * One row per organisation that holds meetings (a branch) and month: the counts every supervision figure is
 * made of. Kept up to date when a meeting ends or its minutes are approved (a job per meeting), when a task
 * changes (same transaction) and nightly (quality scores, app activity). Views sum rows of a subtree.
 */
export interface SupervisionMonthlyTable {
  org_id: string;
  org_path: string;
  /** YYYY-MM */
  month: string;
  meetings_held: number;
  regular_held: number;
  themed_held: number;
  /** Meetings whose materials were published at least a day before the start. */
  materials_early: number;
  attendance_present: number;
  attendance_expected: number;
  opened_before: number;
  comments: number;
  ballots_cast: number;
  ballots_possible: number;
  duration_minutes: number;
  quality_sum: number;
  quality_count: number;
  /** Members of the organisation when the row was refreshed. */
  members: number;
  tasks_total: number;
  tasks_on_time: number;
  tasks_late: number;
  tasks_overdue: number;
  active_members: number;
  updated_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    supervision_monthly: SupervisionMonthlyTable;
  }
}
