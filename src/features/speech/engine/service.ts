import { createHash } from 'node:crypto';
import { DiskAudioCache } from './cache.ts';
import { speechError } from './errors.ts';
import { readMp3Frames } from './mp3-frames.ts';
import { DEFAULT_MP3, checkMp3Options, encodeMp3 } from './mp3-encode.ts';
import type { Mp3Options } from './mp3-encode.ts';
import { splitSentences } from '../../../text/index.ts';
import { FIRST_CHUNK_CHARS, MAX_CHUNK_CHARS, canonicalText, chunkSentence } from './sentences.ts';
import type { TextSpan } from './sentences.ts';
import type { SpeechProvider, SpeechVoice } from './types.ts';
import { checkSpeed, checkText, checkVoice } from './validate.ts';

/** A piece without a letter or digit (stray punctuation, emoji) has nothing to say. */
const SPEAKABLE = /[\p{L}\p{N}]/u;

/** Bump when the audio for the same inputs changes for a reason the key does not otherwise capture. */
const CACHE_FORMAT = 1;

export interface SpeechServiceOptions {
  provider: SpeechProvider;
  /** Directory for cached MP3 files; created on first write. */
  cacheDir: string;
  mp3?: Mp3Options;
  /** Sentence splitter; defaults to the Vietnamese text module's, which knows "TP." does not end a sentence. */
  splitSentences?: (text: string) => TextSpan[];
  /**
   * Turns a displayed sentence into the words to speak. Defaults to none: the text given is already spoken
   * Vietnamese. Pass the text module's normalizeForSpeech to plan straight from article text and keep offsets
   * into the original for highlighting.
   */
  normalize?: (sentence: string) => string;
  maxChunkChars?: number;
  /** Limit for the first piece of a text, so the first audio is ready sooner. */
  firstChunkChars?: number;
  /** Sentences synthesised in the background as soon as a plan is made, so the first one is ready on request. */
  prefetch?: number;
}

export interface VoiceAndSpeed {
  voice?: string;
  speed?: number;
}

export interface PlannedSentence {
  /** Cache key of this sentence's audio (sha256 hex); stable across processes and restarts. */
  id: string;
  index: number;
  /** The sentence as given, and its UTF-16 offsets into the NFC form of the planned text. */
  text: string;
  start: number;
  end: number;
  /** What is sent to the voice; pass it back as `sentence` to fetch the audio. */
  spoken: string;
}

export interface SpeechPlan {
  provider: string;
  voice: string;
  speed: number;
  sentences: PlannedSentence[];
}

export interface SentenceAudio {
  id: string;
  mp3: Uint8Array;
  durationSeconds: number;
  /** True when the bytes came from the disk cache without calling the provider. */
  cached: boolean;
}

/**
 * Turns normalised text into sentence-sized pieces of compressed audio, each cached on disk under a content hash,
 * so the player fetches sentence by sentence and starts after the first one instead of after the whole text.
 */
export class SpeechService {
  readonly provider: SpeechProvider;
  private readonly cache: DiskAudioCache;
  private readonly mp3: Mp3Options;
  private readonly split: (text: string) => TextSpan[];
  private readonly normalize: (sentence: string) => string;
  private readonly maxChunkChars: number;
  private readonly firstChunkChars: number;
  private readonly prefetchCount: number;
  /** Same key requested twice while the first is still running shares one synthesis. */
  private readonly inFlight = new Map<string, Promise<Uint8Array>>();

  constructor(options: SpeechServiceOptions) {
    this.provider = options.provider;
    this.cache = new DiskAudioCache(options.cacheDir);
    this.mp3 = options.mp3 ?? DEFAULT_MP3;
    checkMp3Options(this.mp3);
    this.split = options.splitSentences ?? splitSentences;
    this.normalize = options.normalize ?? ((sentence) => sentence);
    this.maxChunkChars = options.maxChunkChars ?? MAX_CHUNK_CHARS;
    this.firstChunkChars = options.firstChunkChars ?? FIRST_CHUNK_CHARS;
    this.prefetchCount = options.prefetch ?? 1;
  }

  voices(): readonly SpeechVoice[] {
    return this.provider.voices();
  }

