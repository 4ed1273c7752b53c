import { mutate, type AppContext } from '../../platform/context.ts';
import type { DemoHook, DemoRefs } from '../../demo/seed-demo.ts';
import { createTask, postUpdate, rollUp } from './service.ts';
import { refreshAll } from '../supervision/jobs.ts';
import { refreshTaskRollup } from '../supervision/rollup.ts';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Tasks of Chi bộ thôn Nguyệt Lâm 3: some done, some due soon, two overdue (given last month), one with weighted
 * sub-tasks; then the supervision roll-up of every branch, so the commune committee (dangu) has figures.
 */
export const tasksDemo: DemoHook = async (ctx: AppContext, refs: DemoRefs) => {
  const actor = { accountId: refs.accounts.bithu, ip: null, requestId: 'seed-demo' };
  const branch = refs.branch;
  const by = refs.accounts.bithu;
  const give = (title: string, owner: string, deadline: string, extra: Record<string, unknown> = {}) =>
    mutate(ctx, actor, (uow) =>
      createTask(uow, branch, { title, ownerMemberId: owner, deadline, description: title, ...extra }, by),
    );
  const member = refs.members.dangvien;
  const secretary = refs.members.bithu;
  const road = await give('Vận động các hộ hiến đất mở rộng đường liên thôn', member, day(12));
  const sub1 = await give('Họp dân xóm 1 và xóm 2', member, day(5), { parentId: road, weight: 1 });
  await give('Lập danh sách hộ hiến đất, đo đạc mốc giới', member, day(10), { parentId: road, weight: 2 });
  await mutate(ctx, actor, (uow) =>
    postUpdate(
      uow,
      branch,
      sub1,
      { progress: 100, note: 'Đã họp dân hai xóm, 46/52 hộ đồng thuận.' },
      {
        accountId: refs.accounts.dangvien,
        memberId: member,
      },
    ),
  );
  const fee = await give('Thu đảng phí quý IV và nộp lên Đảng ủy xã', secretary, day(2));
  await mutate(ctx, actor, (uow) =>
    postUpdate(
      uow,
      branch,
      fee,
      { progress: 60, note: 'Đã thu 18/30 đồng chí.' },
      { accountId: by, memberId: secretary },
    ),
  );
  const study = await give('Tổ chức học tập chuyên đề năm 2026 cho đảng viên', secretary, day(20));
  await mutate(ctx, actor, (uow) =>
    postUpdate(
      uow,
      branch,
      study,
      { progress: 100, note: 'Đã học tập, 28/30 đồng chí tham dự.' },
      {
        accountId: by,
        memberId: secretary,
      },
    ),
  );
  // Given last month and not finished in time: their dates are moved back, as if entered then.
  const late1 = await give('Rà soát, cập nhật hồ sơ đảng viên', member, day(1));
  const late2 = await give('Báo cáo kết quả vệ sinh môi trường khu dân cư', member, day(1));
  await mutate(ctx, actor, async (uow) => {
    for (const [id, deadline] of [
      [late1, day(-3)],
      [late2, day(-2)],
    ] as const) {
      await uow.trx
        .updateTable('tasks')
        .set({ deadline, created_at: `${day(-35)}T02:00:00.000Z` })
        .where('id', '=', id)
        .execute();
    }
    await uow.trx.updateTable('tasks').set({ own_progress: 40 }).where('id', '=', late1).execute();
    await rollUp(uow.trx, branch.id);
    await refreshTaskRollup(uow.trx, branch.id, branch.path);
  });
  await refreshAll(ctx, new Date());
};
