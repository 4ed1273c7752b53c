import type { PersonalDataContributor } from '../privacy/registry.ts';
import { ERASED_NAME } from '../privacy/registry.ts';

/**
 * Tasks the member owns, contributes to or created, the progress updates they wrote and the files they attached.
 * Tasks are the organisation's work: erasure keeps them, their updates and files, pointing at the anonymised
 * member, and takes the owner's name off the tasks they owned.
 */
export const tasksPersonalData: PersonalDataContributor = {
  title: 'Nhiệm vụ',
  tables: ['tasks', 'task_contributors', 'task_updates', 'task_files'],
  async collect(_ctx, db, { accountId, memberId }) {
    const owned = await db
      .selectFrom('tasks')
      .select([
        'id',
        'title',
        'owner_member_id',
        'deadline',
        'progress',
        'status',
        'completed_on',
        'created_by',
      ])
      .where((eb) =>
        eb.or([
          ...(memberId ? [eb('owner_member_id', '=', memberId)] : []),
          ...(accountId ? [eb('created_by', '=', accountId)] : []),
          eb.lit(false),
        ]),
      )
      .orderBy('created_at', 'desc')
      .execute();
    const contributing = memberId
      ? await db
          .selectFrom('task_contributors')
          .innerJoin('tasks', 'tasks.id', 'task_contributors.task_id')
          .select(['tasks.title', 'tasks.status'])
          .where('task_contributors.member_id', '=', memberId)
          .execute()
      : [];
    const updates = await db
      .selectFrom('task_updates')
      .innerJoin('tasks', 'tasks.id', 'task_updates.task_id')
      .select(['tasks.title', 'task_updates.progress', 'task_updates.note', 'task_updates.created_at'])
      .where((eb) =>
        eb.or([
          ...(accountId ? [eb('task_updates.author_account_id', '=', accountId)] : []),
          ...(memberId ? [eb('task_updates.author_member_id', '=', memberId)] : []),
          eb.lit(false),
        ]),
      )
      .orderBy('task_updates.created_at', 'desc')
      .execute();
    const files = accountId
      ? await db
          .selectFrom('task_files')
          .innerJoin('tasks', 'tasks.id', 'task_files.task_id')
          .select(['tasks.title', 'task_files.file_name', 'task_files.size', 'task_files.created_at'])
          .where('task_files.uploaded_by', '=', accountId)
          .orderBy('task_files.created_at', 'desc')
          .execute()
      : [];
    return {
      tasks: owned.map((t) => ({
        title: t.title,
        owner: memberId !== null && t.owner_member_id === memberId,
        createdByMe: accountId !== null && t.created_by === accountId,
        deadline: t.deadline,
        progress: t.progress,
        status: t.status,
        completedOn: t.completed_on,
      })),
      contributing: contributing.map((c) => ({ title: c.title, status: c.status })),
      updates: updates.map((u) => ({ task: u.title, progress: u.progress, note: u.note, at: u.created_at })),
      files: files.map((f) => ({
        task: f.title,
        fileName: f.file_name,
        size: Number(f.size),
        at: f.created_at,
      })),
    };
  },
  async erase(uow, { memberId }) {
    if (!memberId) return;
    await uow.trx
      .updateTable('tasks')
      .set({ owner_label: ERASED_NAME })
      .where('owner_member_id', '=', memberId)
      .execute();
  },
};
