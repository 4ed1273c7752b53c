/** What the MPEG audio frame headers of a file say, walked frame by frame from the first to the last byte. */
export interface Mp3Info {
  frames: number;
  sampleRate: number;
  /** Bitrate of the first frame; constant-bitrate files keep it throughout. */
  bitrateKbps: number;
  channels: 1 | 2;
  samples: number;
  durationSeconds: number;
}

// Layer III bitrates in kbit/s by header index: MPEG-1, then MPEG-2 and 2.5 (low sampling frequencies).
const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES: Record<number, number[]> = {
  3: [44100, 48000, 32000], // MPEG-1
  2: [22050, 24000, 16000], // MPEG-2
  0: [11025, 12000, 8000], // MPEG-2.5
};

/**
 * Reads MPEG-1/2/2.5 Layer III frame headers. Strict: an ID3v2 tag may lead and an ID3v1 tag may trail, but any
 * other byte that is not part of a well-formed frame is an error, which is what a test of an encoder needs.
 */
export function readMp3Frames(bytes: Uint8Array): Mp3Info {
  let offset = skipId3v2(bytes);
  const end =
    bytes.length >= 128 && tagAt(bytes, bytes.length - 128, 'TAG') ? bytes.length - 128 : bytes.length;
  let frames = 0;
  let samples = 0;
  let first: { sampleRate: number; bitrateKbps: number; channels: 1 | 2 } | undefined;

  while (offset < end) {
    if (offset + 4 > end) throw new Error(`truncated frame header at byte ${offset}`);
    const b1 = bytes[offset + 1] ?? 0;
    const b2 = bytes[offset + 2] ?? 0;
    const b3 = bytes[offset + 3] ?? 0;
    if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) throw new Error(`no frame sync at byte ${offset}`);
    const version = (b1 >> 3) & 3;
    const layer = (b1 >> 1) & 3;
    const bitrateIndex = b2 >> 4;
    const rateIndex = (b2 >> 2) & 3;
    const padding = (b2 >> 1) & 1;
    const rates = SAMPLE_RATES[version];
    if (!rates || layer !== 1) throw new Error(`not an MPEG Layer III frame at byte ${offset}`);
    const sampleRate = rates[rateIndex];
    const bitrateKbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex];
    if (!sampleRate || !bitrateKbps) throw new Error(`invalid bitrate or sample rate at byte ${offset}`);
    const samplesPerFrame = version === 3 ? 1152 : 576;
    const length = Math.floor(((samplesPerFrame / 8) * bitrateKbps * 1000) / sampleRate) + padding;
    if (offset + length > end) throw new Error(`truncated frame at byte ${offset}`);
    const channels = b3 >> 6 === 3 ? 1 : 2;
    if (!first) first = { sampleRate, bitrateKbps, channels };
    else if (sampleRate !== first.sampleRate) throw new Error(`sample rate changes at byte ${offset}`);
    frames++;
    samples += samplesPerFrame;
    offset += length;
  }
  if (!first) throw new Error('no MPEG audio frames');
  return { frames, samples, ...first, durationSeconds: samples / first.sampleRate };
}

function skipId3v2(bytes: Uint8Array): number {
  if (bytes.length < 10 || !tagAt(bytes, 0, 'ID3')) return 0;
  // The tag size is "synchsafe": four 7-bit bytes; a footer adds 10 more bytes.
  const size = ((bytes[6] ?? 0) << 21) | ((bytes[7] ?? 0) << 14) | ((bytes[8] ?? 0) << 7) | (bytes[9] ?? 0);
  const footer = ((bytes[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

function tagAt(bytes: Uint8Array, offset: number, tag: string): boolean {
  for (let i = 0; i < tag.length; i++) if (bytes[offset + i] !== tag.charCodeAt(i)) return false;
  return true;
}
