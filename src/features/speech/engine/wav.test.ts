import { describe, expect, it } from 'vitest';
import { encodeWav, floatToInt16, parseWav } from './wav.ts';

function riff(chunks: [string, Uint8Array][]): Uint8Array {
  const body = chunks.flatMap(([id, data]) => {
    const header = new Uint8Array(8);
    header.set([...id].map((c) => c.charCodeAt(0)));
    new DataView(header.buffer).setUint32(4, data.length, true);
    return [header, data, ...(data.length % 2 ? [new Uint8Array(1)] : [])];
  });
  const size = body.reduce((n, part) => n + part.length, 4);
  const out = new Uint8Array(8 + size);
  out.set([0x52, 0x49, 0x46, 0x46]);
  new DataView(out.buffer).setUint32(4, size, true);
  out.set([0x57, 0x41, 0x56, 0x45], 8);
  let offset = 12;
  for (const part of body) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function fmt(code: number, channels: number, rate: number, bits: number): Uint8Array {
  const data = new Uint8Array(16);
  const view = new DataView(data.buffer);
  view.setUint16(0, code, true);
  view.setUint16(2, channels, true);
  view.setUint32(4, rate, true);
  view.setUint32(8, (rate * channels * bits) / 8, true);
  view.setUint16(12, (channels * bits) / 8, true);
  view.setUint16(14, bits, true);
  return data;
}

describe('WAVE', () => {
  it('round-trips mono 16-bit PCM', () => {
    const pcm = Int16Array.from([0, 1000, -1000, 32767, -32768]);
    expect(parseWav(encodeWav({ pcm, sampleRate: 22050 }))).toEqual({ pcm, sampleRate: 22050 });
  });

  it('mixes stereo float down to mono and skips unknown chunks', () => {
    const samples = new Float32Array([0.5, 0.5, 1, 0, -0.25, -0.75]);
    const bytes = riff([
      ['fmt ', fmt(3, 2, 24000, 32)],
      ['LIST', new Uint8Array(5)],
      ['data', new Uint8Array(samples.buffer)],
    ]);
    const audio = parseWav(bytes);
    expect(audio.sampleRate).toBe(24000);
    expect(Array.from(audio.pcm)).toEqual([16384, 16384, -16384].map((v) => Math.round((v / 32768) * 32767)));
  });

  it('reads 8-bit unsigned and 24-bit signed samples', () => {
    expect(
      Array.from(
        parseWav(
          riff([
            ['fmt ', fmt(1, 1, 8000, 8)],
            ['data', Uint8Array.from([128, 255, 0])],
          ]),
        ).pcm,
      ),
    ).toEqual([0, Math.round((127 / 128) * 32767), -32767]);
    const pcm24 = Uint8Array.from([0x00, 0x00, 0x40, 0x00, 0x00, 0xc0]);
    expect(
      Array.from(
        parseWav(
          riff([
            ['fmt ', fmt(1, 1, 16000, 24)],
            ['data', pcm24],
          ]),
        ).pcm,
      ),
    ).toEqual([16384, -16384].map((v) => Math.round((v / 32768) * 32767)));
  });

  it('takes the data to the end of the file when a streaming writer left the size at zero', () => {
    const bytes = encodeWav({ pcm: Int16Array.from([1, 2, 3]), sampleRate: 16000 });
    new DataView(bytes.buffer).setUint32(40, 0, true);
    expect(Array.from(parseWav(bytes).pcm)).toEqual([1, 2, 3]);
  });

  it('rejects what is not a WAVE file', () => {
    expect(() => parseWav(new TextEncoder().encode('ID3 not a wave file'))).toThrow(/RIFF/);
    expect(() =>
      parseWav(
        riff([
          ['fmt ', fmt(2, 1, 8000, 4)],
          ['data', new Uint8Array(4)],
        ]),
      ),
    ).toThrow(/unsupported/);
    expect(() => parseWav(riff([['fmt ', fmt(1, 1, 8000, 16)]]))).toThrow(/no data chunk/);
  });

  it('clips floats outside the −1..1 range', () => {
    expect(Array.from(floatToInt16(new Float32Array([2, -2, 0])))).toEqual([32767, -32768, 0]);
  });
});
