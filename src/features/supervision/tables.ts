/**
 * One row per organisation that holds meetings (a branch) and month: the counts every supervision figure is
 * made of. Kept up to date when a meeting ends or its minutes are approved (a job per meeting), when a task
 * changes (same transaction) and nightly (quality scores, app activity). Each change is also added to the
 * level rows (`supervision_totals`) above the branch.
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

/** The counts a branch-month row holds and a level row sums. */
export type SupervisionCounts = Omit<SupervisionMonthlyTable, 'org_id' | 'org_path' | 'month' | 'updated_at'>;

/**
 * One row per organisation of every level (the branch itself, its committees, up to the root) and month: the
 * sums of the branch-month rows of its subtree and `branches`, how many branches have a row in that month. Moved
 * by exactly the change of a branch row, in the transaction that changes it, so a view reads a committee's own
 * row and its direct children's rows instead of summing branch rows.
 */
export interface SupervisionTotalsTable extends SupervisionCounts {
  org_id: string;
  /** YYYY-MM */
  month: string;
  branches: number;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    supervision_monthly: SupervisionMonthlyTable;
    supervision_totals: SupervisionTotalsTable;
  }
}
