import { speechError } from './errors.ts';
import { decodeMp3 } from './mp3-decode.ts';
import type { PcmAudio, SpeechProvider, SpeechVoice, SynthesisRequest } from './types.ts';
import { checkRequest } from './validate.ts';
import { parseWav } from './wav.ts';

export interface HttpSpeechConfig {
  /** Endpoint receiving POST { text, voice, speed } as JSON and answering with WAV (PCM) or MP3 audio. */
  url: string;
  /** Sent as a bearer token; never part of the provider id or of error messages. */
  apiKey: string;
  voices: SpeechVoice[];
  /** Changes the cache key: set a new value when the service's voices change. */
  revision?: string;
  timeoutMs?: number;
}

export function checkHttpSpeechConfig(config: HttpSpeechConfig): URL {
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    throw notConfigured('Địa chỉ dịch vụ đọc văn bản (url) không hợp lệ.', 'url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw notConfigured('Địa chỉ dịch vụ đọc văn bản phải bắt đầu bằng http:// hoặc https://.', 'url');
  }
  if (!config.apiKey)
    throw notConfigured('Chưa cấu hình khóa truy cập dịch vụ đọc văn bản (apiKey).', 'apiKey');
  if (config.voices.length === 0) throw notConfigured('Chưa cấu hình giọng đọc nào cho dịch vụ.', 'voices');
  return url;
}

/** A cloud voice behind a simple JSON-over-HTTPS contract. */
export class HttpSpeechProvider implements SpeechProvider {
  readonly id: string;
  private readonly url: URL;

  constructor(private readonly config: HttpSpeechConfig) {
    this.url = checkHttpSpeechConfig(config);
    this.id = `http:${this.url.host}${this.url.pathname}${config.revision ? `:${config.revision}` : ''}`;
  }

  voices(): readonly SpeechVoice[] {
    return this.config.voices;
  }

  async synthesize(request: SynthesisRequest): Promise<PcmAudio> {
    checkRequest(this, request);
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.config.apiKey}`,
          'content-type': 'application/json',
          accept: 'audio/wav, audio/mpeg',
        },
        body: JSON.stringify({ text: request.text, voice: request.voice, speed: request.speed }),
        signal: AbortSignal.timeout(this.config.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw failed('Không kết nối được dịch vụ đọc văn bản.', error);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw notConfigured('Dịch vụ đọc văn bản từ chối khóa truy cập đã cấu hình.', 'apiKey');
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw failed(`Dịch vụ đọc văn bản trả lỗi ${response.status}.`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    try {
      return await decodeAudio(bytes, response.headers.get('content-type') ?? '');
    } catch (error) {
      throw failed('Dịch vụ đọc văn bản trả về dữ liệu âm thanh không đọc được.', error);
    }
  }
}

/** Trusts the bytes over the declared type: services often label audio application/octet-stream. */
async function decodeAudio(bytes: Uint8Array, contentType: string): Promise<PcmAudio> {
  const riff = bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46;
  if (riff) return parseWav(bytes);
  const id3 = bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33;
  const sync = bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0;
  if (id3 || sync) return decodeMp3(bytes);
  throw new Error(`unrecognised audio (${contentType || 'no content type'})`);
}

function notConfigured(message: string, field: string) {
  return speechError('SPEECH_NOT_CONFIGURED', message, { details: [{ field, message }] });
}

function failed(message: string, cause?: unknown) {
  return speechError('SPEECH_PROVIDER_FAILED', message, { cause });
}
