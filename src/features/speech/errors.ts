import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  SPEECH_NOTHING_TO_READ: {
    status: 422,
    vi: 'Không có nội dung nào đọc được (văn bản trống hoặc chỉ có ký hiệu).',
    en: 'There is nothing to read (the text is empty or has only symbols).',
  },
  SPEECH_TEXT_TOO_LONG: {
    status: 413,
    vi: 'Văn bản quá dài để đọc một lần (tối đa 1 triệu ký tự).',
    en: 'The text is too long to read at once (at most 1 million characters).',
  },
  SPEECH_SOURCE_UNKNOWN: {
    status: 404,
    vi: 'Không có loại nội dung này để đọc.',
    en: 'There is no such kind of content to read.',
  },
  SPEECH_AUDIO_MISMATCH: {
    status: 400,
    vi: 'Địa chỉ âm thanh không khớp với câu cần đọc.',
    en: 'The audio address does not match the sentence.',
  },
});
