import { speechError } from './errors.ts';
import { synthesisWorker } from './audio-worker.ts';
import type { PcmAudio, SpeechProvider, SpeechVoice, SynthesisRequest } from './types.ts';
import { checkRequest } from './validate.ts';
import { parseWav } from './wav.ts';

/** eSpeak NG's default rate in words per minute; speed 1 maps to it. */
const BASE_WORDS_PER_MINUTE = 175;

const VOICES: readonly SpeechVoice[] = [
  { id: 'vi', name: 'Giọng miền Bắc (nam)', language: 'vi-VN' },
  { id: 'vi+f3', name: 'Giọng miền Bắc (nữ)', language: 'vi-VN' },
  { id: 'vi-vn-x-central', name: 'Giọng miền Trung (nam)', language: 'vi-VN' },
  { id: 'vi-vn-x-south', name: 'Giọng miền Nam (nam)', language: 'vi-VN' },
];

export const ESPEAK_DEFAULT_VOICE = 'vi';

export function espeakWordsPerMinute(speed: number): number {
  return Math.round(BASE_WORDS_PER_MINUTE * speed);
}

/**
 * The built-in voice: eSpeak NG in WebAssembly, no system dependency. Robotic but intelligible, and far faster
 * than real time. It reads digits and symbols badly, so callers pass text the Vietnamese normaliser produced.
 */
export class EspeakProvider implements SpeechProvider {
  readonly id = 'espeak-ng-1.52';

  voices(): readonly SpeechVoice[] {
    return VOICES;
  }

  /** Loads the engine (shared by every instance in the process) so the first sentence is not slowed by it. */
  async warm(): Promise<void> {
    await synthesisWorker.run({ op: 'espeak-load' });
  }

  async synthesize(request: SynthesisRequest): Promise<PcmAudio> {
    checkRequest(this, request);
    // "[[" starts raw phoneme input in the espeak-ng command line; plain text never needs it.
    const text = request.text.replace(/[[\]]/g, ' ');
    let result;
    try {
      result = await synthesisWorker.run({
        op: 'espeak',
        // Text goes through a file, not argv, so a leading "-" is never read as an option.
        args: [
          '-b',
          '1',
          '-v',
          request.voice,
          '-s',
          `${espeakWordsPerMinute(request.speed)}`,
          '-w',
          '/out.wav',
          '-f',
          '/in.txt',
        ],
        inputs: { '/in.txt': text },
        output: '/out.wav',
      });
    } catch (error) {
      throw speechError('SPEECH_PROVIDER_FAILED', 'Bộ đọc eSpeak NG không tạo được âm thanh.', {
        cause: error,
      });
    }
    if (!result.bytes) {
      throw speechError('SPEECH_PROVIDER_FAILED', 'Bộ đọc eSpeak NG không tạo được âm thanh.', {
        cause: new Error(`espeak-ng exited with status ${result.exitStatus}: ${result.stderr ?? ''}`),
      });
    }
    return parseWav(result.bytes);
  }
}
