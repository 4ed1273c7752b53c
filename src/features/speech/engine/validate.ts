import { speechError } from './errors.ts';
import { MAX_SPEED, MIN_SPEED } from './types.ts';
import type { SpeechProvider, SynthesisRequest } from './types.ts';

/** One synthesis call covers one sentence or a chunk of one; longer input means the caller skipped splitting. */
export const MAX_TEXT_CHARS = 5000;

export function checkSpeed(speed: number): void {
  if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) {
    throw speechError(
      'SPEECH_INVALID_INPUT',
      `Tốc độ đọc phải nằm trong khoảng ${MIN_SPEED}–${MAX_SPEED} lần.`,
      {
        details: [{ field: 'speed', message: 'Tốc độ đọc không hợp lệ.' }],
      },
    );
  }
}

export function checkVoice(provider: SpeechProvider, voice: string): void {
  if (!provider.voices().some((v) => v.id === voice)) {
    throw speechError('SPEECH_INVALID_INPUT', `Không có giọng đọc “${voice}”.`, {
      details: [{ field: 'voice', message: 'Giọng đọc không tồn tại.' }],
    });
  }
}

export function checkText(text: string): void {
  if (text.trim() === '') {
    throw speechError('SPEECH_INVALID_INPUT', 'Không có nội dung để đọc.', {
      details: [{ field: 'text', message: 'Nội dung trống.' }],
    });
  }
  if (text.length > MAX_TEXT_CHARS) {
    throw speechError('SPEECH_INVALID_INPUT', `Mỗi lần chỉ đọc được tối đa ${MAX_TEXT_CHARS} ký tự.`, {
      details: [{ field: 'text', message: 'Nội dung quá dài.' }],
    });
  }
}

export function checkRequest(provider: SpeechProvider, request: SynthesisRequest): void {
  checkText(request.text);
  checkVoice(provider, request.voice);
  checkSpeed(request.speed);
}
