import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db/database.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import type { Org } from '../orgs/queries.ts';
import { listChildren } from '../orgs/queries.ts';
import { figuresOf, type Figures, type MonthRow } from './figures.ts';

const MEETING_TYPES = ['branch', 'grassroots_branch'];

const COLUMNS = [
  'org_path',
  'month',
  'meetings_held',
  'regular_held',
  'themed_held',
  'materials_early',
  'attendance_present',
  'attendance_expected',
  'opened_before',
  'comments',
  'ballots_cast',
  'ballots_possible',
  'duration_minutes',
  'quality_sum',
  'quality_count',
  'members',
  'tasks_total',
  'tasks_on_time',
  'tasks_late',
  'tasks_overdue',
  'active_members',
] as const;

/** Roll-up rows of a subtree for some months: one indexed range per month, no raw meeting records. */
export async function rowsUnder(db: DbOrTx, path: string, months: readonly string[]): Promise<MonthRow[]> {
  const [lo, hi] = subtreeBounds(path);
  return db
    .selectFrom('supervision_monthly')
    .select([...COLUMNS])
    .where('month', 'in', [...months])
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .execute();
}

/** Paths of the active meeting-holding organisations (branches) of a subtree. */
export async function branchPaths(db: DbOrTx, path: string): Promise<string[]> {
  const [lo, hi] = subtreeBounds(path);
  const rows = await db
    .selectFrom('orgs')
    .select(['path'])
    .where('path', '>=', lo)
    .where('path', '<', hi)
    .where('type_code', 'in', MEETING_TYPES)
    .where('status', '=', 'active')
    .execute();
  return rows.map((r) => r.path);
}

export interface ChildFigures {
  id: string;
  name: string;
  type: string;
  typeName: string;
  hasChildren: boolean;
  figures: Figures;
}

const SUMS = COLUMNS.filter((c) => c !== 'org_path' && c !== 'month');

/**
 * Roll-up rows of a subtree summed per month and per prefix of `prefixLength` characters of the path (the
 * child organisation), in SQL: a province's year is 60,000 branch-month rows but only children × 12 sums.
 */
async function groupedRows(db: DbOrTx, path: string, months: readonly string[], prefixLength: number) {
  const [lo, hi] = subtreeBounds(path);
  const prefix = sql<string>`substr(org_path, 1, ${sql.lit(prefixLength)})`;
  const rows = await db
    .selectFrom('supervision_monthly')
    .select([prefix.as('org_path'), 'month', ...SUMS.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c))])
    .where('month', 'in', [...months])
    .where('org_path', '>=', lo)
    .where('org_path', '<', hi)
    .groupBy([prefix, 'month'])
    .execute();
  return rows as unknown as MonthRow[];
}

/** Active branches of a subtree counted per path prefix. */
async function branchCounts(db: DbOrTx, path: string, prefixLength: number): Promise<Map<string, number>> {
  const [lo, hi] = subtreeBounds(path);
  const prefix = sql<string>`substr(path, 1, ${sql.lit(prefixLength)})`;
  const rows = await db
    .selectFrom('orgs')
    .select([prefix.as('p'), sql<number>`count(*)`.as('n')])
    .where('path', '>=', lo)
    .where('path', '<', hi)
    .where('type_code', 'in', MEETING_TYPES)
    .where('status', '=', 'active')
    .groupBy(prefix)
    .execute();
  return new Map(rows.map((r) => [r.p, Number(r.n)]));
}

export async function supervisionView(db: DbOrTx, org: Org, months: string[]) {
  const children = await listChildren(db, org.id, false);
  const totalRows = await groupedRows(db, org.path, months, org.path.length);
  const total = figuresOf(
    totalRows,
    (await branchCounts(db, org.path, org.path.length)).get(org.path) ?? 0,
    months,
  );
  // Ids have one length, so every child's path has the same length; group by it once for all children.
  const lengths = [...new Set(children.map((c) => c.path.length))];
  const rows: MonthRow[] = [];
  const counts = new Map<string, number>();
  for (const len of lengths) {
    rows.push(...(await groupedRows(db, org.path, months, len)));
    for (const [k, v] of await branchCounts(db, org.path, len)) counts.set(k, v);
  }
  const out: ChildFigures[] = children.map((c) => ({
    id: c.id,
    name: c.name,
    type: c.type,
    typeName: c.typeName,
    hasChildren: !MEETING_TYPES.includes(c.type),
    figures: figuresOf(
      rows.filter((r) => r.org_path === c.path),
      counts.get(c.path) ?? (MEETING_TYPES.includes(c.type) ? 1 : 0),
      months,
    ),
  }));
  return { total, children: out };
}

/** Month-by-month figures of the subtree for the trend chart. */
export async function trendOf(db: DbOrTx, org: Org, months: string[]) {
  const rows = await groupedRows(db, org.path, months, org.path.length);
  const branches = (await branchCounts(db, org.path, org.path.length)).get(org.path) ?? 0;
  return months.map((m) => {
    const f = figuresOf(
      rows.filter((r) => r.month === m),
      branches,
      [m],
    );
    return { month: m, regularRate: f.regularRate, attendanceRate: f.attendanceRate, quality: f.quality };
  });
}

function monthRange(months: readonly string[]): [string, string] {
  const last = months[months.length - 1]!;
  const [y, m] = last.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  return [`${months[0]}-01`, next];
}

/** The meetings a figure counts: held (ended or minutes approved) in the subtree and the period. */
export async function meetingRecords(db: DbOrTx, path: string, months: readonly string[]) {
  const [lo, hi] = subtreeBounds(path);
  const [from, to] = monthRange(months);
  const rows = await db
    .selectFrom('meetings')
    .innerJoin('orgs', 'orgs.id', 'meetings.org_id')
    .select([
      'meetings.id',
      'meetings.title',
      'meetings.kind',
      'meetings.starts_at',
      'meetings.published_at',
      'meetings.started_at',
      'meetings.ended_at',
      'orgs.name as org_name',
    ])
    .where('meetings.org_path', '>=', lo)
    .where('meetings.org_path', '<', hi)
    .where('meetings.starts_at', '>=', from)
    .where('meetings.starts_at', '<', to)
    .where('meetings.status', 'in', ['ended', 'minutes_approved'])
    .orderBy('meetings.starts_at')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    orgName: r.org_name,
    startsAt: r.starts_at,
    materialsEarly:
      r.published_at !== null && Date.parse(r.published_at) <= Date.parse(r.starts_at) - 86_400_000,
    url: `/meetings/${r.id}`,
  }));
}

/** The tasks a figure counts: top-level tasks due in the period in the subtree. */
export async function taskRecords(db: DbOrTx, path: string, months: readonly string[]) {
  const [lo, hi] = subtreeBounds(path);
  const [from, to] = monthRange(months);
  const rows = await db
    .selectFrom('tasks')
    .innerJoin('orgs', 'orgs.id', 'tasks.org_id')
    .select([
      'tasks.id',
      'tasks.title',
      'tasks.deadline',
      'tasks.status',
      'tasks.progress',
      'tasks.completed_on',
      'orgs.name as org_name',
    ])
    .where('tasks.org_path', '>=', lo)
    .where('tasks.org_path', '<', hi)
    .where('tasks.parent_id', 'is', null)
    .where('tasks.deadline', '>=', from)
    .where('tasks.deadline', '<', to)
    .where('tasks.status', '!=', 'cancelled')
    .orderBy('tasks.deadline')
    .limit(500)
    .execute();
  return rows;
}
