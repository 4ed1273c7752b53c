import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  TWO_FACTOR_CODE_INVALID: {
    status: 422,
    vi: 'Mã xác thực không đúng hoặc đã hết hạn.',
    en: 'The code is wrong or has expired.',
  },
  TWO_FACTOR_ALREADY_ENABLED: {
    status: 409,
    vi: 'Xác thực hai bước đã được bật.',
    en: 'Two-factor sign-in is already on.',
  },
  TWO_FACTOR_NOT_ENROLLING: {
    status: 409,
    vi: 'Chưa bắt đầu bật xác thực hai bước.',
    en: 'Two-factor enrolment has not been started.',
  },
  TWO_FACTOR_NOT_ENABLED: {
    status: 409,
    vi: 'Xác thực hai bước chưa được bật.',
    en: 'Two-factor sign-in is not on.',
  },
  TWO_FACTOR_REQUIRED_FOR_ROLE: {
    status: 403,
    vi: 'Vai trò của bạn bắt buộc dùng xác thực hai bước, không thể tắt.',
    en: 'Your role requires two-factor sign-in; it cannot be turned off.',
  },
});
