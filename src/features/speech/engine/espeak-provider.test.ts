import { describe, expect, it } from 'vitest';
import { EspeakProvider, espeakWordsPerMinute } from './espeak-provider.ts';
import { rms, voicedShare } from './test-audio.ts';
import { durationSeconds } from './types.ts';
import type { PcmAudio } from './types.ts';

// Already normalised, as the text module would hand it over: ten syllables.
const TEN_SYLLABLES = 'Chi bộ họp thường kỳ vào ngày hai mươi sáu';

// Generous limit: the engine shares the CPU with other test files; durations are not what is tested.
describe('EspeakProvider', { timeout: 60_000 }, () => {
  const provider = new EspeakProvider();

  it('speaks a ten-syllable Vietnamese sentence as one to six seconds of audible PCM', async () => {
    const audio = await provider.synthesize({ text: TEN_SYLLABLES, voice: 'vi', speed: 1 });
    expect(audio.sampleRate).toBe(22050);
    expect(durationSeconds(audio)).toBeGreaterThan(1);
    expect(durationSeconds(audio)).toBeLessThan(6);
    expect(rms(audio.pcm)).toBeGreaterThan(500);
    // Speech alternates sound and short pauses: most windows voiced, not all.
    expect(voicedShare(audio)).toBeGreaterThan(0.4);
  });

  it('reads faster at 1.5× than at 0.75×', async () => {
    const slow = await provider.synthesize({ text: TEN_SYLLABLES, voice: 'vi', speed: 0.75 });
    const fast = await provider.synthesize({ text: TEN_SYLLABLES, voice: 'vi', speed: 1.5 });
    expect(durationSeconds(fast)).toBeLessThan(durationSeconds(slow) * 0.75);
    expect(espeakWordsPerMinute(0.75)).toBe(131);
    expect(espeakWordsPerMinute(1.5)).toBe(263);
  });

  it('longer text gives longer audio', async () => {
    const short = await provider.synthesize({ text: 'Xin chào', voice: 'vi', speed: 1 });
    const long = await provider.synthesize({
      text: `${TEN_SYLLABLES}, ${TEN_SYLLABLES}`,
      voice: 'vi',
      speed: 1,
    });
    expect(durationSeconds(long)).toBeGreaterThan(durationSeconds(short) * 3);
  });

  it('gives identical audio for concurrent and sequential calls, so the shared module is not corrupted', async () => {
    const texts = [
      TEN_SYLLABLES,
      'Đảng viên trên sáu mươi tuổi chiếm đa số',
      'Sổ tay đảng viên điện tử giúp chi bộ chuẩn bị nội dung sinh hoạt',
    ];
    const sequential: PcmAudio[] = [];
    for (const text of texts) sequential.push(await provider.synthesize({ text, voice: 'vi', speed: 1 }));
    const concurrent = await Promise.all(
      [...texts, ...texts].map((text) => provider.synthesize({ text, voice: 'vi', speed: 1 })),
    );
    const same = (a: Int16Array, b: Int16Array | undefined) =>
      b !== undefined && Buffer.from(a.buffer).equals(Buffer.from(b.buffer));
    concurrent.forEach((audio, i) => expect(same(audio.pcm, sequential[i % texts.length]?.pcm)).toBe(true));
  });

  it('offers Northern, Central and Southern Vietnamese voices, each of which speaks', async () => {
    expect(provider.voices().map((v) => v.id)).toEqual(['vi', 'vi+f3', 'vi-vn-x-central', 'vi-vn-x-south']);
    for (const voice of provider.voices()) {
      expect(voice.language).toBe('vi-VN');
      const audio = await provider.synthesize({ text: 'Xin chào các đồng chí', voice: voice.id, speed: 1 });
      expect(rms(audio.pcm)).toBeGreaterThan(500);
    }
  });

  it('treats text that looks like options or phoneme input as plain text', async () => {
    const dash = await provider.synthesize({ text: '-v en --help', voice: 'vi', speed: 1 });
    expect(durationSeconds(dash)).toBeGreaterThan(0.3);
    const brackets = await provider.synthesize({ text: 'chi bộ [[a]] họp', voice: 'vi', speed: 1 });
    expect(durationSeconds(brackets)).toBeGreaterThan(0.5);
  });

  it('survives emoji and unknown characters', async () => {
    const audio = await provider.synthesize({ text: 'Chúc mừng 😀 ✓ ☭ đồng chí', voice: 'vi', speed: 1 });
    expect(durationSeconds(audio)).toBeGreaterThan(0.5);
  });

  it('rejects an unknown voice, an out-of-range speed and empty text', async () => {
    await expect(provider.synthesize({ text: 'xin chào', voice: 'en', speed: 1 })).rejects.toMatchObject({
      code: 'SPEECH_INVALID_INPUT',
    });
    await expect(provider.synthesize({ text: 'xin chào', voice: 'vi', speed: 2 })).rejects.toMatchObject({
      code: 'SPEECH_INVALID_INPUT',
    });
    await expect(provider.synthesize({ text: '  ', voice: 'vi', speed: 1 })).rejects.toMatchObject({
      code: 'SPEECH_INVALID_INPUT',
    });
    // A rejected request leaves the engine usable.
    const audio = await provider.synthesize({ text: 'xin chào', voice: 'vi', speed: 1 });
    expect(audio.pcm.length).toBeGreaterThan(0);
  });
});
