import { registerErrors } from '../../platform/errors.ts';

registerErrors({
  ASSISTANT_EMPTY_QUESTION: {
    status: 422,
    vi: 'Hãy nhập câu hỏi.',
    en: 'Type a question.',
  },
});
