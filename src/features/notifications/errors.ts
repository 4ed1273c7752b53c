import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  PUSH_SUBSCRIPTION_INVALID: {
    status: 422,
    vi: 'Trình duyệt gửi đăng ký nhận thông báo không hợp lệ. Hãy thử bật lại thông báo.',
    en: 'The browser sent an invalid push subscription.',
  },
  NOTIFICATION_EMAIL_INVALID: {
    status: 422,
    vi: 'Địa chỉ thư điện tử không hợp lệ.',
    en: 'The e-mail address is not valid.',
  },
});
