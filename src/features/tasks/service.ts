import type { UnitOfWork, AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import type { Org } from '../orgs/queries.ts';
import {
  TaskRuleError,
  checkDeadline,
  checkNoCycle,
  checkOwner,
  checkProgress,
  checkWeight,
  reminderDays,
  rollUpProgress,
  type TaskStatus,
} from './domain/tasks.ts';
import { refreshTaskRollup } from '../supervision/rollup.ts';
import type { SavedUpload } from '../../platform/files/index.ts';
import './errors.ts';

/** Domain refusals become registered HTTP errors with the same code. */
function rule<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof TaskRuleError) throw new AppError(err.code);
    throw err;
  }
}

export interface TaskInput {
  title: string;
  description?: string;
  ownerMemberId?: string | null;
  ownerLabel?: string;
  contributorIds?: string[];
  deadline?: string | null;
  parentId?: string | null;
  weight?: number;
}

async function memberPath(trx: Tx, memberId: string): Promise<string | null> {
  const m = await trx
    .selectFrom('members')
    .select(['org_path'])
    .where('id', '=', memberId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return m?.org_path ?? null;
}

async function checkMembers(trx: Tx, org: Org, ids: string[]): Promise<void> {
  for (const id of ids) {
    const path = await memberPath(trx, id);
    rule(() => checkOwner(org.path, path ?? '\u0000'));
  }
}

async function checkParent(trx: Tx, org: Org, taskId: string, parentId: string | null): Promise<void> {
  if (parentId === null) return;
  const parent = await trx
    .selectFrom('tasks')
    .select(['org_id'])
    .where('id', '=', parentId)
    .executeTakeFirst();
  if (!parent || parent.org_id !== org.id) throw new AppError('TASK_PARENT_OTHER_ORG');
  const rows = await trx
    .selectFrom('tasks')
    .select(['id', 'parent_id'])
    .where('org_id', '=', org.id)
    .execute();
  const parents = new Map(rows.map((r) => [r.id, r.parent_id]));
  rule(() => checkNoCycle(taskId, parentId, (id) => parents.get(id) ?? null));
}

/** Recomputes the rolled-up progress of every task of the organisation and stores the ones that changed. */
export async function rollUp(trx: Tx, orgId: string): Promise<void> {
  const rows = await trx
    .selectFrom('tasks')
    .select(['id', 'parent_id', 'weight', 'own_progress', 'progress', 'status'])
    .where('org_id', '=', orgId)
    .execute();
  const values = rule(() =>
    rollUpProgress(
      rows.map((r) => ({
        id: r.id,
        parentId: r.parent_id,
        weight: Number(r.weight),
        progress: Number(r.own_progress),
        status: r.status,
      })),
    ),
  );
  for (const r of rows) {
    const v = values.get(r.id);
    if (v !== undefined && v !== Number(r.progress)) {
      await trx.updateTable('tasks').set({ progress: v }).where('id', '=', r.id).execute();
    }
  }
}

const REMINDER_HOUR_UTC = 1; // 08:00 in Vietnam

/** One reminder job per reminder day (before the deadline, on it, then weekly for four weeks while overdue). */
export async function scheduleReminders(trx: Tx, taskId: string, deadline: string | null): Promise<void> {
  if (!deadline) return;
  const until = new Date(Date.parse(`${deadline}T00:00:00Z`) + 28 * 86_400_000).toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  for (const day of reminderDays(deadline, until)) {
    if (day < today) continue;
    await enqueueJob(trx, {
      kind: 'tasks.remind',
      payload: { taskId, deadline, day },
      runAt: new Date(`${day}T0${REMINDER_HOUR_UTC}:00:00Z`),
      dedupeKey: `task-remind:${taskId}:${deadline}:${day}`,
    });
  }
}

export async function createTask(uow: UnitOfWork, org: Org, input: TaskInput, accountId: string) {
  const { trx } = uow;
  const now = nowIso();
  const id = newId();
  if (input.deadline) rule(() => checkDeadline(now, input.deadline!));
  const weight = input.weight ?? 1;
  rule(() => checkWeight(weight));
  const contributors = [...new Set(input.contributorIds ?? [])];
  await checkMembers(trx, org, [...(input.ownerMemberId ? [input.ownerMemberId] : []), ...contributors]);
  await checkParent(trx, org, id, input.parentId ?? null);
  await trx
    .insertInto('tasks')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      parent_id: input.parentId ?? null,
      title: input.title,
      description: input.description ?? '',
      owner_member_id: input.ownerMemberId ?? null,
      owner_label: input.ownerLabel ?? '',
      deadline: input.deadline ?? null,
      own_progress: 0,
      progress: 0,
      weight,
      status: 'open',
      completed_on: null,
      source: 'committee',
      meeting_id: null,
      resolution_task_id: null,
      created_by: accountId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const m of contributors) {
    await trx.insertInto('task_contributors').values({ task_id: id, member_id: m }).execute();
  }
  await rollUp(trx, org.id);
  await scheduleReminders(trx, id, input.deadline ?? null);
  await refreshTaskRollup(trx, org.id, org.path);
  await uow.audit({
    action: 'task.create',
    entityType: 'task',
    entityId: id,
    orgPath: org.path,
    after: input,
  });
  return id;
}

