import type { DbOrTx } from '../../platform/db/database.ts';
import { taskState, type TaskState } from './domain/tasks.ts';

export interface TaskView {
  id: string;
  orgId: string;
  orgName: string;
  parentId: string | null;
  title: string;
  description: string;
  ownerMemberId: string | null;
  ownerName: string;
  deadline: string | null;
  progress: number;
  weight: number;
  status: string;
  state: TaskState;
  completedOn: string | null;
  source: string;
  meetingId: string | null;
  createdAt: string;
  updatedAt: string;
}

function base(db: DbOrTx) {
  return db
    .selectFrom('tasks')
    .innerJoin('orgs', 'orgs.id', 'tasks.org_id')
    .leftJoin('members', 'members.id', 'tasks.owner_member_id')
    .select([
      'tasks.id',
      'tasks.org_id',
      'tasks.org_path',
      'orgs.name as org_name',
      'tasks.parent_id',
      'tasks.title',
      'tasks.description',
      'tasks.owner_member_id',
      'tasks.owner_label',
      'members.full_name as owner_name',
      'tasks.deadline',
      'tasks.progress',
      'tasks.weight',
      'tasks.status',
      'tasks.completed_on',
      'tasks.source',
      'tasks.meeting_id',
      'tasks.created_at',
      'tasks.updated_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function view(r: Row, day: string): TaskView {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    parentId: r.parent_id,
    title: r.title,
    description: r.description,
    ownerMemberId: r.owner_member_id,
    ownerName: r.owner_name ?? r.owner_label,
    deadline: r.deadline,
    progress: Number(r.progress),
    weight: Number(r.weight),
    status: r.status,
    state: taskState(
      { status: r.status, deadline: r.deadline, progress: Number(r.progress), completedOn: r.completed_on },
      day,
    ),
    completedOn: r.completed_on,
    source: r.source,
    meetingId: r.meeting_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findTask(db: DbOrTx, id: string) {
  const r = await base(db).where('tasks.id', '=', id).executeTakeFirst();
  return r ? { ...view(r, today()), orgPath: r.org_path } : null;
}

export async function listOrgTasks(db: DbOrTx, orgId: string): Promise<TaskView[]> {
  const rows = await base(db)
    .where('tasks.org_id', '=', orgId)
    .orderBy('tasks.deadline')
    .orderBy('tasks.created_at')
    .execute();
  const day = today();
  return rows.map((r) => view(r, day));
}

/** Tasks the member owns or contributes to, open ones first. */
export async function listMemberTasks(db: DbOrTx, memberId: string): Promise<TaskView[]> {
  const rows = await base(db)
    .where((eb) =>
      eb.or([
        eb('tasks.owner_member_id', '=', memberId),
        eb.exists(
          eb
            .selectFrom('task_contributors')
            .select('task_contributors.task_id')
            .whereRef('task_contributors.task_id', '=', 'tasks.id')
            .where('task_contributors.member_id', '=', memberId),
        ),
      ]),
    )
    .where('tasks.status', '!=', 'cancelled')
    .orderBy('tasks.deadline')
    .execute();
  const day = today();
  return rows
    .map((r) => view(r, day))
    .sort((a, b) => Number(a.status !== 'open') - Number(b.status !== 'open'));
}

export async function contributorsOf(db: DbOrTx, taskId: string) {
  return db
    .selectFrom('task_contributors')
    .innerJoin('members', 'members.id', 'task_contributors.member_id')
    .select(['members.id', 'members.full_name as name'])
    .where('task_contributors.task_id', '=', taskId)
    .execute();
}

export async function updatesOf(db: DbOrTx, taskId: string) {
  const rows = await db
    .selectFrom('task_updates')
    .leftJoin('members', 'members.id', 'task_updates.author_member_id')
    .select([
      'task_updates.id',
      'task_updates.progress',
      'task_updates.note',
      'task_updates.created_at',
      'task_updates.author_account_id',
      'members.full_name as author_name',
    ])
    .where('task_updates.task_id', '=', taskId)
    .orderBy('task_updates.created_at', 'desc')
    .execute();
  const files = await db
    .selectFrom('task_files')
    .select(['id', 'update_id', 'file_name', 'mime', 'size'])
    .where('task_id', '=', taskId)
    .orderBy('created_at')
    .execute();
  return rows.map((u) => ({
    id: u.id,
    progress: Number(u.progress),
    note: u.note,
    createdAt: u.created_at,
    authorName: u.author_name ?? '',
    authorAccountId: u.author_account_id,
    files: files
      .filter((f) => f.update_id === u.id)
      .map((f) => ({
        id: f.id,
        fileName: f.file_name,
        mime: f.mime,
        size: Number(f.size),
        url: `/api/v1/tasks/${taskId}/files/${f.id}`,
      })),
  }));
}

/**
 * The meeting's review step: the organisation's top-level tasks due in the month before the meeting, or due
 * earlier and still open, with their state on the meeting day.
 */
export async function reviewTasks(db: DbOrTx, orgId: string, meetingStartsAt: string): Promise<TaskView[]> {
  const day = meetingStartsAt.slice(0, 10);
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 1);
  const from = d.toISOString().slice(0, 10);
  const rows = await base(db)
    .where('tasks.org_id', '=', orgId)
    .where('tasks.parent_id', 'is', null)
    .where('tasks.deadline', '<', day)
    .where((eb) => eb.or([eb('tasks.deadline', '>=', from), eb('tasks.status', '=', 'open')]))
    .orderBy('tasks.deadline')
    .execute();
  return rows.map((r) => view(r, day));
}
