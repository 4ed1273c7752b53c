import { AppError, registerErrors } from '../../../platform/errors.ts';
import type { ErrorDetail } from '../../../platform/errors.ts';

registerErrors({
  SPEECH_NOT_CONFIGURED: {
    status: 503,
    vi: 'Giọng đọc chưa được cấu hình đúng.',
    en: 'The speech voice is not configured correctly.',
  },
  SPEECH_INVALID_INPUT: {
    status: 422,
    vi: 'Nội dung cần đọc không hợp lệ.',
    en: 'The text to read is not valid.',
  },
  SPEECH_PROVIDER_FAILED: {
    status: 502,
    vi: 'Dịch vụ đọc văn bản đang gặp lỗi. Vui lòng thử lại sau.',
    en: 'The speech service failed. Try again later.',
  },
});

export type SpeechErrorCode = 'SPEECH_NOT_CONFIGURED' | 'SPEECH_INVALID_INPUT' | 'SPEECH_PROVIDER_FAILED';

export function speechError(
  code: SpeechErrorCode,
  message: string,
  options: { details?: ErrorDetail[]; cause?: unknown } = {},
): AppError {
  return new AppError(code, { message, ...options });
}
