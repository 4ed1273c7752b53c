import { Type } from '@fastify/type-provider-typebox';

/** 1 million characters: a long resolution with appendices; the body limit leaves room for UTF-8 and JSON. */
export const MAX_SPEECH_TEXT = 1_000_000;
export const SPEECH_BODY_LIMIT = 4 * MAX_SPEECH_TEXT + 4096;

export const NormalizeBody = Type.Object({ text: Type.String() });
export const NormalizeResponse = Type.Object({ text: Type.String() });

const VoiceAndSpeed = {
  voice: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  speed: Type.Optional(Type.Number()),
};

/** Either one text (offsets into it) or the page's own paragraphs (offsets into each, keyed by its id). */
export const PlanBody = Type.Object({
  text: Type.Optional(Type.String()),
  paragraphs: Type.Optional(
    Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), text: Type.String() }), {
      maxItems: 20000,
    }),
  ),
  title: Type.Optional(Type.String({ maxLength: 1000 })),
  ...VoiceAndSpeed,
});

export const PlanQuery = Type.Object({
  type: Type.String({ minLength: 1, maxLength: 32 }),
  id: Type.String({ minLength: 1, maxLength: 200 }),
  ...VoiceAndSpeed,
});

export const PlaylistQuery = Type.Object({
  type: Type.String({ minLength: 1, maxLength: 32 }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
});

export const AudioParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
export const AudioQuery = Type.Object({
  t: Type.String({ minLength: 1, maxLength: 5000 }),
  v: Type.String({ minLength: 1, maxLength: 100 }),
  s: Type.Number(),
});

const Voice = Type.Object({ id: Type.String(), name: Type.String(), language: Type.String() });

export const SpeechSettingsSchema = Type.Object({
  provider: Type.String(),
  voices: Type.Array(Voice),
  defaultVoice: Type.String(),
  speeds: Type.Object({
    min: Type.Number(),
    max: Type.Number(),
    default: Type.Number(),
    step: Type.Number(),
  }),
});

export const PlanSentence = Type.Object({
  id: Type.String({ description: 'Content hash of the audio (sha256 of text, voice, speed)' }),
  index: Type.Integer(),
  paragraphId: Type.Union([Type.String(), Type.Null()], {
    description: 'The paragraph the span belongs to (`data-paragraph-id`); null for posted text',
  }),
  start: Type.Integer({ description: 'UTF-16 offset of the sentence in the NFC paragraph (or posted) text' }),
  end: Type.Integer(),
  text: Type.String(),
  spoken: Type.String({ description: 'The normalised words sent to the voice' }),
  audioUrl: Type.String(),
});

export const PlanResponse = Type.Object({
  title: Type.Union([Type.String(), Type.Null()]),
  voice: Type.String(),
  speed: Type.Number(),
  settings: SpeechSettingsSchema,
  sentences: Type.Array(PlanSentence),
});

export const PlaylistResponse = Type.Object({
  type: Type.String(),
  items: Type.Array(Type.Object({ type: Type.String(), id: Type.String(), title: Type.String() })),
});
