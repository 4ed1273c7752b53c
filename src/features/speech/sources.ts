import type { AppContext } from '../../platform/context.ts';
import type { Principal } from '../../platform/permissions/check.ts';

/** One paragraph of readable content; `id` matches the page element's `data-paragraph-id`. */
export interface SpeechParagraph {
  id: string;
  text: string;
}

export interface SpeechContent {
  title: string;
  paragraphs: SpeechParagraph[];
}

export interface SpeechPlaylistItem {
  id: string;
  title: string;
}

export interface SpeechSource {
  /**
   * The content to read, or null when it does not exist or the principal may not read it (the caller answers
   * "not found" either way, so nobody learns that a foreign item exists).
   */
  load(ctx: AppContext, principal: Principal, id: string): Promise<SpeechContent | null>;
  /** Items for continuous play ("Nghe tin hôm nay"), newest first, already filtered for the principal. */
  playlist?(ctx: AppContext, principal: Principal, limit: number): Promise<SpeechPlaylistItem[]>;
}

const sources = new Map<string, SpeechSource>();

const TYPE = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * Makes a kind of content speakable by reference (`GET /api/v1/speech/plan?type=…&id=…`), so the player never
 * posts text the server already has and the feature that owns the content decides who may hear it.
 */
export function registerSpeechSource(type: string, source: SpeechSource): void {
  if (!TYPE.test(type)) throw new Error(`speech source type "${type}" must match ${TYPE}`);
  const existing = sources.get(type);
  if (existing && existing !== source) throw new Error(`speech source "${type}" registered twice`);
  sources.set(type, source);
}

export function speechSource(type: string): SpeechSource | undefined {
  return sources.get(type);
}

export function speechSourceTypes(): string[] {
  return [...sources.keys()].sort();
}
