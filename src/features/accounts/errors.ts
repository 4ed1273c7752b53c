import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  ACCOUNT_LOGIN_TAKEN: { status: 409, vi: 'Tên đăng nhập đã có người dùng.', en: 'This login is taken.' },
  ACCOUNT_MEMBER_HAS_ACCOUNT: {
    status: 409,
    vi: 'Đảng viên này đã có tài khoản.',
    en: 'This member already has an account.',
  },
  ROLE_UNKNOWN: { status: 422, vi: 'Vai trò không hợp lệ.', en: 'Unknown role.' },
});
