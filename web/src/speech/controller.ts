import { createStore, type Store } from '../state/store.ts';
import { clearHighlight, highlightSentence } from './highlight.ts';
import { loadSpeechSettings, rememberIndex, resumeIndex, saveSpeechSettings } from './memory.ts';
import type { SpeechSettings } from './memory.ts';
import { fetchAudio, fetchPlan } from './plan.ts';
import { itemKey, type PlanSentence, type SpeechItem, type SpeechPlan } from './types.ts';

export type PlayerStatus = 'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'error';

export interface PlayerState {
  status: PlayerStatus;
  items: SpeechItem[];
  itemIndex: number;
  plan: SpeechPlan | null;
  index: number;
  settings: SpeechSettings;
  error: string | null;
}

export interface PlayerOptions {
  /** Where the page's `data-paragraph-id` elements are; the whole document by default. */
  scope?: () => ParentNode | null;
  /** Called to turn a failure into a message for the listener. */
  describeError: (error: unknown) => string;
  appName: string;
}

/** The device's Vietnamese voice, if it has one (Web Speech API). */
export function systemVietnameseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('vi')) ?? null;
}

/**
 * Plays a list of items sentence by sentence: one audio element (what lock-screen controls attach to), the next
 * sentence fetched while the current one plays, the current sentence highlighted on the page, the position
 * remembered per item so listening resumes where it stopped.
 */
export class SpeechController {
  /** One voice at a time: starting a player pauses the one that was playing. */
  private static playing: SpeechController | null = null;
  readonly state: Store<PlayerState>;
  private readonly audio: HTMLAudioElement;
  private readonly urls = new Map<string, Promise<string>>();
  private generation = 0;
  private utterance: SpeechSynthesisUtterance | null = null;

  constructor(
    items: SpeechItem[],
    private readonly options: PlayerOptions,
  ) {
    this.state = createStore<PlayerState>({
      status: 'idle',
      items,
      itemIndex: 0,
      plan: null,
      index: 0,
      settings: loadSpeechSettings(),
      error: null,
    });
    this.audio = new Audio();
    this.audio.preload = 'auto';
    this.audio.addEventListener('ended', () => this.advance());
    this.audio.addEventListener('error', () => {
      if (this.audio.getAttribute('src')) this.fail(new Error('audio'));
    });
  }

  private get s(): PlayerState {
    return this.state.get();
  }

  private patch(update: Partial<PlayerState>): void {
    this.state.set({ ...this.s, ...update });
  }

  setItems(items: SpeechItem[]): void {
    this.stop();
    this.patch({ items, itemIndex: 0, plan: null, index: 0, status: 'idle', error: null });
  }

  current(): PlanSentence | null {
    return this.s.plan?.sentences[this.s.index] ?? null;
  }

  async toggle(): Promise<void> {
    if (this.s.status === 'playing' || this.s.status === 'loading') this.pause();
    else await this.play();
  }

  async play(): Promise<void> {
    if (SpeechController.playing && SpeechController.playing !== this) SpeechController.playing.pause();
    SpeechController.playing = this;
    if (this.s.status === 'ended') this.patch({ itemIndex: 0, plan: null, index: 0 });
    if (!this.s.plan) {
      if (!(await this.loadItem(this.s.itemIndex, true))) return;
    }
    await this.playCurrent();
  }

  pause(): void {
    this.generation++;
    this.audio.pause();
    if (this.utterance) {
      this.utterance = null;
      speechSynthesis.cancel();
    }
    this.patch({ status: this.s.plan ? 'paused' : 'idle' });
    this.updateMediaSession();
  }

  stop(): void {
    this.pause();
    clearHighlight(this.scope());
  }

  destroy(): void {
    this.stop();
    if (SpeechController.playing === this) SpeechController.playing = null;
    this.audio.removeAttribute('src');
    for (const url of this.urls.values()) void url.then((u) => URL.revokeObjectURL(u)).catch(() => undefined);
    this.urls.clear();
    if ('mediaSession' in navigator) {
      for (const action of ['play', 'pause', 'previoustrack', 'nexttrack', 'stop'] as const)
        navigator.mediaSession.setActionHandler(action, null);
    }
  }

  async skip(delta: 1 | -1): Promise<void> {
    const plan = this.s.plan;
    if (!plan) return;
    const wasPlaying = this.s.status === 'playing' || this.s.status === 'loading';
    const target = this.s.index + delta;
    if (target < 0) return this.jump(0, wasPlaying);
    if (target >= plan.sentences.length) {
      if (this.s.itemIndex + 1 < this.s.items.length) {
        this.pause();
        if (await this.loadItem(this.s.itemIndex + 1, false)) {
          if (wasPlaying) await this.playCurrent();
          else this.showCurrent();
        }
      }
      return;
    }
    await this.jump(target, wasPlaying);
  }

  private async jump(index: number, playing: boolean): Promise<void> {
    this.pause();
    this.patch({ index });
    this.remember();
    if (playing) await this.playCurrent();
    else this.showCurrent();
  }

  async setSettings(update: Partial<SpeechSettings>): Promise<void> {
    const settings = { ...this.s.settings, ...update };
    saveSpeechSettings(settings);
    const replan = this.s.plan && (update.speed !== undefined || update.voice !== undefined);
    const wasPlaying = this.s.status === 'playing' || this.s.status === 'loading';
    this.patch({ settings });
    if (!replan && update.systemVoice === undefined) return;
    this.pause();
    if (replan) {
      // Speed is part of the audio (and of its hash): the same sentences come back with new addresses.
      const index = this.s.index;
      if (!(await this.loadItem(this.s.itemIndex, false))) return;
      this.patch({ index: Math.min(index, (this.s.plan?.sentences.length ?? 1) - 1) });
    }
    if (wasPlaying) await this.playCurrent();
  }

