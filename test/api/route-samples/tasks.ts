import { mutate } from '../../../src/platform/context.ts';
import { nowIso } from '../../../src/platform/db/database.ts';
import { createTask } from '../../../src/features/tasks/service.ts';
import { fileStoreOf } from '../../../src/features/documents/file-store.ts';
import type { RouteSamples } from './types.ts';

/**
 * A task of branch A1 owned by the insider, with a progress update and an attached file. The update and the file
 * carry the task's own id, since the route test fills every parameter of a URL with the same id.
 */
const samples: RouteSamples = async (ctx, tree, insider) => {
  const id = await mutate(ctx, { accountId: insider.accountId, ip: null, requestId: 'sample' }, (uow) =>
    createTask(
      uow,
      tree.branchA1,
      { title: 'Nhiệm vụ mẫu', ownerMemberId: insider.memberId },
      insider.accountId,
    ),
  );
  const now = nowIso();
  await ctx.db
    .insertInto('task_updates')
    .values({
      id,
      task_id: id,
      author_account_id: insider.accountId,
      author_member_id: insider.memberId,
      progress: 20,
      note: 'Đang làm',
      created_at: now,
    })
    .execute();
  const bytes = new TextEncoder().encode('%PDF-1.4 mẫu');
  const key = `samples/task-${id}.pdf`;
  await fileStoreOf(ctx).put(key, bytes, 'application/pdf');
  await ctx.db
    .insertInto('task_files')
    .values({
      id,
      task_id: id,
      update_id: id,
      file_key: key,
      file_name: 'bao-cao.pdf',
      mime: 'application/pdf',
      size: bytes.length,
      sha256: '',
      uploaded_by: insider.accountId,
      created_at: now,
    })
    .execute();
  return { '/api/v1/tasks/': id };
};
export default samples;

// The caller's own task list takes no one else's resource.
export const selfRoutes = ['GET /api/v1/tasks/mine'];
