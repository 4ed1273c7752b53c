import { newId } from '../../platform/ids.ts';
import type { DemoHook } from '../../demo/seed-demo.ts';

const DRAFT = [
  'Dự thảo Kế hoạch thực hiện chuyển đổi số trong sinh hoạt chi bộ năm 2027 của Đảng bộ xã.',
  'Mục tiêu: 100% chi bộ gửi tài liệu sinh hoạt lên phần mềm Sổ tay đảng viên điện tử trước ngày họp ít nhất hai ngày; trên 90% đảng viên đọc tài liệu trước khi họp.',
  'Giải pháp: mỗi chi bộ cử một đảng viên trẻ hỗ trợ các đồng chí cao tuổi cài đặt và sử dụng phần mềm; lắp wifi tại nhà văn hóa thôn.',
  'Tổ chức thực hiện: Văn phòng Đảng ủy theo dõi, tổng hợp kết quả hằng quý và báo cáo Ban Thường vụ.',
].join('\n\n');

/** An open consultation of the demo commune on its digital-meeting plan, with questions. */
export const consultationsDemo: DemoHook = async (ctx, refs) => {
  const id = newId();
  const now = Date.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('consultations')
      .values({
        id,
        org_id: refs.commune.id,
        org_path: refs.commune.path,
        province_id: refs.commune.provinceId,
        title: 'Lấy ý kiến dự thảo Kế hoạch chuyển đổi số trong sinh hoạt chi bộ năm 2027',
        intro:
          'Đảng ủy xã đề nghị các đồng chí đảng viên góp ý vào từng đoạn của dự thảo và trả lời hai câu hỏi.',
        draft: DRAFT,
        document_id: null,
        opens_at: new Date(now - 2 * 86_400_000).toISOString(),
        closes_at: new Date(now + 12 * 86_400_000).toISOString(),
        closed_at: null,
        created_by: refs.accounts.dangu,
        created_at: new Date(now - 2 * 86_400_000).toISOString(),
      })
      .execute();
    const questions = [
      {
        text: 'Đồng chí có đồng ý với mục tiêu trên 90% đảng viên đọc tài liệu trước khi họp?',
        kind: 'choice' as const,
        options: ['Đồng ý', 'Không đồng ý'],
      },
      { text: 'Đồng chí cần hỗ trợ gì để sử dụng phần mềm?', kind: 'text' as const, options: [] },
    ];
    for (const [i, q] of questions.entries())
      await trx
        .insertInto('consultation_questions')
        .values({
          id: newId(),
          consultation_id: id,
          position: i,
          text: q.text,
          kind: q.kind,
          options: JSON.stringify(q.options),
        })
        .execute();
  });
};
