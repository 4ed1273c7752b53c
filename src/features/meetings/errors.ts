import { registerErrors } from '../../platform/errors.ts';
import { MEETING_ERRORS } from './domain/index.ts';

registerErrors(MEETING_ERRORS);
registerErrors({
  MEETING_INVALID: { status: 422, vi: 'Thông tin cuộc họp không hợp lệ.', en: 'Invalid meeting data.' },
  MEETING_ORG_NOT_BRANCH: {
    status: 422,
    vi: 'Chỉ chi bộ (tổ chức có đảng viên) mới tổ chức sinh hoạt chi bộ.',
    en: 'Only a branch holds branch meetings.',
  },
  MEETING_TEMPLATE_INVALID: {
    status: 422,
    vi: 'Quy trình sinh hoạt chưa hợp lệ.',
    en: 'The procedure template is not valid.',
  },
  MEETING_CHECKIN_INVALID: {
    status: 422,
    vi: 'Mã điểm danh không đúng. Hãy quét lại mã QR hoặc nhập mã trên màn hình của bí thư.',
    en: 'The check-in code is not valid.',
  },
  MEETING_CHECKIN_EXPIRED: {
    status: 410,
    vi: 'Mã điểm danh đã hết hạn. Hãy quét mã mới trên màn hình của bí thư.',
    en: 'The check-in code has expired.',
  },
  MEETING_CHECKIN_NOT_MEMBER: {
    status: 403,
    vi: 'Chỉ đảng viên của chi bộ mới điểm danh được cho cuộc họp này.',
    en: 'Only members of this branch can check in to this meeting.',
  },
  MEETING_COMMENT_TARGET_UNKNOWN: {
    status: 422,
    vi: 'Không tìm thấy nội dung hoặc đoạn dự thảo để góp ý.',
    en: 'The agenda item or paragraph does not exist.',
  },
  MEETING_COMMENTS_CLOSED: {
    status: 409,
    vi: 'Cuộc họp đã kết thúc, không nhận thêm góp ý.',
    en: 'The meeting is over; comments are closed.',
  },
  MEETING_DRAFT_MISSING: {
    status: 409,
    vi: 'Chưa có dự thảo nghị quyết.',
    en: 'There is no draft resolution yet.',
  },
  MEETING_MOTION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nội dung biểu quyết.', en: 'No such motion.' },
  MEETING_VOTE_METHOD: {
    status: 409,
    vi: 'Nội dung này biểu quyết theo cách khác (giơ tay hoặc trên ứng dụng).',
    en: 'This motion is voted by another method.',
  },
  MEETING_VOTE_OPEN_EXISTS: {
    status: 409,
    vi: 'Đang có một nội dung biểu quyết chưa kết thúc.',
    en: 'Another vote is still open.',
  },
  MEETING_VOTE_COUNTS_INVALID: {
    status: 422,
    vi: 'Số phiếu nhiều hơn số đảng viên có quyền biểu quyết.',
    en: 'More votes than members entitled to vote.',
  },
  MEETING_MINUTES_MISSING: {
    status: 409,
    vi: 'Biên bản chưa được lập.',
    en: 'The minutes have not been drawn up yet.',
  },
  MEETING_NOT_MINUTE_TAKER: {
    status: 403,
    vi: 'Chỉ thư ký cuộc họp hoặc cấp ủy chi bộ được sửa biên bản.',
    en: 'Only the minute-taker or the branch committee may edit the minutes.',
  },
  MEETING_FONT_MISSING: {
    status: 500,
    vi: 'Máy chủ thiếu phông chữ tiếng Việt để xuất PDF (DejaVu Sans).',
    en: 'The server lacks the Vietnamese font needed for PDF export (DejaVu Sans).',
  },
  MEETING_QUALITY_FORBIDDEN: {
    status: 403,
    vi: 'Chỉ đồng chí chủ trì hoặc cấp ủy cấp trên được chấm điểm chất lượng buổi sinh hoạt.',
    en: 'Only the chair or the upper committee may score the meeting.',
  },
  MEETING_MATERIAL_INVALID: {
    status: 422,
    vi: 'Tài liệu cần có tên và một văn bản, đường dẫn hoặc tệp đính kèm.',
    en: 'A material needs a title and a document, link or file.',
  },
});
