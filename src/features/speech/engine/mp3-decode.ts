import { MPEGDecoder } from 'mpg123-decoder';
import type { PcmAudio } from './types.ts';
import { floatToInt16 } from './wav.ts';

/** Decodes MP3 (from a cloud voice) to mono 16-bit PCM; channels are averaged. */
export async function decodeMp3(bytes: Uint8Array): Promise<PcmAudio> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    const { channelData, samplesDecoded, sampleRate, errors } = decoder.decode(bytes);
    if (samplesDecoded === 0) {
      throw new Error(`MP3 data has no decodable audio${errors[0] ? `: ${errors[0].message}` : ''}`);
    }
    const mono = new Float32Array(samplesDecoded);
    for (const channel of channelData) {
      for (let i = 0; i < samplesDecoded; i++)
        mono[i] = (mono[i] ?? 0) + (channel[i] ?? 0) / channelData.length;
    }
    return { pcm: floatToInt16(mono), sampleRate };
  } finally {
    decoder.free();
  }
}