export interface TaskEdit {
  title?: string;
  description?: string;
  ownerMemberId?: string | null;
  ownerLabel?: string;
  contributorIds?: string[];
  deadline?: string | null;
  parentId?: string | null;
  weight?: number;
  status?: TaskStatus;
}

export async function editTask(uow: UnitOfWork, org: Org, taskId: string, edit: TaskEdit) {
  const { trx } = uow;
  const before = await trx.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
  const now = nowIso();
  if (edit.deadline !== undefined && edit.deadline !== null)
    rule(() => checkDeadline(before.created_at, edit.deadline!));
  if (edit.weight !== undefined) rule(() => checkWeight(edit.weight!));
  const toCheck = [...(edit.ownerMemberId ? [edit.ownerMemberId] : []), ...(edit.contributorIds ?? [])];
  await checkMembers(trx, org, toCheck);
  if (edit.parentId !== undefined) await checkParent(trx, org, taskId, edit.parentId);
  const status = edit.status ?? before.status;
  await trx
    .updateTable('tasks')
    .set({
      title: edit.title ?? before.title,
      description: edit.description ?? before.description,
      owner_member_id: edit.ownerMemberId === undefined ? before.owner_member_id : edit.ownerMemberId,
      owner_label: edit.ownerLabel ?? before.owner_label,
      deadline: edit.deadline === undefined ? before.deadline : edit.deadline,
      parent_id: edit.parentId === undefined ? before.parent_id : edit.parentId,
      weight: edit.weight ?? before.weight,
      status,
      completed_on:
        status === 'done'
          ? (before.completed_on ?? now.slice(0, 10))
          : status === 'open'
            ? null
            : before.completed_on,
      updated_at: now,
    })
    .where('id', '=', taskId)
    .execute();
  if (edit.contributorIds) {
    await trx.deleteFrom('task_contributors').where('task_id', '=', taskId).execute();
    for (const m of new Set(edit.contributorIds)) {
      await trx.insertInto('task_contributors').values({ task_id: taskId, member_id: m }).execute();
    }
  }
  await rollUp(trx, org.id);
  if (edit.deadline !== undefined && edit.deadline !== before.deadline)
    await scheduleReminders(trx, taskId, edit.deadline);
  await refreshTaskRollup(trx, org.id, org.path);
  await uow.audit({
    action: 'task.edit',
    entityType: 'task',
    entityId: taskId,
    orgPath: org.path,
    before,
    after: edit,
  });
}

