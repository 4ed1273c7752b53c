import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  NOTE_TOO_LARGE: {
    status: 413,
    vi: 'Ghi chép quá dài (tối đa 100.000 ký tự). Hãy tách thành nhiều ghi chép.',
    en: 'The note is too long (100,000 characters at most). Split it into several notes.',
  },
  NOTEBOOK_FULL: {
    status: 409,
    vi: 'Sổ tay đã đủ 5.000 ghi chép. Hãy xoá bớt ghi chép cũ trước khi thêm mới.',
    en: 'The notebook holds 5,000 notes at most. Delete old notes first.',
  },
  NOTE_EMPTY: {
    status: 422,
    vi: 'Ghi chép cần có tiêu đề hoặc nội dung.',
    en: 'A note needs a title or some text.',
  },
  NOTE_UNREADABLE: {
    status: 500,
    vi: 'Không mở được ghi chép: khoá mã hoá của máy chủ không khớp. Hãy báo quản trị viên.',
    en: 'The note cannot be opened: the server encryption key does not match.',
  },
});
