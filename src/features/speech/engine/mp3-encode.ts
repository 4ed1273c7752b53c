import { Mp3Encoder } from '@breezystack/lamejs';
import { resample } from './resample.ts';
import type { PcmAudio } from './types.ts';

export interface Mp3Options {
  bitrateKbps: number;
  sampleRate: number;
}

/** Mono speech for slow mobile networks: 24 kbit/s ≈ 3 KB per second of speech. */
export const DEFAULT_MP3: Mp3Options = { bitrateKbps: 24, sampleRate: 16000 };

/**
 * Lowest constant bitrate at which LAME keeps each MPEG-2/2.5 sampling rate instead of silently choosing a
 * lower one (LAME picks the output rate from the bitrate); checked against the encoder's frame headers.
 */
const MIN_BITRATE: Record<number, number> = {
  8000: 8,
  11025: 16,
  12000: 16,
  16000: 16,
  22050: 32,
  24000: 48,
};
const MPEG2_BITRATES = [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

export function checkMp3Options({ bitrateKbps, sampleRate }: Mp3Options): void {
  const min = MIN_BITRATE[sampleRate];
  if (min === undefined) {
    throw new RangeError(`MP3 sample rate must be one of ${Object.keys(MIN_BITRATE).join(', ')} Hz`);
  }
  if (!MPEG2_BITRATES.includes(bitrateKbps) || bitrateKbps < min) {
    throw new RangeError(`MP3 at ${sampleRate} Hz needs a standard bitrate of at least ${min} kbit/s`);
  }
}

/** Frames handed to LAME per call; keeps its output buffer small on long texts. */
const CHUNK = 1152 * 16;

export function encodeMp3(audio: PcmAudio, options: Mp3Options = DEFAULT_MP3): Uint8Array {
  checkMp3Options(options);
  const { pcm } = resample(audio, options.sampleRate);
  const encoder = new Mp3Encoder(1, options.sampleRate, options.bitrateKbps);
  const parts: Uint8Array[] = [];
  for (let start = 0; start < pcm.length; start += CHUNK) {
    parts.push(toBytes(encoder.encodeBuffer(pcm.subarray(start, start + CHUNK))));
  }
  parts.push(toBytes(encoder.flush()));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

// lamejs hands back signed bytes (Int8Array) despite its typings.
function toBytes(chunk: ArrayBufferView): Uint8Array {
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
