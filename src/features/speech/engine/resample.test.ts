import { describe, expect, it } from 'vitest';
import { resample } from './resample.ts';
import { rms, sine } from './test-audio.ts';

describe('resample', () => {
  it('keeps duration when converting 22.05 kHz to 16 kHz and back up', () => {
    const down = resample(sine(440, 22050, 2), 16000);
    expect(down.sampleRate).toBe(16000);
    expect(down.pcm.length).toBe(32000);
    expect(resample(down, 22050).pcm.length).toBe(44100);
  });

  it('passes speech-band tones at their level', () => {
    for (const frequency of [200, 1000, 3000, 6000]) {
      const out = resample(sine(frequency, 22050, 1, 10000), 16000);
      // Level of a sine of amplitude 10000 is 7071; ignore the edges where the kernel runs off the signal.
      expect(rms(out.pcm.subarray(100, -100))).toBeGreaterThan(6800);
      expect(rms(out.pcm.subarray(100, -100))).toBeLessThan(7300);
    }
  });

  it('filters out tones above the new Nyquist frequency instead of aliasing them', () => {
    const out = resample(sine(10000, 22050, 1, 10000), 16000);
    expect(rms(out.pcm.subarray(100, -100))).toBeLessThan(150);
  });

  it('matches the sine it should produce, sample for sample', () => {
    const out = resample(sine(500, 48000, 0.5, 10000), 16000);
    const expected = sine(500, 16000, 0.5, 10000);
    let worst = 0;
    for (let i = 100; i < out.pcm.length - 100; i++) {
      worst = Math.max(worst, Math.abs((out.pcm[i] ?? 0) - (expected.pcm[i] ?? 0)));
    }
    expect(worst).toBeLessThan(150);
  });

  it('returns input unchanged at the same rate and rejects nonsense rates', () => {
    const audio = sine(440, 16000, 0.1);
    expect(resample(audio, 16000).pcm).toBe(audio.pcm);
    expect(() => resample(audio, 0)).toThrow(RangeError);
    expect(() => resample(audio, 12345.5)).toThrow(RangeError);
    expect(resample({ pcm: new Int16Array(), sampleRate: 22050 }, 16000).pcm.length).toBe(0);
  });
});