  private scope(): ParentNode {
    return this.options.scope?.() ?? document;
  }

  private async loadItem(itemIndex: number, resume: boolean): Promise<boolean> {
    const item = this.s.items[itemIndex];
    if (!item) return false;
    const generation = ++this.generation;
    this.patch({ status: 'loading', itemIndex, error: null });
    try {
      const { voice, speed } = this.s.settings;
      let plan: SpeechPlan;
      try {
        plan = await fetchPlan(item, voice, speed);
      } catch (e) {
        // A voice remembered from another server may be gone: fall back to the default one.
        if (!voice) throw e;
        plan = await fetchPlan(item, undefined, speed);
        this.patch({ settings: { ...this.s.settings, voice: undefined } });
      }
      if (generation !== this.generation) return false;
      const start = resume ? resumeIndex(itemKey(item)) : 0;
      this.patch({ plan, index: start < plan.sentences.length ? start : 0, status: 'paused' });
      return true;
    } catch (e) {
      if (generation === this.generation) this.fail(e);
      return false;
    }
  }

  private audioFor(sentence: PlanSentence): Promise<string> {
    let url = this.urls.get(sentence.audioUrl);
    if (!url) {
      url = fetchAudio(sentence.audioUrl);
      this.urls.set(sentence.audioUrl, url);
      url.catch(() => this.urls.delete(sentence.audioUrl));
      // Keep a handful of sentences around for skipping back; release the rest.
      if (this.urls.size > 8) {
        const [oldest, value] = this.urls.entries().next().value as [string, Promise<string>];
        this.urls.delete(oldest);
        void value.then((u) => URL.revokeObjectURL(u)).catch(() => undefined);
      }
    }
    return url;
  }

  private showCurrent(): void {
    const sentence = this.current();
    if (sentence) highlightSentence(sentence, this.scope());
    this.updateMediaSession();
  }

  private async playCurrent(): Promise<void> {
    const sentence = this.current();
    const plan = this.s.plan;
    if (!sentence || !plan) return;
    const generation = ++this.generation;
    this.patch({ status: 'loading', error: null });
    highlightSentence(sentence, this.scope());
    this.remember();
    const voice = this.s.settings.systemVoice ? systemVietnameseVoice() : null;
    if (voice) {
      this.speakWithSystemVoice(sentence, voice, generation);
      return;
    }
    try {
      const url = await this.audioFor(sentence);
      if (generation !== this.generation) return;
      this.audio.src = url;
      this.audio.playbackRate = 1;
      await this.audio.play();
      if (generation !== this.generation) return;
      this.patch({ status: 'playing' });
      this.updateMediaSession();
      const next = plan.sentences[this.s.index + 1];
      if (next) this.audioFor(next).catch(() => undefined);
    } catch (e) {
      if (generation === this.generation) this.fail(e);
    }
  }

  private speakWithSystemVoice(
    sentence: PlanSentence,
    voice: SpeechSynthesisVoice,
    generation: number,
  ): void {
    const utterance = new SpeechSynthesisUtterance(sentence.spoken);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = this.s.settings.speed;
    utterance.onend = () => {
      if (generation === this.generation && this.utterance === utterance) {
        this.utterance = null;
        this.advance();
      }
    };
    utterance.onerror = () => {
      if (generation === this.generation) this.fail(new Error('speechSynthesis'));
    };
    this.utterance = utterance;
    speechSynthesis.speak(utterance);
    this.patch({ status: 'playing' });
    this.updateMediaSession();
  }

  private advance(): void {
    const plan = this.s.plan;
    if (!plan) return;
    if (this.s.index + 1 < plan.sentences.length) {
      this.patch({ index: this.s.index + 1 });
      void this.playCurrent();
      return;
    }
    // End of this item: forget its position and go on with the next item of the playlist.
    const item = this.s.items[this.s.itemIndex];
    if (item) rememberIndex(itemKey(item), 0);
    if (this.s.itemIndex + 1 < this.s.items.length) {
      void this.loadItem(this.s.itemIndex + 1, true).then(async (ok) => {
        if (ok) await this.playCurrent();
      });
      return;
    }
    clearHighlight(this.scope());
    this.patch({ status: 'ended', index: 0 });
    this.updateMediaSession();
  }

  private remember(): void {
    const item = this.s.items[this.s.itemIndex];
    if (item) rememberIndex(itemKey(item), this.s.index);
  }

  private fail(error: unknown): void {
    this.generation++;
    this.audio.pause();
    this.patch({ status: 'error', error: this.options.describeError(error) });
  }

  private updateMediaSession(): void {
    if (!('mediaSession' in navigator)) return;
    const session = navigator.mediaSession;
    const item = this.s.items[this.s.itemIndex];
    const title = this.s.plan?.title ?? item?.title ?? this.options.appName;
    if (typeof MediaMetadata !== 'undefined') {
      session.metadata = new MediaMetadata({
        title,
        artist: this.options.appName,
        album: this.s.items.length > 1 ? `${this.s.itemIndex + 1}/${this.s.items.length}` : '',
        artwork: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      });
    }
    session.playbackState = this.s.status === 'playing' ? 'playing' : 'paused';
    const handlers: Array<[MediaSessionAction, () => void]> = [
      ['play', () => void this.play()],
      ['pause', () => this.pause()],
      ['stop', () => this.stop()],
      ['previoustrack', () => void this.skip(-1)],
      ['nexttrack', () => void this.skip(1)],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // Older browsers reject actions they do not know.
      }
    }
  }
}
