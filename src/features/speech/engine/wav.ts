import type { PcmAudio } from './types.ts';

/**
 * RIFF/WAVE reader for what speech engines emit: integer PCM (8/16/24/32-bit) or IEEE float, any channel count,
 * mixed down to mono 16-bit. Chunks are walked by their declared sizes, so LIST/fact chunks are skipped.
 */
export function parseWav(bytes: Uint8Array): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE')
    throw new Error('not a RIFF/WAVE file');

  let format: { code: number; channels: number; sampleRate: number; bits: number } | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.byteLength) {
    const id = tag(offset);
    const declared = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (declared < 16) throw new Error('WAVE fmt chunk too short');
      let code = view.getUint16(body, true);
      // WAVE_FORMAT_EXTENSIBLE keeps the real format code in the first two bytes of the sub-format GUID.
      if (code === 0xfffe && declared >= 40) code = view.getUint16(body + 24, true);
      format = {
        code,
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bits: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      if (!format) throw new Error('WAVE data chunk before fmt chunk');
      // Streaming writers leave the size as 0 or 0xFFFFFFFF; the data then runs to the end of the file.
      const size = declared === 0 || body + declared > bytes.byteLength ? bytes.byteLength - body : declared;
      return { pcm: decodeSamples(view, body, size, format), sampleRate: format.sampleRate };
    }
    offset = body + declared + (declared % 2);
  }
  throw new Error('WAVE file has no data chunk');
}

function decodeSamples(
  view: DataView,
  start: number,
  size: number,
  format: { code: number; channels: number; bits: number },
): Int16Array {
  const { code, channels, bits } = format;
  const width = bits / 8;
  if (channels < 1 || !Number.isInteger(width) || width < 1) throw new Error('unsupported WAVE layout');
  const readers: Record<string, (at: number) => number> = {
    '1:8': (at) => (view.getUint8(at) - 128) / 128,
    '1:16': (at) => view.getInt16(at, true) / 32768,
    '1:24': (at) =>
      (view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 8388608,
    '1:32': (at) => view.getInt32(at, true) / 2147483648,
    '3:32': (at) => view.getFloat32(at, true),
    '3:64': (at) => view.getFloat64(at, true),
  };
  const read = readers[`${code}:${bits}`];
  if (!read) throw new Error(`unsupported WAVE format ${code} with ${bits} bits`);
  const frameBytes = width * channels;
  const frames = Math.floor(size / frameBytes);
  const out = new Int16Array(frames);
  if (code === 1 && bits === 16) {
    // The common case stays lossless: no round trip through floating point.
    for (let i = 0; i < frames; i++) {
      let sum = 0;
      for (let c = 0; c < channels; c++) sum += view.getInt16(start + i * frameBytes + c * 2, true);
      out[i] = Math.round(sum / channels);
    }
    return out;
  }
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += read(start + i * frameBytes + c * width);
    out[i] = toInt16(sum / channels);
  }
  return out;
}

export function toInt16(sample: number): number {
  const scaled = Math.round(sample * 32767);
  return scaled > 32767 ? 32767 : scaled < -32768 ? -32768 : scaled;
}

export function floatToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = toInt16(samples[i] ?? 0);
  return out;
}

/** Mono 16-bit WAVE, for the uncompressed download and for tests. */
export function encodeWav(audio: PcmAudio): Uint8Array {
  const dataBytes = audio.pcm.length * 2;
  const out = new Uint8Array(44 + dataBytes);
  const view = new DataView(out.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) out[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < audio.pcm.length; i++) view.setInt16(44 + i * 2, audio.pcm[i] ?? 0, true);
  return out;
}
