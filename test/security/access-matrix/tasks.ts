import { mutate } from '../../../src/platform/context.ts';
import { nowIso } from '../../../src/platform/db/database.ts';
import { newId } from '../../../src/platform/ids.ts';
import { createTask, postUpdate } from '../../../src/features/tasks/service.ts';
import { fileStoreOf } from '../../../src/features/documents/file-store.ts';
import { createMeeting } from '../../../src/features/meetings/service.ts';
import type { MatrixEntries } from './types.ts';

/**
 * Tasks of the side's branch, owned by the side's member: everyone over the branch reads them, the committees
 * (meeting.manage) give and edit them, the owner and the committees post progress. The owner's progress update
 * carries one attached file: every reader of the task downloads it; the update's author (the side's member) and
 * the committees attach more.
 */
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const id = await mutate(ctx, { accountId: side.accountId, ip: null, requestId: 'matrix' }, (uow) =>
      createTask(uow, side.branch, { title: 'Nhiệm vụ mẫu', ownerMemberId: side.memberId }, side.accountId),
    );
    // The review route hangs off a meeting of the branch.
    const meetingId = await mutate(ctx, { accountId: side.accountId, ip: null, requestId: 'matrix' }, (uow) =>
      createMeeting(
        uow,
        side.branch,
        {
          kind: 'regular',
          startsAt: new Date(Date.now() + 86_400_000).toISOString(),
          place: 'Hội trường',
          online: false,
        },
        { accountId: side.accountId, memberId: null },
      ),
    );
    const actor = { accountId: side.accountId, ip: null, requestId: 'matrix' };
    const updateId = await mutate(ctx, actor, (uow) =>
      postUpdate(uow, side.branch, id, { progress: 20, note: 'Đang làm' }, side),
    );
    const bytes = new TextEncoder().encode('%PDF-1.4 mẫu');
    const key = `matrix/task-${id}.pdf`;
    await fileStoreOf(ctx).put(key, bytes, 'application/pdf');
    const fileId = newId();
    await ctx.db
      .insertInto('task_files')
      .values({
        id: fileId,
        task_id: id,
        update_id: updateId,
        file_key: key,
        file_name: 'bao-cao.pdf',
        mime: 'application/pdf',
        size: bytes.length,
        sha256: '',
        uploaded_by: side.accountId,
        created_at: nowIso(),
      })
      .execute();
    return {
      '/api/v1/tasks/': id,
      '/api/v1/tasks/:updateId': updateId,
      '/api/v1/tasks/:fileId': fileId,
      '/api/v1/meetings/:id/task-review': meetingId,
    };
  },
  routes: {
    'GET /api/v1/tasks/mine': { target: 'own' },
    'GET /api/v1/orgs/:id/tasks': { target: 'branch' },
    'POST /api/v1/orgs/:id/tasks': { target: 'branch', body: () => ({ title: 'Nhiệm vụ' }) },
    'GET /api/v1/tasks/:id': { target: 'branch' },
    'PATCH /api/v1/tasks/:id': { target: 'branch', body: () => ({ title: 'Nhiệm vụ đã sửa' }) },
    // The owner (the side's member) and the roles with meeting.manage; office reads but does not report.
    'POST /api/v1/tasks/:id/updates': {
      target: 'branch',
      inside: ['member', 'secretary', 'committee_member', 'admin'],
      body: () => ({ progress: 10, note: 'Đang làm' }),
    },
    'POST /api/v1/tasks/:id/updates/:updateId/files': {
      target: 'branch',
      inside: ['member', 'secretary', 'committee_member', 'admin'],
    },
    'GET /api/v1/tasks/:id/files/:fileId': { target: 'branch' },
    'GET /api/v1/meetings/:id/task-review': { target: 'branch' },
  },
};
export default entries;
