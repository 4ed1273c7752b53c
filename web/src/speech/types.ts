/** Shapes of the speech API (src/features/speech/schemas.ts). */
export interface SpeechSourceRef {
  type: string;
  id: string;
}

export interface SpeechParagraph {
  id: string;
  text: string;
}

export interface PlanSentence {
  id: string;
  index: number;
  paragraphId: string | null;
  start: number;
  end: number;
  text: string;
  spoken: string;
  audioUrl: string;
}

export interface SpeechVoiceInfo {
  id: string;
  name: string;
  language: string;
}

export interface SpeechPlan {
  title: string | null;
  voice: string;
  speed: number;
  settings: {
    provider: string;
    voices: SpeechVoiceInfo[];
    defaultVoice: string;
    speeds: { min: number; max: number; default: number; step: number };
  };
  sentences: PlanSentence[];
}

/** One thing to read: registered content by reference, or the page's own paragraphs. */
export type SpeechItem =
  | { kind: 'source'; source: SpeechSourceRef; title?: string }
  | { kind: 'text'; key: string; title?: string; paragraphs: SpeechParagraph[] };

export function itemKey(item: SpeechItem): string {
  return item.kind === 'source' ? `${item.source.type}:${item.source.id}` : `text:${item.key}`;
}
