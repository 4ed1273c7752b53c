import { mutate, type AppContext } from '../../platform/context.ts';
import type { DemoHook } from '../../demo/seed-demo.ts';
import { newId } from '../../platform/ids.ts';
import { keyringFor } from './crypto.ts';
import { validateNote, type NoteInput } from './content.ts';
import { createNote } from './service.ts';
import { indexGuides } from '../guides/index-search.ts';

const NOTES: NoteInput[] = [
  {
    title: 'Ý kiến phát biểu họp chi bộ tháng 11',
    html: '<p>Đề nghị chi bộ bàn việc <strong>sửa đường liên thôn</strong> trước Tết; vận động bà con hiến đất làm rãnh thoát nước.</p><ul><li>Huy động xã hội hoá</li><li>Giao đoàn thanh niên ra quân</li></ul>',
    tags: ['họp chi bộ', 'giao thông'],
  },
  {
    title: 'Học tập Nghị quyết về chuyển đổi số',
    html: '<p>Ba trụ cột: chính quyền số, kinh tế số, xã hội số. Việc của thôn: hướng dẫn người cao tuổi cài Sổ tay và dùng dịch vụ công trực tuyến.</p>',
    tags: ['học nghị quyết', 'chuyển đổi số'],
    link: { type: 'document', id: 'demo-nq-cds', label: 'Nghị quyết về chuyển đổi số' },
    quote: 'Chuyển đổi số là nhiệm vụ trọng tâm, xuyên suốt của cả hệ thống chính trị.',
  },
  {
    title: 'Việc cần làm trong tuần',
    html: '<ol><li>Nộp đảng phí tháng 11</li><li>Thăm hỏi gia đình đồng chí Lâm ốm</li><li>Đọc trước dự thảo nghị quyết</li></ol>',
    tags: ['việc riêng'],
  },
];

const INBOX = [
  {
    kind: 'meeting',
    topic: 'meeting.reminder',
    title: 'Nhắc họp chi bộ tháng 11',
    body: '19 giờ 30 tối thứ Sáu tại nhà văn hoá thôn.',
    url: '/meetings',
  },
  {
    kind: 'content',
    topic: 'documents.published',
    title: 'Văn bản mới: Nghị quyết về chuyển đổi số',
    body: 'Mời đồng chí đọc và nghe trong mục Văn bản.',
    url: '/documents',
  },
  {
    kind: 'petition',
    topic: 'petition.answered',
    title: 'Kiến nghị của đồng chí đã được trả lời',
    body: 'Đảng ủy xã trả lời về việc sửa đường liên thôn.',
    url: '/petitions',
  },
];

/** A filled notebook and a few unread notifications for the demo member; guides indexed for the search. */
export const notebookDemo: DemoHook = async (ctx: AppContext, refs) => {
  const ring = keyringFor(ctx.config.dataDir);
  const actor = { accountId: refs.accounts.dangvien, ip: null, requestId: 'seed-demo' };
  await mutate(ctx, actor, async (uow) => {
    for (const n of NOTES) await createNote(uow, ring, refs.accounts.dangvien, validateNote(n));
  });
  const now = Date.now();
  await ctx.db
    .insertInto('notifications')
    .values(
      INBOX.map((n, i) => ({
        id: newId(),
        account_id: refs.accounts.dangvien,
        event_key: `demo:${i}`,
        created_at: new Date(now - (INBOX.length - i) * 3600_000).toISOString(),
        read_at: null,
        ...n,
      })),
    )
    .execute();
  await indexGuides(ctx);
};
