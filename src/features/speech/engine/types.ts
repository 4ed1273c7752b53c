/** Playback speeds the player offers; providers map them onto their own rate controls. */
export const MIN_SPEED = 0.75;
export const MAX_SPEED = 1.5;

export interface SynthesisRequest {
  /** Text already normalised into spoken Vietnamese words (numbers, dates, abbreviations expanded). */
  text: string;
  voice: string;
  /** Relative speed, 1 = normal, within MIN_SPEED..MAX_SPEED. */
  speed: number;
}

/** Mono 16-bit PCM. */
export interface PcmAudio {
  pcm: Int16Array;
  sampleRate: number;
}

export interface SpeechVoice {
  id: string;
  /** Vietnamese label shown to the user. */
  name: string;
  /** BCP 47 tag. */
  language: string;
}

export interface SpeechProvider {
  /** Stable id; part of the cache key, so it changes whenever the produced audio would. */
  readonly id: string;
  voices(): readonly SpeechVoice[];
  synthesize(request: SynthesisRequest): Promise<PcmAudio>;
}

export function durationSeconds(audio: PcmAudio): number {
  return audio.pcm.length / audio.sampleRate;
}
