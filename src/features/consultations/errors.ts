import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  CONSULTATION_NOT_OPEN: {
    status: 409,
    vi: 'Đợt lấy ý kiến chưa mở hoặc đã kết thúc.',
    en: 'The consultation is not open.',
  },
  CONSULTATION_DATES_INVALID: {
    status: 422,
    vi: 'Ngày kết thúc phải sau ngày bắt đầu.',
    en: 'The closing date must be after the opening date.',
  },
  CONSULTATION_TARGET_UNKNOWN: {
    status: 422,
    vi: 'Không có đoạn hoặc câu hỏi này trong dự thảo.',
    en: 'No such paragraph or question in the draft.',
  },
  CONSULTATION_CHOICE_INVALID: {
    status: 422,
    vi: 'Lựa chọn không có trong danh sách.',
    en: 'The choice is not one of the options.',
  },
  CONSULTATION_EMPTY: {
    status: 422,
    vi: 'Nội dung không được để trống.',
    en: 'The text is required.',
  },
  CONSULTATION_NOT_MEMBER: {
    status: 403,
    vi: 'Chỉ đảng viên trong phạm vi lấy ý kiến mới góp ý được.',
    en: 'Only members within the consultation’s scope may take part.',
  },
});