/** A progress update from the owner, a contributor or the committee; 100 % with `done` closes the task. */
export async function postUpdate(
  uow: UnitOfWork,
  org: Org,
  taskId: string,
  input: { progress: number; note: string; done?: boolean },
  author: { accountId: string; memberId: string | null },
) {
  const { trx } = uow;
  rule(() => checkProgress(input.progress));
  const task = await trx.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
  if (task.status === 'cancelled') throw new AppError('TASK_CLOSED');
  const child = await trx.selectFrom('tasks').select('id').where('parent_id', '=', taskId).executeTakeFirst();
  if (child && (input.progress !== Number(task.progress) || input.done))
    throw new AppError('TASK_HAS_SUBTASKS');
  const now = nowIso();
  const id = newId();
  await trx
    .insertInto('task_updates')
    .values({
      id,
      task_id: taskId,
      author_account_id: author.accountId,
      author_member_id: author.memberId,
      progress: input.progress,
      note: input.note,
      created_at: now,
    })
    .execute();
  const done = input.done === true || (!child && input.progress === 100);
  await trx
    .updateTable('tasks')
    .set({
      own_progress: input.progress,
      status: done ? 'done' : task.status === 'done' ? 'open' : task.status,
      completed_on: done ? (task.completed_on ?? now.slice(0, 10)) : null,
      updated_at: now,
    })
    .where('id', '=', taskId)
    .execute();
  await rollUp(trx, org.id);
  await refreshTaskRollup(trx, org.id, org.path);
  await uow.audit({
    action: 'task.progress',
    entityType: 'task',
    entityId: taskId,
    orgPath: org.path,
    after: input,
  });
  return id;
}

/** At most this many files on one progress update. */
export const MAX_FILES_PER_UPDATE = 10;

/** Records a checked, stored upload as an attachment of a progress update (the file itself is already saved). */
export async function attachUpdateFile(
  uow: UnitOfWork,
  org: Org,
  taskId: string,
  updateId: string,
  saved: SavedUpload,
  accountId: string,
): Promise<string> {
  const { trx } = uow;
  const task = await trx
    .selectFrom('tasks')
    .select('status')
    .where('id', '=', taskId)
    .executeTakeFirstOrThrow();
  if (task.status === 'cancelled') throw new AppError('TASK_CLOSED');
  const count = await trx
    .selectFrom('task_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('update_id', '=', updateId)
    .executeTakeFirstOrThrow();
  if (Number(count.n) >= MAX_FILES_PER_UPDATE) throw new AppError('TASK_FILES_LIMIT');
  const id = newId();
  await trx
    .insertInto('task_files')
    .values({
      id,
      task_id: taskId,
      update_id: updateId,
      file_key: saved.key,
      file_name: saved.fileName,
      mime: saved.mime,
      size: saved.size,
      sha256: saved.sha256,
      uploaded_by: accountId,
      created_at: nowIso(),
    })
    .execute();
  await uow.audit({
    action: 'task.file_attach',
    entityType: 'task',
    entityId: taskId,
    orgPath: org.path,
    after: { updateId, fileId: id, fileName: saved.fileName, size: saved.size, sha256: saved.sha256 },
  });
  return id;
}

/**
 * Copies the tasks of a meeting's adopted resolution into the task list. The resolution task id is unique in
 * `tasks`, so running it again (the event and the job are both at-least-once) adds nothing.
 */
export async function importResolution(ctx: AppContext, meetingId: string): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('meeting_resolution_tasks')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .execute();
    let added = 0;
    for (const r of rows) {
      const exists = await trx
        .selectFrom('tasks')
        .select('id')
        .where('resolution_task_id', '=', r.id)
        .executeTakeFirst();
      if (exists) continue;
      const id = newId();
      const now = nowIso();
      const deadline = r.deadline && /^\d{4}-\d{2}-\d{2}/.test(r.deadline) ? r.deadline.slice(0, 10) : null;
      await trx
        .insertInto('tasks')
        .values({
          id,
          org_id: r.org_id,
          org_path: r.org_path,
          parent_id: null,
          title: r.content.slice(0, 300),
          description: r.content,
          owner_member_id: null,
          owner_label: r.owner,
          deadline,
          own_progress: 0,
          progress: 0,
          weight: 1,
          status: 'open',
          completed_on: null,
          source: 'resolution',
          meeting_id: meetingId,
          resolution_task_id: r.id,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await scheduleReminders(trx, id, deadline);
      added++;
    }
    if (rows[0]) await refreshTaskRollup(trx, rows[0].org_id, rows[0].org_path);
    return added;
  });
}
