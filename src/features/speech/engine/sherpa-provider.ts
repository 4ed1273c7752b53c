import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { OfflineTts } from 'sherpa-onnx-node';
import { speechError } from './errors.ts';
import { SerialQueue } from './serial-queue.ts';
import type { PcmAudio, SpeechProvider, SpeechVoice, SynthesisRequest } from './types.ts';
import { checkRequest } from './validate.ts';
import { floatToInt16 } from './wav.ts';

export interface SherpaVoice extends SpeechVoice {
  /** Speaker index inside a multi-speaker model. */
  speaker: number;
}

/** A Piper (VITS) voice exported for sherpa-onnx: the .onnx file, its tokens.txt and espeak-ng-data. */
export interface SherpaOnnxConfig {
  model?: string;
  tokens?: string;
  /** espeak-ng-data directory Piper models phonemise with; models with a lexicon use `lexicon` instead. */
  dataDir?: string;
  lexicon?: string;
  numThreads?: number;
  voices?: SherpaVoice[];
}

const DEFAULT_VOICES: SherpaVoice[] = [
  { id: 'default', name: 'Giọng mô hình', language: 'vi-VN', speaker: 0 },
];

type Checked = Required<Pick<SherpaOnnxConfig, 'model' | 'tokens'>> & SherpaOnnxConfig;

/**
 * Fails with SPEECH_NOT_CONFIGURED naming the setting that is missing or points nowhere, so a deployment
 * learns what to fix at start-up rather than on the first listener's request.
 */
export function checkSherpaConfig(config: SherpaOnnxConfig): Checked {
  const { model, tokens, dataDir, lexicon } = config;
  if (!model)
    throw notConfigured('Chưa cấu hình đường dẫn tệp mô hình giọng đọc (model, tệp .onnx).', 'model');
  requireFile(model, 'model', 'tệp mô hình giọng đọc');
  if (!tokens) throw notConfigured('Chưa cấu hình tệp danh sách ký hiệu của mô hình (tokens.txt).', 'tokens');
  requireFile(tokens, 'tokens', 'tệp tokens của mô hình');
  if (!dataDir && !lexicon) {
    throw notConfigured(
      'Cần cấu hình thư mục dữ liệu espeak-ng-data (dataDir) hoặc tệp từ điển (lexicon).',
      'dataDir',
    );
  }
  if (dataDir && !isDirectory(dataDir)) {
    throw notConfigured(`Không tìm thấy thư mục dữ liệu giọng đọc: ${dataDir}`, 'dataDir');
  }
  if (lexicon) requireFile(lexicon, 'lexicon', 'tệp từ điển phát âm');
  if (config.voices && config.voices.length === 0)
    throw notConfigured('Danh sách giọng đọc đang trống.', 'voices');
  return { ...config, model, tokens };
}

/**
 * A neural voice run locally by sherpa-onnx (native add-on from npm, no network). The model is loaded on first
 * use; generation is queued because one model instance is not documented as safe for parallel calls.
 */
export class SherpaOnnxProvider implements SpeechProvider {
  readonly id: string;
  private readonly config: Checked;
  private readonly queue = new SerialQueue();
  private engine: Promise<OfflineTts> | undefined;

  constructor(config: SherpaOnnxConfig) {
    this.config = checkSherpaConfig(config);
    const size = statSync(this.config.model).size;
    this.id = `sherpa-onnx:${basename(this.config.model)}:${size}`;
  }

  voices(): readonly SherpaVoice[] {
    return this.config.voices ?? DEFAULT_VOICES;
  }

  async synthesize(request: SynthesisRequest): Promise<PcmAudio> {
    checkRequest(this, request);
    const speaker = this.voices().find((v) => v.id === request.voice)?.speaker ?? 0;
    const tts = await this.load();
    return this.queue.run(async () => {
      try {
        const audio = await tts.generateAsync({ text: request.text, sid: speaker, speed: request.speed });
        return { pcm: floatToInt16(audio.samples), sampleRate: audio.sampleRate };
      } catch (error) {
        throw speechError('SPEECH_PROVIDER_FAILED', 'Mô hình giọng đọc không tạo được âm thanh.', {
          cause: error,
        });
      }
    });
  }

  private load(): Promise<OfflineTts> {
    this.engine ??= (async () => {
      const { model, tokens, dataDir, lexicon, numThreads } = this.config;
      try {
        const sherpa = (await import('sherpa-onnx-node')).default;
        return await sherpa.OfflineTts.createAsync({
          model: {
            vits: { model, tokens, ...(dataDir ? { dataDir } : {}), ...(lexicon ? { lexicon } : {}) },
            numThreads: numThreads ?? 1,
            provider: 'cpu',
          },
          maxNumSentences: 1,
        });
      } catch (error) {
        this.engine = undefined;
        throw speechError('SPEECH_NOT_CONFIGURED', `Không nạp được mô hình giọng đọc ${basename(model)}.`, {
          cause: error,
        });
      }
    })();
    return this.engine;
  }
}

function notConfigured(message: string, field: string) {
  return speechError('SPEECH_NOT_CONFIGURED', message, { details: [{ field, message }] });
}

function requireFile(path: string, field: string, what: string): void {
  let file = false;
  try {
    file = statSync(path).isFile();
  } catch {
    file = false;
  }
  if (!file) throw notConfigured(`Không tìm thấy ${what}: ${path}`, field);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
