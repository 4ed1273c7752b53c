import type { DbOrTx } from '../../platform/db/database.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import type { Org } from '../orgs/queries.ts';
import { listChildren } from '../orgs/queries.ts';
import { figuresOf, type Figures } from './figures.ts';
import { levelRows } from './levels.ts';
import { MEETING_TYPES } from './org-changes.ts';

export interface ChildFigures {
  id: string;
  name: string;
  type: string;
  typeName: string;
  hasChildren: boolean;
  figures: Figures;
}

/**
 * The committee's figures and each direct child's, from their level rows only: one primary-key lookup per
 * organisation and month (the national view reads 52 rows a month, not the 254,591 branch rows under it).
 */
export async function supervisionView(db: DbOrTx, org: Org, months: string[]) {
  const children = await listChildren(db, org.id, false);
  const rows = await levelRows(db, [org.id, ...children.map((c) => c.id)], months);
  const of = (id: string) => rows.filter((r) => r.org_id === id);
  const out: ChildFigures[] = children.map((c) => ({
    id: c.id,
    name: c.name,
    type: c.type,
    typeName: c.typeName,
    hasChildren: !MEETING_TYPES.includes(c.type),
    figures: figuresOf(of(c.id), months),
  }));
  return { total: figuresOf(of(org.id), months), children: out };
}

/** Month-by-month figures of the subtree for the trend chart: the committee's own level row of each month. */
export async function trendOf(db: DbOrTx, org: Org, months: string[]) {
  const rows = await levelRows(db, [org.id], months);
  return months.map((m) => {
    const f = figuresOf(
      rows.filter((r) => r.month === m),
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
