/**
 * Task rules without storage: progress roll-up from weighted sub-tasks, the state a task is in on a given day,
 * reminder days, and the checks on input (progress range, deadline order, owner scope, sub-task cycles).
 */
export type TaskStatus = 'open' | 'done' | 'cancelled';
export type TaskState =
  'not_started' | 'in_progress' | 'due_soon' | 'overdue' | 'done_on_time' | 'done_late' | 'cancelled';

export interface TaskNode {
  id: string;
  parentId: string | null;
  /** Share of the parent this sub-task stands for; any positive number, normalised among siblings. */
  weight: number;
  /** Own progress 0–100, used only when the task has no sub-tasks. */
  progress: number;
  status: TaskStatus;
}

export class TaskRuleError extends Error {
  constructor(
    readonly code:
      | 'TASK_PROGRESS_RANGE'
      | 'TASK_DEADLINE_BEFORE_START'
      | 'TASK_CYCLE'
      | 'TASK_WEIGHT_INVALID'
      | 'TASK_OWNER_OUTSIDE',
  ) {
    super(code);
  }
}

export function checkProgress(progress: number): void {
  if (!Number.isFinite(progress) || progress < 0 || progress > 100)
    throw new TaskRuleError('TASK_PROGRESS_RANGE');
}

export function checkWeight(weight: number): void {
  if (!Number.isFinite(weight) || weight <= 0 || weight > 1000)
    throw new TaskRuleError('TASK_WEIGHT_INVALID');
}

/** Deadlines are calendar days (YYYY-MM-DD); a deadline before the day the task is created is refused. */
export function checkDeadline(createdOn: string, deadline: string): void {
  if (deadline < createdOn.slice(0, 10)) throw new TaskRuleError('TASK_DEADLINE_BEFORE_START');
}

/** Owners must belong to the task's organisation subtree (a member of the branch, or a group in it). */
export function checkOwner(taskOrgPath: string, ownerOrgPath: string): void {
  if (!ownerOrgPath.startsWith(taskOrgPath)) throw new TaskRuleError('TASK_OWNER_OUTSIDE');
}

/**
 * Refuses a new parent that would make a task its own ancestor. `parentOf` gives the current parent of any
 * task; the walk is bounded by the number of tasks, so bad data cannot loop it forever.
 */
export function checkNoCycle(
  taskId: string,
  newParentId: string | null,
  parentOf: (id: string) => string | null,
  limit = 10_000,
): void {
  let at = newParentId;
  for (let steps = 0; at !== null; steps++) {
    if (at === taskId || steps > limit) throw new TaskRuleError('TASK_CYCLE');
    at = parentOf(at);
  }
}

/**
 * Progress of every task: a task with sub-tasks has the weighted mean of its children (cancelled children do
 * not count; a done child counts 100), a leaf has its own progress (100 when done). Rounded to one decimal.
 */
export function rollUpProgress(nodes: readonly TaskNode[]): Map<string, number> {
  const children = new Map<string, TaskNode[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n);
    children.set(n.parentId, list);
  }
  const result = new Map<string, number>();
  const visiting = new Set<string>();
  const compute = (n: TaskNode): number => {
    const known = result.get(n.id);
    if (known !== undefined) return known;
    if (visiting.has(n.id)) throw new TaskRuleError('TASK_CYCLE');
    visiting.add(n.id);
    const kids = (children.get(n.id) ?? []).filter((c) => c.status !== 'cancelled');
    let value: number;
    if (n.status === 'done') value = 100;
    else if (kids.length === 0) value = n.progress;
    else {
      const total = kids.reduce((s, c) => s + c.weight, 0);
      value = kids.reduce((s, c) => s + compute(c) * c.weight, 0) / total;
    }
    // Children of a done parent still get their own values.
    for (const c of children.get(n.id) ?? []) compute(c);
    visiting.delete(n.id);
    const rounded = Math.round(value * 10) / 10;
    result.set(n.id, rounded);
    return rounded;
  };
  for (const n of nodes) compute(n);
  return result;
}

export const DUE_SOON_DAYS = 3;

function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / 86_400_000,
  );
}

/** The state shown for a task on `today`; a task done on its deadline day is on time. */
export function taskState(
  task: { status: TaskStatus; deadline: string | null; progress: number; completedOn: string | null },
  today: string,
): TaskState {
  if (task.status === 'cancelled') return 'cancelled';
  if (task.status === 'done') {
    if (!task.deadline || !task.completedOn) return 'done_on_time';
    return task.completedOn.slice(0, 10) <= task.deadline ? 'done_on_time' : 'done_late';
  }
  if (task.deadline) {
    const left = daysBetween(today, task.deadline);
    if (left < 0) return 'overdue';
    if (left <= DUE_SOON_DAYS) return 'due_soon';
  }
  return task.progress > 0 ? 'in_progress' : 'not_started';
}

/** Days on which the owner is reminded: three days and one day before, on the day, then weekly while overdue. */
export function reminderDays(deadline: string, until: string): string[] {
  const base = Date.parse(`${deadline}T00:00:00Z`);
  const day = (offset: number) => new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
  const out = [day(-3), day(-1), day(0)];
  for (let k = 1; day(k * 7) <= until; k++) out.push(day(k * 7));
  return out.filter((d) => d <= until);
}

/** Counts for a review or a supervision row: on time, late, overdue and open, per the states above. */
export function summariseTasks(
  states: readonly TaskState[],
): Record<'total' | 'onTime' | 'late' | 'overdue' | 'open', number> {
  const out = { total: states.length, onTime: 0, late: 0, overdue: 0, open: 0 };
  for (const s of states) {
    if (s === 'done_on_time') out.onTime++;
    else if (s === 'done_late') out.late++;
    else if (s === 'overdue') out.overdue++;
    else if (s !== 'cancelled') out.open++;
  }
  return out;
}
