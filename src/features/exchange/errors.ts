import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  EXCHANGE_NO_RECIPIENTS: {
    status: 422,
    vi: 'Chọn ít nhất một người nhận hoặc tổ chức nhận.',
    en: 'Choose at least one recipient.',
  },
  EXCHANGE_RECIPIENT_OUTSIDE: {
    status: 422,
    vi: 'Chỉ gửi được cho đảng viên và tổ chức trực thuộc.',
    en: 'Recipients must belong to the sending organisation.',
  },
  EXCHANGE_DEADLINE_PAST: {
    status: 422,
    vi: 'Hạn xác nhận đã qua, chọn một ngày từ hôm nay trở đi.',
    en: 'The acknowledgement deadline is in the past.',
  },
  EXCHANGE_NOT_MEMBER: {
    status: 403,
    vi: 'Chỉ đảng viên mới gửi được văn bản lên cấp ủy.',
    en: 'Only members can send documents to their committee.',
  },
});
