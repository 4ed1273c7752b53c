import { EspeakProvider } from './espeak-provider.ts';
import { HttpSpeechProvider } from './http-provider.ts';
import type { HttpSpeechConfig } from './http-provider.ts';
import { SherpaOnnxProvider } from './sherpa-provider.ts';
import type { SherpaOnnxConfig } from './sherpa-provider.ts';
import type { SpeechProvider } from './types.ts';

export type SpeechProviderConfig =
  | { kind: 'espeak-ng' }
  | ({ kind: 'sherpa-onnx' } & SherpaOnnxConfig)
  | ({ kind: 'http' } & HttpSpeechConfig);

/** Builds the configured provider; configuration mistakes throw SPEECH_NOT_CONFIGURED here, at start-up. */
export function createSpeechProvider(config: SpeechProviderConfig): SpeechProvider {
  switch (config.kind) {
    case 'espeak-ng':
      return new EspeakProvider();
    case 'sherpa-onnx':
      return new SherpaOnnxProvider(config);
    case 'http':
      return new HttpSpeechProvider(config);
  }
}
