import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  PETITION_ADDRESS_OFF_PATH: {
    status: 422,
    vi: 'Chỉ được gửi ý kiến, kiến nghị tới cấp ủy chi bộ mình hoặc cấp ủy cấp trên trực tiếp theo hệ thống.',
    en: 'A petition may go only to your own branch committee or a committee above it.',
  },
  PETITION_FORWARD_OFF_PATH: {
    status: 422,
    vi: 'Chỉ được chuyển kiến nghị lên hoặc xuống theo hệ thống tổ chức của người gửi.',
    en: 'A petition may be forwarded only along the sender’s own path.',
  },
  PETITION_FORWARD_SAME: {
    status: 422,
    vi: 'Kiến nghị đang ở cấp ủy này.',
    en: 'The petition is already with this committee.',
  },
  PETITION_BAD_TRANSITION: {
    status: 409,
    vi: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của kiến nghị.',
    en: 'This action is not possible in the petition’s current state.',
  },
  PETITION_REPLY_USED: {
    status: 409,
    vi: 'Bạn đã phản hồi (hoặc đánh giá) câu trả lời này rồi.',
    en: 'You have already replied to (or rated) this answer.',
  },
  PETITION_RATING_RANGE: {
    status: 422,
    vi: 'Mức đánh giá phải từ 1 đến 5 sao.',
    en: 'The rating must be 1 to 5.',
  },
  PETITION_NOT_MEMBER: {
    status: 403,
    vi: 'Chỉ đảng viên mới gửi được ý kiến, kiến nghị.',
    en: 'Only members can send petitions.',
  },
  PETITION_RATE_LIMITED: {
    status: 429,
    vi: 'Bạn đã gửi nhiều ý kiến trong hôm nay. Vui lòng thử lại vào ngày mai.',
    en: 'Too many petitions today; try again tomorrow.',
  },
  PETITION_EMPTY: {
    status: 422,
    vi: 'Tiêu đề và nội dung không được để trống.',
    en: 'Title and text are required.',
  },
  PETITION_HANDLER_INVALID: {
    status: 422,
    vi: 'Người xử lý phải là cấp ủy viên của cấp ủy đang nhận kiến nghị.',
    en: 'The handler must hold a committee role on the addressed organisation.',
  },
  PETITION_VERSION_CONFLICT: {
    status: 409,
    vi: 'Kiến nghị vừa được người khác cập nhật. Hãy tải lại rồi thử lại.',
    en: 'The petition was changed by someone else; reload and try again.',
  },
});
