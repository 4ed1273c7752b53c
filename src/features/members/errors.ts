import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  MEMBER_INVALID: { status: 422, vi: 'Thông tin đảng viên không hợp lệ.', en: 'Invalid member data.' },
  MEMBER_DUPLICATE_CARD: {
    status: 409,
    vi: 'Số thẻ đảng này đã được dùng cho một đảng viên khác.',
    en: 'This party card number is already used.',
  },
  MEMBER_DUPLICATE_PHONE: {
    status: 409,
    vi: 'Số điện thoại này đã được dùng cho một đảng viên khác.',
    en: 'This phone number is already used.',
  },
  MEMBER_ORG_NOT_BRANCH: {
    status: 422,
    vi: 'Đảng viên chỉ sinh hoạt tại chi bộ. Hãy chọn một chi bộ.',
    en: 'Members belong to a branch; choose a branch.',
  },
  MEMBER_TRANSFER_SAME_ORG: {
    status: 422,
    vi: 'Đảng viên đang sinh hoạt tại chi bộ này.',
    en: 'The member already belongs to this branch.',
  },
  MEMBER_NOT_TRANSFERRED: {
    status: 409,
    vi: 'Đảng viên không ở trạng thái chuyển sinh hoạt tạm thời.',
    en: 'The member is not temporarily transferred.',
  },
  IMPORT_INVALID_ROWS: {
    status: 422,
    vi: 'Tệp có dòng không hợp lệ; chưa nhập đảng viên nào. Hãy sửa các dòng được liệt kê rồi tải lên lại.',
    en: 'Some rows are invalid; nothing was imported.',
  },
  IMPORT_BAD_FILE: {
    status: 422,
    vi: 'Không đọc được tệp. Hãy dùng tệp Excel (.xlsx) hoặc CSV theo mẫu.',
    en: 'The file could not be read.',
  },
  IMPORT_MISSING_COLUMNS: {
    status: 422,
    vi: 'Tệp thiếu cột bắt buộc.',
    en: 'The file is missing required columns.',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 422,
    vi: 'Tệp có quá nhiều dòng (tối đa 5.000 dòng mỗi lần).',
    en: 'Too many rows (5,000 at most).',
  },
});
