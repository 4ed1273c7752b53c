import { describe, expect, it } from 'vitest';
import { EspeakProvider } from './espeak-provider.ts';
import { decodeMp3 } from './mp3-decode.ts';
import { DEFAULT_MP3, checkMp3Options, encodeMp3 } from './mp3-encode.ts';
import { readMp3Frames } from './mp3-frames.ts';
import { rms, sine } from './test-audio.ts';
import { durationSeconds } from './types.ts';

// Generous limit: the engine shares the CPU with other test files; durations are not what is tested.
describe('encodeMp3', { timeout: 60_000 }, () => {
  it('compresses real speech to valid mono 24 kbit/s frames whose duration matches the PCM', async () => {
    const speech = await new EspeakProvider().synthesize({
      text: 'Hội nghị ban chấp hành đảng bộ tỉnh lần thứ mười ba đã thảo luận và thống nhất cao',
      voice: 'vi',
      speed: 1,
    });
    const mp3 = encodeMp3(speech);
    const info = readMp3Frames(mp3);
    expect(info).toMatchObject({ sampleRate: 16000, bitrateKbps: 24, channels: 1 });
    expect(Math.abs(info.durationSeconds - durationSeconds(speech)) / durationSeconds(speech)).toBeLessThan(
      0.2,
    );
    // Constant bitrate: the file is about 3 KB per second of speech.
    expect(mp3.length).toBeLessThan(info.durationSeconds * 3000 * 1.05);

    const decoded = await decodeMp3(mp3);
    expect(decoded.sampleRate).toBe(16000);
    expect(
      Math.abs(durationSeconds(decoded) - durationSeconds(speech)) / durationSeconds(speech),
    ).toBeLessThan(0.2);
    expect(rms(decoded.pcm)).toBeGreaterThan(rms(speech.pcm) * 0.5);
  });

  it('keeps the requested sampling rate and bitrate for each supported pair', () => {
    const tone = sine(440, 22050, 1);
    for (const options of [
      { sampleRate: 16000, bitrateKbps: 16 },
      { sampleRate: 16000, bitrateKbps: 32 },
      { sampleRate: 22050, bitrateKbps: 32 },
      { sampleRate: 8000, bitrateKbps: 8 },
    ]) {
      const info = readMp3Frames(encodeMp3(tone, options));
      expect({ sampleRate: info.sampleRate, bitrateKbps: info.bitrateKbps }).toEqual(options);
    }
  });

  it('refuses pairs at which LAME would silently change the sampling rate', () => {
    expect(() => checkMp3Options({ sampleRate: 22050, bitrateKbps: 24 })).toThrow(RangeError);
    expect(() => checkMp3Options({ sampleRate: 44100, bitrateKbps: 32 })).toThrow(RangeError);
    expect(() => checkMp3Options({ sampleRate: 16000, bitrateKbps: 20 })).toThrow(RangeError);
    expect(() => checkMp3Options(DEFAULT_MP3)).not.toThrow();
  });

  it('preserves a tone through encode and decode', async () => {
    const decoded = await decodeMp3(encodeMp3(sine(440, 16000, 1, 8000)));
    // Skip the encoder delay at the start, then the level should be close to the original's (≈ 5657).
    expect(rms(decoded.pcm.subarray(2000, 14000))).toBeGreaterThan(4500);
    expect(rms(decoded.pcm.subarray(2000, 14000))).toBeLessThan(7000);
  });
});

describe('readMp3Frames', () => {
  const mp3 = encodeMp3(sine(440, 16000, 0.5));

  it('skips a leading ID3v2 tag and a trailing ID3v1 tag', () => {
    const id3v2 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5]);
    const id3v1 = new Uint8Array(128);
    id3v1.set([0x54, 0x41, 0x47]);
    const tagged = new Uint8Array([...id3v2, ...mp3, ...id3v1]);
    expect(readMp3Frames(tagged).frames).toBe(readMp3Frames(mp3).frames);
  });

  it('rejects junk between frames, a truncated last frame and non-audio', () => {
    const junk = new Uint8Array([...mp3.subarray(0, 72), 0, 0, ...mp3.subarray(72)]);
    expect(() => readMp3Frames(junk)).toThrow(/frame sync/);
    expect(() => readMp3Frames(mp3.subarray(0, mp3.length - 10))).toThrow(/truncated/);
    expect(() => readMp3Frames(new TextEncoder().encode('<html>not audio</html>'))).toThrow();
    expect(() => readMp3Frames(new Uint8Array())).toThrow(/no MPEG audio frames/);
  });
});
