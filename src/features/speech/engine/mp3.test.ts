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
    const mp3 = await encodeMp3(speech);
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

  it('writes the requested sampling rate and bitrate into every frame header', async () => {
    const tone = sine(440, 22050, 1);
    for (const options of [
      { sampleRate: 16000, bitrateKbps: 16 },
      { sampleRate: 16000, bitrateKbps: 32 },
      { sampleRate: 22050, bitrateKbps: 24 },
      { sampleRate: 24000, bitrateKbps: 32 },
      { sampleRate: 8000, bitrateKbps: 8 },
    ]) {
      const info = readMp3Frames(await encodeMp3(tone, options));
      expect({ sampleRate: info.sampleRate, bitrateKbps: info.bitrateKbps }).toEqual(options);
      expect(info.durationSeconds).toBeGreaterThan(1);
      expect(info.durationSeconds).toBeLessThan(1.2);
    }
  });

  it('refuses rates and bitrates MP3 does not have', () => {
    expect(() => checkMp3Options({ sampleRate: 16000, bitrateKbps: 20 })).toThrow(RangeError);
    expect(() => checkMp3Options({ sampleRate: 20000, bitrateKbps: 24 })).toThrow(RangeError);
    expect(() => checkMp3Options({ sampleRate: 44100, bitrateKbps: 24 })).toThrow(RangeError);
    expect(() => checkMp3Options(DEFAULT_MP3)).not.toThrow();
  });

  it('resamples a tone without losing its level and filters out what the new rate cannot carry', async () => {
    const kept = await decodeMp3(await encodeMp3(sine(440, 22050, 1, 8000)));
    expect(kept.sampleRate).toBe(16000);
    // Skip the encoder delay at the start; the level of a sine of amplitude 8000 is ≈ 5657.
    expect(rms(kept.pcm.subarray(2000, 14000))).toBeGreaterThan(4500);
    expect(rms(kept.pcm.subarray(2000, 14000))).toBeLessThan(7000);
    // 10 kHz is above the 8 kHz Nyquist limit of 16 kHz audio: it must vanish, not fold back as a lower tone.
    const removed = await decodeMp3(await encodeMp3(sine(10000, 22050, 1, 8000)));
    expect(rms(removed.pcm.subarray(2000, 14000))).toBeLessThan(300);
  });

  it('gives identical bytes for identical input, also when encodes run concurrently', async () => {
    const a = sine(300, 22050, 0.7);
    const b = sine(600, 22050, 1.3);
    const [a1, b1, a2] = await Promise.all([encodeMp3(a), encodeMp3(b), encodeMp3(a)]);
    expect(a2).toEqual(a1);
    expect(b1).not.toEqual(a1);
    expect(readMp3Frames(b1).durationSeconds).toBeGreaterThan(1.3);
  });
});

describe('readMp3Frames', () => {
  const encoded = encodeMp3(sine(440, 16000, 0.5));

  it('skips a leading ID3v2 tag and a trailing ID3v1 tag', async () => {
    const mp3 = await encoded;
    const id3v2 = new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5]);
    const id3v1 = new Uint8Array(128);
    id3v1.set([0x54, 0x41, 0x47]);
    const tagged = new Uint8Array([...id3v2, ...mp3, ...id3v1]);
    expect(readMp3Frames(tagged).frames).toBe(readMp3Frames(mp3).frames);
  });

  it('rejects junk between frames, a truncated last frame and non-audio', async () => {
    const mp3 = await encoded;
    const junk = new Uint8Array([...mp3.subarray(0, 72), 0, 0, ...mp3.subarray(72)]);
    expect(() => readMp3Frames(junk)).toThrow(/frame sync/);
    expect(() => readMp3Frames(mp3.subarray(0, mp3.length - 10))).toThrow(/truncated/);
    expect(() => readMp3Frames(new TextEncoder().encode('<html>not audio</html>'))).toThrow();
    expect(() => readMp3Frames(new Uint8Array())).toThrow(/no MPEG audio frames/);
  });
});
