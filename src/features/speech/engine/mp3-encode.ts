import { createMp3Encoder } from 'wasm-media-encoders';
import type { WasmMediaEncoder } from 'wasm-media-encoders';
import type { PcmAudio } from './types.ts';

export interface Mp3Options {
  bitrateKbps: number;
  /** Output sampling rate; LAME resamples the voice's rate to it with its own low-pass filter. */
  sampleRate: number;
}

/** Mono speech for slow mobile networks: 24 kbit/s ≈ 3 KB per second of speech. */
export const DEFAULT_MP3: Mp3Options = { bitrateKbps: 24, sampleRate: 16000 };

const BITRATES = [8, 16, 24, 32, 40, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320] as const;
const SAMPLE_RATES = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000] as const;
type Bitrate = (typeof BITRATES)[number];
type SampleRate = (typeof SAMPLE_RATES)[number];

const isBitrate = (value: number): value is Bitrate => (BITRATES as readonly number[]).includes(value);
const isSampleRate = (value: number): value is SampleRate =>
  (SAMPLE_RATES as readonly number[]).includes(value);

export function checkMp3Options({ bitrateKbps, sampleRate }: Mp3Options): void {
  if (!isSampleRate(sampleRate))
    throw new RangeError(`MP3 sample rate must be one of ${SAMPLE_RATES.join(', ')} Hz`);
  if (!isBitrate(bitrateKbps))
    throw new RangeError(`MP3 bitrate must be one of ${BITRATES.join(', ')} kbit/s`);
  // MPEG-1 (32–48 kHz) has no bitrate below 32 kbit/s.
  if (sampleRate >= 32000 && bitrateKbps < 32)
    throw new RangeError('MP3 at 32 kHz and above needs ≥ 32 kbit/s');
}

let encoder: Promise<WasmMediaEncoder<'audio/mpeg'>> | undefined;

/**
 * LAME compiled to WebAssembly, created once per process and reconfigured for each file. configure → encode →
 * finalize runs without yielding, so calls cannot interleave on the shared encoder.
 */
function sharedEncoder(): Promise<WasmMediaEncoder<'audio/mpeg'>> {
  encoder ??= createMp3Encoder();
  encoder.catch(() => (encoder = undefined));
  return encoder;
}

/** Samples converted and handed to LAME per call; bounds the temporary float buffer on long texts. */
const CHUNK = 65536;

export async function encodeMp3(audio: PcmAudio, options: Mp3Options = DEFAULT_MP3): Promise<Uint8Array> {
  checkMp3Options(options);
  const { bitrateKbps, sampleRate } = options;
  if (!isBitrate(bitrateKbps) || !isSampleRate(sampleRate)) throw new RangeError('invalid MP3 options');
  const lame = await sharedEncoder();
  lame.configure({
    channels: 1,
    sampleRate: audio.sampleRate,
    bitrate: bitrateKbps,
    outputSampleRate: sampleRate,
  });
  const parts: Uint8Array[] = [];
  const floats = new Float32Array(Math.min(CHUNK, audio.pcm.length));
  for (let start = 0; start < audio.pcm.length; start += CHUNK) {
    const piece = audio.pcm.subarray(start, start + CHUNK);
    for (let i = 0; i < piece.length; i++) floats[i] = (piece[i] as number) / 32768;
    // The returned view belongs to the encoder and is overwritten by the next call: copy it.
    parts.push(lame.encode([floats.subarray(0, piece.length)]).slice());
  }
  parts.push(lame.finalize().slice());
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
