import { AppError } from '../../platform/errors.ts';
import { MAX_SPEED, MIN_SPEED } from './engine/index.ts';
import type { SpeechService, VoiceAndSpeed } from './engine/index.ts';
import { MAX_SPEECH_TEXT } from './schemas.ts';
import './errors.ts';

export const SPEEDS = { min: MIN_SPEED, max: MAX_SPEED, default: 1, step: 0.25 };

export interface PlannedSpan {
  id: string;
  index: number;
  paragraphId: string | null;
  start: number;
  end: number;
  text: string;
  spoken: string;
  audioUrl: string;
}

export interface ReadingPlan {
  title: string | null;
  voice: string;
  speed: number;
  sentences: PlannedSpan[];
}

/** The address of one sentence's audio: the hash names it, the query lets any process make it on a cold cache. */
export function audioUrl(id: string, spoken: string, voice: string, speed: number): string {
  const query = new URLSearchParams({ t: spoken, v: voice, s: String(speed) });
  return `/api/v1/speech/audio/${id}?${query.toString()}`;
}

export function speechSettings(service: SpeechService) {
  return {
    provider: service.provider.id,
    voices: service.voices().map((v) => ({ id: v.id, name: v.name, language: v.language })),
    defaultVoice: service.defaultVoice(),
    speeds: SPEEDS,
  };
}

/**
 * Plans paragraphs one by one so every sentence keeps offsets into its own paragraph (what the page shows in
 * the element with that `data-paragraph-id`), then starts making the first sentence's audio at once.
 */
export function planParagraphs(
  service: SpeechService,
  paragraphs: Array<{ id: string | null; text: string }>,
  options: VoiceAndSpeed & { title?: string | null },
): ReadingPlan {
  const total = paragraphs.reduce((sum, p) => sum + p.text.length, 0);
  if (total > MAX_SPEECH_TEXT) throw new AppError('SPEECH_TEXT_TOO_LONG');
  const sentences: PlannedSpan[] = [];
  let voice = options.voice ?? service.defaultVoice();
  let speed = options.speed ?? SPEEDS.default;
  for (const paragraph of paragraphs) {
    if (paragraph.text.trim() === '') continue;
    const plan = service.plan(paragraph.text, { voice, speed });
    voice = plan.voice;
    speed = plan.speed;
    for (const s of plan.sentences) {
      sentences.push({
        id: s.id,
        index: sentences.length,
        paragraphId: paragraph.id,
        start: s.start,
        end: s.end,
        text: s.text,
        spoken: s.spoken,
        audioUrl: audioUrl(s.id, s.spoken, plan.voice, plan.speed),
      });
    }
  }
  if (sentences.length === 0) throw new AppError('SPEECH_NOTHING_TO_READ');
  const first = sentences[0]!;
  // Errors resurface when the player asks for this sentence; nothing to report here.
  service.sentenceAudio({ sentence: first.spoken, voice, speed }).catch(() => undefined);
  return { title: options.title ?? null, voice, speed, sentences };
}
