import type { PcmAudio } from './types.ts';

/** Zero crossings of the sinc kernel on each side; 8 keeps speech clean at a modest cost. */
const ZERO_CROSSINGS = 8;
/** Rate pairs whose exact phase count exceeds this use this many phases, nearest one per output sample. */
const MAX_PHASES = 1024;

/**
 * Band-limited resampling (Blackman-windowed sinc). When lowering the rate the cut-off follows the new Nyquist
 * frequency, so content above it is filtered out instead of folding back as aliasing. Kernel weights are
 * computed once per phase (polyphase), which keeps the cost to one multiply-add per tap.
 */
export function resample(audio: PcmAudio, targetRate: number): PcmAudio {
  const { pcm, sampleRate } = audio;
  if (!Number.isInteger(targetRate) || targetRate <= 0)
    throw new RangeError('target rate must be a positive integer');
  if (!Number.isInteger(sampleRate) || sampleRate <= 0)
    throw new RangeError('source rate must be a positive integer');
  if (sampleRate === targetRate || pcm.length === 0) return { pcm, sampleRate: targetRate };

  const ratio = targetRate / sampleRate;
  // Cut-off relative to the input sample rate, slightly below the lower Nyquist frequency.
  const cutoff = 0.5 * Math.min(1, ratio) * 0.95;
  const halfWidth = Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
  const taps = 2 * halfWidth;
  const divisor = gcd(sampleRate, targetRate);
  const exactPhases = targetRate / divisor;
  const phases = Math.min(exactPhases, MAX_PHASES);
  const table = kernelTable(phases, taps, halfWidth, cutoff);

  const length = Math.floor(pcm.length * ratio);
  const out = new Int16Array(length);
  const step = sampleRate / divisor;
  for (let i = 0; i < length; i++) {
    // Input position i / ratio = center + fraction, computed in integers to avoid drift on long texts.
    const numerator = i * step;
    const center = Math.floor(numerator / exactPhases);
    const fraction = (numerator - center * exactPhases) / exactPhases;
    const phase = Math.min(phases - 1, Math.round(fraction * phases)) * taps;
    const first = center - halfWidth + 1;
    let sum = 0;
    if (first >= 0 && first + taps <= pcm.length) {
      for (let t = 0; t < taps; t++) sum += (pcm[first + t] as number) * (table[phase + t] as number);
    } else {
      for (let t = 0; t < taps; t++) {
        const k = first + t;
        if (k >= 0 && k < pcm.length) sum += (pcm[k] as number) * (table[phase + t] as number);
      }
    }
    const value = Math.round(sum);
    out[i] = value > 32767 ? 32767 : value < -32768 ? -32768 : value;
  }
  return { pcm: out, sampleRate: targetRate };
}

/** Weights for each phase, normalised to sum 1 so a constant signal keeps its level. */
function kernelTable(phases: number, taps: number, halfWidth: number, cutoff: number): Float64Array {
  const table = new Float64Array(phases * taps);
  for (let p = 0; p < phases; p++) {
    const fraction = p / phases;
    let total = 0;
    for (let t = 0; t < taps; t++) {
      const w = kernel(fraction + halfWidth - 1 - t, cutoff, halfWidth);
      table[p * taps + t] = w;
      total += w;
    }
    for (let t = 0; t < taps; t++) table[p * taps + t] = (table[p * taps + t] as number) / total;
  }
  return table;
}

function kernel(x: number, cutoff: number, halfWidth: number): number {
  if (Math.abs(x) >= halfWidth) return 0;
  const arg = 2 * cutoff * x;
  const sinc = arg === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg);
  const n = (x + halfWidth) / (2 * halfWidth);
  const window = 0.42 - 0.5 * Math.cos(2 * Math.PI * n) + 0.08 * Math.cos(4 * Math.PI * n);
  return sinc * window;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
