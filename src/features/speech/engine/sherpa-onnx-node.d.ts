// sherpa-onnx-node ships JSDoc types only; this declares the offline TTS part we use.
declare module 'sherpa-onnx-node' {
  export interface OfflineTtsConfig {
    model: {
      vits: { model: string; tokens: string; dataDir?: string; lexicon?: string };
      numThreads?: number;
      provider?: string;
      debug?: boolean | number;
    };
    maxNumSentences?: number;
  }
  export interface GeneratedAudio {
    samples: Float32Array;
    sampleRate: number;
  }
  export class OfflineTts {
    static createAsync(config: OfflineTtsConfig): Promise<OfflineTts>;
    readonly numSpeakers: number;
    readonly sampleRate: number;
    generateAsync(request: { text: string; sid: number; speed: number }): Promise<GeneratedAudio>;
  }
  const sherpa: { OfflineTts: typeof OfflineTts };
  export default sherpa;
}
