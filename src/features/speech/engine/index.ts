export { MAX_SPEED, MIN_SPEED, durationSeconds } from './types.ts';
export type { PcmAudio, SpeechProvider, SpeechVoice, SynthesisRequest } from './types.ts';
export { speechError } from './errors.ts';
export type { SpeechErrorCode } from './errors.ts';
export { ESPEAK_DEFAULT_VOICE, EspeakProvider, espeakWordsPerMinute } from './espeak-provider.ts';
export { SherpaOnnxProvider, checkSherpaConfig } from './sherpa-provider.ts';
export type { SherpaOnnxConfig, SherpaVoice } from './sherpa-provider.ts';
export { HttpSpeechProvider, checkHttpSpeechConfig } from './http-provider.ts';
export type { HttpSpeechConfig } from './http-provider.ts';
export { createSpeechProvider } from './provider-config.ts';
export type { SpeechProviderConfig } from './provider-config.ts';
export { SpeechService } from './service.ts';
export type {
  PlannedSentence,
  SentenceAudio,
  SpeechPlan,
  SpeechServiceOptions,
  VoiceAndSpeed,
} from './service.ts';
export { DEFAULT_MP3, encodeMp3 } from './mp3-encode.ts';
export type { Mp3Options } from './mp3-encode.ts';
export { readMp3Frames } from './mp3-frames.ts';
export type { Mp3Info } from './mp3-frames.ts';
export { decodeMp3 } from './mp3-decode.ts';
export { encodeWav, parseWav } from './wav.ts';
export { FIRST_CHUNK_CHARS, MAX_CHUNK_CHARS, canonicalText, chunkSentence } from './sentences.ts';
export type { TextSpan } from './sentences.ts';
export { MAX_TEXT_CHARS } from './validate.ts';
