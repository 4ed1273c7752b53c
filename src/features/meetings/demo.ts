import { mutate, type AppContext, type UnitOfWork } from '../../platform/context.ts';
import type { DemoHook, DemoRefs } from '../../demo/seed-demo.ts';
import { storeGeneratedMinutes } from './minutes.ts';
import { findMeeting, roster, stateOf } from './queries.ts';
import {
  addComment,
  addMaterial,
  addNote,
  closeMotion,
  createMeeting,
  createMotion,
  publishDraft,
  recordHands,
  reloadMeeting,
  saveAttendance,
  saveDraft,
  transition,
  updateMeeting,
} from './service.ts';

const actor = { accountId: null, ip: null, requestId: 'seed-demo' };

/** 19:30 in Vietnam on the given day (UTC+7, no daylight saving). */
function evening(daysFromNow: number): string {
  const d = new Date(Date.now() + daysFromNow * 86400_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12, 30)).toISOString();
}

const NOTES: Record<string, Array<{ speaker?: string; text: string }>> = {
  dues: [{ text: 'Thu đảng phí tháng: 100% đảng viên nộp đầy đủ.' }],
  information: [
    { text: 'Thông tin kết quả Đại hội Đảng bộ tỉnh và chỉ đạo của Đảng ủy xã về sản xuất vụ đông.' },
  ],
  review: [
    {
      text: 'Chi bộ hoàn thành thu hoạch lúa mùa, năng suất bình quân 64 tạ/ha; hoàn thành làm đường trục xóm Đông.',
    },
    { text: 'Hạn chế: thu gom rác thải ở xóm Đông chưa thường xuyên.' },
  ],
  opinions: [{ text: 'Nhân dân đề nghị lắp thêm đèn chiếu sáng đường trục thôn.' }],
  discussion: [
    { text: 'Đảng viên thống nhất với dự thảo; đề nghị giao Chi đoàn thanh niên phụ trách đèn đường.' },
  ],
};

async function pastMeeting(ctx: AppContext, refs: DemoRefs) {
  const by = { accountId: refs.accounts.bithu, memberId: refs.members.bithu };
  const startsAt = evening(-28);
  const id = await mutate(ctx, actor, (uow) =>
    createMeeting(
      uow,
      refs.branch,
      { kind: 'regular', startsAt, place: 'Nhà văn hóa thôn Nguyệt Lâm 3', online: false },
      by,
    ),
  );
  const step = (uow: UnitOfWork, fn: (m: Awaited<ReturnType<typeof reloadMeeting>>) => Promise<unknown>) =>
    reloadMeeting(uow.trx, id).then(fn);
  await mutate(ctx, actor, async (uow) => {
    await step(uow, (m) => updateMeeting(uow, m, { minuteTakerMemberId: refs.members.dangvien }));
    await step(uow, (m) =>
      saveDraft(uow, m, {
        title: 'Nghị quyết chi bộ tháng trước',
        assessment: [
          { text: 'Chi bộ lãnh đạo hoàn thành thu hoạch lúa mùa, năng suất bình quân 64 tạ/ha.' },
          { text: 'Công tác thu gom rác thải ở xóm Đông còn chưa thường xuyên.' },
        ],
        tasks: [
          {
            content: 'Lắp đặt 20 bóng đèn chiếu sáng đường trục thôn',
            owner: 'Chi đoàn thanh niên',
            deadline: evening(20).slice(0, 10),
          },
          {
            content: 'Tổ chức ra quân vệ sinh môi trường xóm Đông',
            owner: 'Chi hội Phụ nữ',
            deadline: evening(5).slice(0, 10),
          },
        ],
      }),
    );
    await step(uow, (m) => transition(uow, m, { type: 'publish', at: new Date().toISOString() }));
    await step(uow, (m) => transition(uow, m, { type: 'start', at: new Date().toISOString() }));
    const members = await roster(uow.trx, refs.branch.id);
    const marks = members
      .filter((x) => x.home && x.status !== 'exempt' && x.status !== 'transferred_out_temporary')
      .map((x, i) =>
        x.id === refs.members.dangvienxa || i === 3
          ? { memberId: x.id, mark: 'absent_with_reason' as const, reason: 'Đi làm ăn xa' }
          : { memberId: x.id, mark: 'present' as const },
      );
    await step(uow, (m) => saveAttendance(uow, m, marks));
    for (;;) {
      const m = await reloadMeeting(uow.trx, id);
      const s = stateOf(m);
      const open = s.steps.find((x) => x.state === 'open');
      const next = s.steps.find((x) => x.state === 'pending');
      const at = new Date().toISOString();
      if (open) {
        for (const n of NOTES[open.key] ?? []) await addNote(uow, m, { stepId: open.id, ...n });
        if (open.kind === 'vote') {
          const motion = await createMotion(uow, m, {
            title: 'Thông qua Nghị quyết chi bộ tháng',
            method: 'show_of_hands',
            isResolution: true,
          });
          const base = (await roster(uow.trx, refs.branch.id)).filter((x) => x.kind === 'full').length;
          const present = marks.filter((x) => x.mark === 'present').length;
          await recordHands(uow, await reloadMeeting(uow.trx, id), motion, {
            for: Math.min(present, base) - 1,
            against: 0,
            abstain: 1,
          });
          await closeMotion(uow, await reloadMeeting(uow.trx, id), motion);
        }
        await transition(uow, await reloadMeeting(uow.trx, id), { type: 'close_step', stepId: open.id, at });
      } else if (next) {
        await transition(uow, m, { type: next.optional ? 'skip_step' : 'open_step', stepId: next.id, at });
      } else break;
    }
    await step(uow, (m) => transition(uow, m, { type: 'end', at: new Date().toISOString() }));
    // The record says when the meeting really took place, four weeks ago and 105 minutes long.
    const ended = new Date(Date.parse(startsAt) + 105 * 60_000).toISOString();
    const published = new Date(Date.parse(startsAt) - 3 * 86400_000).toISOString();
    const before = stateOf(await reloadMeeting(uow.trx, id));
    const state = { ...before, publishedAt: published, startedAt: startsAt, endedAt: ended };
    await uow.trx
      .updateTable('meetings')
      .set({ published_at: published, started_at: startsAt, ended_at: ended, state: JSON.stringify(state) })
      .where('id', '=', id)
      .execute();
    const minutes = await storeGeneratedMinutes(uow, await reloadMeeting(uow.trx, id));
    minutes.conclusion = 'Chi bộ thống nhất cao với các nội dung của nghị quyết.';
    await step(uow, (m) => transition(uow, m, { type: 'approve_minutes', at: ended }));
    minutes.closing.approved = true;
    await uow.trx
      .updateTable('meetings')
      .set({ minutes: JSON.stringify(minutes), minutes_approved_at: ended })
      .where('id', '=', id)
      .execute();
  });
}

