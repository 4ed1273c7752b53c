import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { normalizeForSpeech } from '../../../text/index.ts';
import { EspeakProvider } from './espeak-provider.ts';
import { readMp3Frames } from './mp3-frames.ts';
import { SpeechService } from './service.ts';
import type { PcmAudio, SpeechProvider, SynthesisRequest } from './types.ts';

/** The real engine, with a record of every call that reaches it. */
class CountingProvider implements SpeechProvider {
  readonly id: string;
  readonly calls: SynthesisRequest[] = [];
  constructor(private readonly inner: SpeechProvider) {
    this.id = inner.id;
  }
  voices() {
    return this.inner.voices();
  }
  synthesize(request: SynthesisRequest): Promise<PcmAudio> {
    this.calls.push(request);
    return this.inner.synthesize(request);
  }
}

const espeak = new EspeakProvider();
const ARTICLE =
  'Sáng 19/11/2021, Đảng bộ TP. Thái Bình tổ chức hội nghị. Tỷ lệ đảng viên cài đặt đạt 80%! ' +
  'Các đồng chí có ý kiến gì không?\n\n😀';

// Generous limit: the engine shares the CPU with other test files; durations are not what is tested.
describe('SpeechService', { timeout: 60_000 }, () => {
  let dir: string;
  let provider: CountingProvider;
  let service: SpeechService;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'speech-service-'));
    provider = new CountingProvider(espeak);
    service = new SpeechService({ provider, cacheDir: dir, prefetch: 0 });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('returns cached MP3 bytes on the second request without calling the provider again', async () => {
    const first = await service.sentenceAudio({
      sentence: 'Chi bộ họp thường kỳ hằng tháng',
      voice: 'vi',
      speed: 1,
    });
    expect(first.cached).toBe(false);
    expect(readMp3Frames(first.mp3).frames).toBeGreaterThan(10);
    const second = await service.sentenceAudio({
      sentence: 'Chi bộ  họp thường kỳ hằng tháng ',
      voice: 'vi',
      speed: 1,
    });
    expect(second).toEqual({ ...first, cached: true });
    expect(provider.calls).toHaveLength(1);

    // A new service over the same directory (another process, a restart) hits the same entry.
    const again = new SpeechService({ provider, cacheDir: dir });
    expect((await again.sentenceAudio({ sentence: 'Chi bộ họp thường kỳ hằng tháng' })).mp3).toEqual(
      first.mp3,
    );
    expect(provider.calls).toHaveLength(1);
    expect(await again.cachedAudio(first.id)).toEqual(first.mp3);
  });

  it('keys audio by text, voice and speed', async () => {
    const sentence = 'Học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh';
    const normal = await service.sentenceAudio({ sentence, voice: 'vi', speed: 1 });
    const fast = await service.sentenceAudio({ sentence, voice: 'vi', speed: 1.5 });
    const slow = await service.sentenceAudio({ sentence, voice: 'vi', speed: 0.75 });
    const south = await service.sentenceAudio({ sentence, voice: 'vi-vn-x-south', speed: 1 });
    expect(new Set([normal.id, fast.id, slow.id, south.id]).size).toBe(4);
    expect(fast.durationSeconds).toBeLessThan(slow.durationSeconds);
    expect(provider.calls).toHaveLength(4);
    expect(service.audioId(sentence, 'vi', 1)).toBe(normal.id);
    expect(service.audioId(sentence, 'vi', 1.0000001)).toBe(normal.id);
  });

  it('shares one synthesis between simultaneous requests for the same sentence', async () => {
    const request = {
      sentence: 'Đảng viên đi làm ăn xa vẫn theo dõi sinh hoạt chi bộ',
      voice: 'vi',
      speed: 1,
    };
    const results = await Promise.all([1, 2, 3].map(() => service.sentenceAudio(request)));
    expect(provider.calls).toHaveLength(1);
    expect(results[1]?.mp3).toEqual(results[0]?.mp3);
  });

  it('plans sentence by sentence with ids and offsets into the original text', () => {
    const plan = new SpeechService({
      provider,
      cacheDir: dir,
      prefetch: 0,
      normalize: normalizeForSpeech,
    }).plan(ARTICLE, { voice: 'vi', speed: 1.25 });
    expect(plan).toMatchObject({ provider: espeak.id, voice: 'vi', speed: 1.25 });
    expect(plan.sentences.map((s) => s.text)).toEqual([
      'Sáng 19/11/2021, Đảng bộ TP. Thái Bình tổ chức hội nghị.',
      'Tỷ lệ đảng viên cài đặt đạt 80%!',
      'Các đồng chí có ý kiến gì không?',
    ]);
    for (const sentence of plan.sentences) {
      expect(ARTICLE.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.id).toBe(service.audioId(sentence.spoken, 'vi', 1.25));
    }
    expect(plan.sentences[0]?.spoken).toContain(
      'mười chín tháng mười một năm hai nghìn không trăm hai mươi mốt',
    );
    expect(plan.sentences[1]?.spoken).toContain('tám mươi phần trăm');
    expect(plan.sentences.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(provider.calls).toHaveLength(0);
  });

  it('starts synthesising the first sentence as soon as the plan is made', async () => {
    const eager = new SpeechService({ provider, cacheDir: dir });
    const plan = eager.plan('Chi bộ thông qua nghị quyết. Cuộc họp kết thúc.', { voice: 'vi' });
    const first = await eager.sentenceAudio({ sentence: plan.sentences[0]?.spoken ?? '', voice: 'vi' });
    expect(first.id).toBe(plan.sentences[0]?.id);
    expect(provider.calls.map((c) => c.text)).toEqual(['Chi bộ thông qua nghị quyết.']);
  });

  it('splits over-long sentences so no provider call exceeds the chunk limit', () => {
    const long = `${'Chi bộ đã thảo luận, '.repeat(40)}thống nhất cao.`;
    const plan = new SpeechService({ provider, cacheDir: dir, prefetch: 0, maxChunkChars: 120 }).plan(long);
    expect(plan.sentences.length).toBeGreaterThan(5);
    expect(plan.sentences.every((s) => s.spoken.length <= 120)).toBe(true);
  });

  it('cuts a long opening sentence short so the first audio is ready sooner', () => {
    const text =
      'Chi bộ tổ dân phố số 6, thị trấn Quỳnh Côi (Quỳnh Phụ) hiện có 81 đảng viên, trong đó 49 đảng viên ' +
      'thường xuyên sinh hoạt, còn lại là đảng viên đi làm ăn xa và đảng viên miễn sinh hoạt do tuổi cao, sức khỏe yếu.';
    const plan = new SpeechService({
      provider,
      cacheDir: dir,
      prefetch: 0,
      normalize: normalizeForSpeech,
    }).plan(text);
    expect(plan.sentences.map((s) => s.text)).toEqual([
      'Chi bộ tổ dân phố số 6, thị trấn Quỳnh Côi (Quỳnh Phụ) hiện có 81 đảng viên,',
      'trong đó 49 đảng viên thường xuyên sinh hoạt, còn lại là đảng viên đi làm ăn xa và đảng viên miễn sinh hoạt do tuổi cao, sức khỏe yếu.',
    ]);
    expect(plan.sentences[0]?.spoken).toContain('tám mươi mốt đảng viên');
  });

  it('plans a 1 MB text without trouble, every piece within the chunk limit', () => {
    const paragraph = 'Chi bộ họp thường kỳ vào ngày hai mươi sáu hằng tháng, đảng viên đến đầy đủ. ';
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const plan = service.plan(text);
    expect(plan.sentences.length).toBe(Math.ceil(1_000_000 / paragraph.length));
    expect(plan.sentences.every((s) => s.spoken.length <= 300)).toBe(true);
    expect(new Set(plan.sentences.map((s) => s.id)).size).toBe(1);
  });

  it('plans nothing for empty text and rejects bad requests with Vietnamese messages', async () => {
    expect(service.plan('').sentences).toEqual([]);
    expect(service.plan('😀 ... !!!').sentences).toEqual([]);
    expect(() => service.plan('Xin chào.', { speed: 3 })).toThrow(
      'Tốc độ đọc phải nằm trong khoảng 0.75–1.5 lần.',
    );
    expect(() => service.plan('Xin chào.', { voice: 'en' })).toThrow('Không có giọng đọc “en”.');
    await expect(service.sentenceAudio({ sentence: ' ' })).rejects.toMatchObject({
      code: 'SPEECH_INVALID_INPUT',
    });
    expect(await service.cachedAudio('../etc')).toBeUndefined();
    expect(provider.calls).toHaveLength(0);
  });

  it('still yields a playable file when the voice returns no samples', async () => {
    const silent: SpeechProvider = {
      id: 'silent',
      voices: () => [{ id: 'x', name: 'Im lặng', language: 'vi-VN' }],
      synthesize: async () => ({ pcm: new Int16Array(), sampleRate: 22050 }),
    };
    const audio = await new SpeechService({ provider: silent, cacheDir: dir }).sentenceAudio({
      sentence: 'ừ',
    });
    expect(readMp3Frames(audio.mp3).durationSeconds).toBeGreaterThan(0.1);
  });
});
