import type { PcmAudio } from './types.ts';

/** Root mean square level of 16-bit PCM, 0..32768. */
export function rms(pcm: Int16Array): number {
  let sum = 0;
  for (const sample of pcm) sum += sample * sample;
  return pcm.length === 0 ? 0 : Math.sqrt(sum / pcm.length);
}

export function sine(frequency: number, sampleRate: number, seconds: number, amplitude = 10000): PcmAudio {
  const pcm = new Int16Array(Math.round(sampleRate * seconds));
  for (let i = 0; i < pcm.length; i++)
    pcm[i] = Math.round(amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate));
  return { pcm, sampleRate };
}

/** Share of 20 ms windows whose level is above near-silence; speech has many, a click or a hum has few or all. */
export function voicedShare(audio: PcmAudio): number {
  const window = Math.round(audio.sampleRate / 50);
  let voiced = 0;
  let total = 0;
  for (let start = 0; start + window <= audio.pcm.length; start += window) {
    total++;
    if (rms(audio.pcm.subarray(start, start + window)) > 300) voiced++;
  }
  return total === 0 ? 0 : voiced / total;
}
