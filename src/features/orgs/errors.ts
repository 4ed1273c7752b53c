import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  ORG_TYPE_UNKNOWN: { status: 422, vi: 'Loại tổ chức không tồn tại.', en: 'Unknown organisation type.' },
  ORG_TYPE_EXISTS: {
    status: 409,
    vi: 'Mã loại tổ chức đã có.',
    en: 'Organisation type code already exists.',
  },
  ORG_PARENT_TYPE_INVALID: {
    status: 422,
    vi: 'Loại tổ chức này không thể đặt dưới tổ chức cấp trên đã chọn.',
    en: 'This organisation type cannot sit under the chosen parent.',
  },
  ORG_MOVE_INTO_ITSELF: {
    status: 422,
    vi: 'Không thể chuyển một tổ chức vào bên trong chính nó.',
    en: 'Cannot move an organisation under itself.',
  },
  ORG_CLOSED: {
    status: 409,
    vi: 'Tổ chức đã giải thể, không thể thay đổi.',
    en: 'The organisation is closed.',
  },
  ORG_HAS_ACTIVE_CHILDREN: {
    status: 409,
    vi: 'Tổ chức còn tổ chức trực thuộc đang hoạt động. Hãy chuyển hoặc giải thể các tổ chức đó trước.',
    en: 'The organisation still has active sub-organisations.',
  },
  ORG_HAS_MEMBERS: {
    status: 409,
    vi: 'Tổ chức còn đảng viên sinh hoạt. Hãy chuyển sinh hoạt cho các đảng viên trước.',
    en: 'The organisation still has members.',
  },
  ORG_ROOT_IMMOVABLE: { status: 422, vi: 'Không thể chuyển tổ chức gốc.', en: 'The root cannot be moved.' },
});
