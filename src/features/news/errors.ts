import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  NEWS_EMPTY: {
    status: 422,
    vi: 'Bài viết chưa có nội dung.',
    en: 'The article has no content.',
  },
  NEWS_AUDIENCE_REQUIRED: {
    status: 422,
    vi: 'Chọn ít nhất một tổ chức nhận tin.',
    en: 'Choose at least one organisation to publish to.',
  },
});
