import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  PRIVACY_ALREADY_ERASED: {
    status: 409,
    vi: 'Dữ liệu cá nhân của đảng viên này đã được xóa.',
    en: 'This member’s personal data was already erased.',
  },
  PRIVACY_CONFIRMATION_MISMATCH: {
    status: 422,
    vi: 'Họ và tên xác nhận không khớp với đảng viên cần xóa dữ liệu.',
    en: 'The confirmation name does not match the member.',
  },
});
