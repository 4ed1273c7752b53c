import { encodingWorker } from './audio-worker.ts';
import type { PcmAudio } from './types.ts';

export interface Mp3Options {
  bitrateKbps: number;
  /** Output sampling rate; LAME resamples the voice's rate to it with its own low-pass filter. */
  sampleRate: number;
}

/** Mono speech for slow mobile networks: 24 kbit/s ≈ 3 KB per second of speech. */
export const DEFAULT_MP3: Mp3Options = { bitrateKbps: 24, sampleRate: 16000 };

const BITRATES = [8, 16, 24, 32, 40, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const SAMPLE_RATES = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];

export function checkMp3Options({ bitrateKbps, sampleRate }: Mp3Options): void {
  if (!SAMPLE_RATES.includes(sampleRate)) {
    throw new RangeError(`MP3 sample rate must be one of ${SAMPLE_RATES.join(', ')} Hz`);
  }
  if (!BITRATES.includes(bitrateKbps))
    throw new RangeError(`MP3 bitrate must be one of ${BITRATES.join(', ')} kbit/s`);
  // MPEG-1 (32–48 kHz) has no bitrate below 32 kbit/s.
  if (sampleRate >= 32000 && bitrateKbps < 32)
    throw new RangeError('MP3 at 32 kHz and above needs ≥ 32 kbit/s');
}

/** Constant-bitrate mono MP3 by LAME (WebAssembly, in a worker thread); resamples to `options.sampleRate`. */
export async function encodeMp3(audio: PcmAudio, options: Mp3Options = DEFAULT_MP3): Promise<Uint8Array> {
  checkMp3Options(options);
  const { bytes } = await encodingWorker.run({
    op: 'mp3',
    pcm: audio.pcm,
    sampleRate: audio.sampleRate,
    bitrateKbps: options.bitrateKbps,
    outputSampleRate: options.sampleRate,
  });
  if (!bytes) throw new Error('MP3 encoder returned nothing');
  return bytes;
}