  /** Loads the engine and runs the encoder once at start-up, so the first listener does not pay for it. */
  async warm(): Promise<void> {
    const text = 'xin chào';
    const audio = await this.provider.synthesize({ text, voice: this.defaultVoice(), speed: 1 });
    await encodeMp3(audio, this.mp3);
  }

  defaultVoice(): string {
    const first = this.provider.voices()[0];
    if (!first) throw speechError('SPEECH_NOT_CONFIGURED', 'Bộ đọc chưa có giọng đọc nào.');
    return first.id;
  }

  /** Cache key: content hash of the text with everything else that changes the audio. */
  audioId(sentence: string, voice: string, speed: number): string {
    const parts = [
      CACHE_FORMAT,
      this.provider.id,
      voice,
      roundSpeed(speed),
      [this.mp3.bitrateKbps, this.mp3.sampleRate],
      canonicalText(sentence),
    ];
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  plan(text: string, options: VoiceAndSpeed = {}): SpeechPlan {
    const voice = options.voice ?? this.defaultVoice();
    const speed = roundSpeed(options.speed ?? 1);
    checkVoice(this.provider, voice);
    checkSpeed(speed);
    const sentences: PlannedSentence[] = [];
    for (const span of this.split(text.normalize('NFC'))) {
      const firstLimit = sentences.length === 0 ? this.firstChunkChars : this.maxChunkChars;
      for (const piece of chunkSentence(span, this.maxChunkChars, firstLimit)) {
        const spoken = canonicalText(this.normalize(piece.text));
        if (!SPEAKABLE.test(spoken)) continue;
        const id = this.audioId(spoken, voice, speed);
        sentences.push({
          id,
          index: sentences.length,
          text: piece.text,
          start: piece.start,
          end: piece.end,
          spoken,
        });
      }
    }
    for (const sentence of sentences.slice(0, this.prefetchCount)) {
      // Errors resurface when the player asks for this sentence; nothing to report here.
      this.sentenceAudio({ sentence: sentence.spoken, voice, speed }).catch(() => undefined);
    }
    return { provider: this.provider.id, voice, speed, sentences };
  }

  async sentenceAudio(request: { sentence: string; voice?: string; speed?: number }): Promise<SentenceAudio> {
    const text = canonicalText(request.sentence);
    const voice = request.voice ?? this.defaultVoice();
    const speed = roundSpeed(request.speed ?? 1);
    checkText(text);
    checkVoice(this.provider, voice);
    checkSpeed(speed);
    const id = this.audioId(text, voice, speed);

    const stored = await this.cache.get(id);
    if (stored)
      return { id, mp3: stored, durationSeconds: readMp3Frames(stored).durationSeconds, cached: true };

    let pending = this.inFlight.get(id);
    if (!pending) {
      pending = this.synthesizeAndStore(id, text, voice, speed).finally(() => this.inFlight.delete(id));
      this.inFlight.set(id, pending);
    }
    const mp3 = await pending;
    return { id, mp3, durationSeconds: readMp3Frames(mp3).durationSeconds, cached: false };
  }

  /** Audio for an id from a plan, if it has been made; lets a GET by id be served straight from the cache. */
  cachedAudio(id: string): Promise<Uint8Array | undefined> {
    if (!/^[0-9a-f]{64}$/.test(id)) return Promise.resolve(undefined);
    return this.cache.get(id);
  }

  private async synthesizeAndStore(
    id: string,
    text: string,
    voice: string,
    speed: number,
  ): Promise<Uint8Array> {
    let audio = await this.provider.synthesize({ text, voice, speed });
    // Text of symbols alone can come back silent-and-empty; a short pause keeps the player's sequence intact.
    if (audio.pcm.length === 0)
      audio = { pcm: new Int16Array(Math.round(audio.sampleRate / 5)), sampleRate: audio.sampleRate };
    const mp3 = await encodeMp3(audio, this.mp3);
    await this.cache.put(id, mp3);
    return mp3;
  }
}

/** Speeds are compared at two decimals so 1 and 1.0000001 share a cache entry. */
function roundSpeed(speed: number): number {
  return Math.round(speed * 100) / 100;
}
