import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  STUDY_MEMBERS_ONLY: {
    status: 403,
    vi: 'Chỉ đảng viên thuộc tổ chức được giao mới đánh dấu học tập được.',
    en: 'Only members of the assigned organisation can mark sections studied.',
  },
  STUDY_UNKNOWN_PARAGRAPH: {
    status: 422,
    vi: 'Đoạn văn bản không thuộc văn bản được giao học tập.',
    en: 'The paragraph is not part of the assigned document.',
  },
});
