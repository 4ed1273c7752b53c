import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  DOCUMENT_DUPLICATE: {
    status: 409,
    vi: 'Đã có văn bản cùng số, ngày ban hành và cơ quan ban hành.',
    en: 'A document with this number, date and issuing body already exists.',
  },
  DOCUMENT_AUDIENCE_REQUIRED: {
    status: 422,
    vi: 'Chọn ít nhất một tổ chức nhận văn bản.',
    en: 'Choose at least one organisation to publish to.',
  },
  DOCUMENT_WITHDRAWN: {
    status: 409,
    vi: 'Văn bản đã bị thu hồi.',
    en: 'The document has been withdrawn.',
  },
});