async function upcomingMeeting(ctx: AppContext, refs: DemoRefs) {
  const by = { accountId: refs.accounts.bithu, memberId: refs.members.bithu };
  const id = await mutate(ctx, actor, (uow) =>
    createMeeting(
      uow,
      refs.branch,
      { kind: 'regular', startsAt: evening(3), place: 'Nhà văn hóa thôn Nguyệt Lâm 3', online: true },
      by,
    ),
  );
  await mutate(ctx, actor, async (uow) => {
    const m = (await findMeeting(uow.trx, id))!;
    await updateMeeting(uow, m, { minuteTakerMemberId: refs.members.dangvien });
    await addMaterial(uow, m, {
      kind: 'guidance',
      title: 'Hướng dẫn 42-HD/BTCTW về nâng cao chất lượng sinh hoạt chi bộ',
      url: 'https://tulieuvankien.dangcongsan.vn/',
    });
    await addMaterial(uow, m, {
      kind: 'link',
      title: 'Báo cáo kết quả sản xuất vụ mùa của thôn',
      url: 'https://thaibinh.gov.vn/',
    });
    await saveDraft(uow, m, {
      title: 'Nghị quyết chi bộ tháng này',
      assessment: [
        {
          text: 'Trong tháng, chi bộ lãnh đạo nhân dân hoàn thành gieo trồng 35 ha cây vụ đông, vượt 5% kế hoạch.',
        },
        { text: 'Hoàn thành lắp đặt 20 bóng đèn chiếu sáng đường trục thôn bằng nguồn xã hội hóa.' },
        {
          text: 'Hạn chế: tỷ lệ hộ phân loại rác tại nguồn còn thấp; một số đảng viên chưa tham gia đầy đủ các buổi sinh hoạt.',
        },
      ],
      tasks: [
        {
          content: 'Chăm sóc cây vụ đông, phòng trừ sâu bệnh',
          owner: 'Đồng chí Trưởng thôn',
          deadline: evening(30).slice(0, 10),
        },
        {
          content: 'Vận động 100% hộ gia đình phân loại rác tại nguồn',
          owner: 'Chi hội Phụ nữ',
          deadline: evening(25).slice(0, 10),
        },
        {
          content: 'Chuẩn bị tổ chức Ngày hội Đại đoàn kết toàn dân tộc',
          owner: 'Ban công tác Mặt trận thôn',
          deadline: evening(10).slice(0, 10),
        },
      ],
    });
    await publishDraft(uow, m, null);
    await transition(uow, await reloadMeeting(uow.trx, id), {
      type: 'publish',
      at: new Date().toISOString(),
    });
    const fresh = await reloadMeeting(uow.trx, id);
    const draft = await uow.trx
      .selectFrom('meeting_drafts')
      .select('content')
      .where('meeting_id', '=', id)
      .executeTakeFirstOrThrow();
    const para = (JSON.parse(draft.content) as { assessment: Array<{ id: string }> }).assessment[2]!.id;
    await addComment(
      uow,
      fresh,
      {
        targetKind: 'paragraph',
        targetId: para,
        body: 'Đề nghị nêu rõ nguyên nhân và giao cụ thể cho từng tổ đảng viên.',
      },
      {
        accountId: refs.accounts.dangvienxa,
        memberId: refs.members.dangvienxa,
        name: 'Đảng viên đi làm ăn xa',
      },
    );
  });
}

export const meetingsDemo: DemoHook = async (ctx, refs) => {
  await pastMeeting(ctx, refs);
  await upcomingMeeting(ctx, refs);
};
