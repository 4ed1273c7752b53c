import { useId } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { SPEEDS } from './memory.ts';
import type { SpeechItem, SpeechParagraph, SpeechSourceRef } from './types.ts';
import { useSpeechPlayer } from './useSpeechPlayer.ts';
import './player.css';

const ICONS = {
  play: 'M8 5v14l11-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  previous: 'M6 5v14M19 5L9 12l10 7z',
  next: 'M18 5v14M5 5l10 7-10 7z',
} as const;

function Glyph(props: { name: keyof typeof ICONS }) {
  return (
    <svg class="speech-glyph" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={ICONS[props.name]} fill="currentColor" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

export interface SpeechPlayerProps {
  /** Registered content to read, e.g. `{ type: 'news', id }`. */
  source?: SpeechSourceRef;
  /** Or the page's own paragraphs (each shown in an element with `data-paragraph-id`). */
  paragraphs?: SpeechParagraph[];
  /** Names the text for resuming and for the lock screen; needed with `paragraphs`. */
  textKey?: string;
  title?: string;
  /** Or continuous play of a source's latest items ("Nghe tin hôm nay"). */
  playlist?: { type: string; title: string };
  /** Where to find the `data-paragraph-id` elements; the whole page by default. */
  scope?: () => ParentNode | null;
}

function itemsOf(props: SpeechPlayerProps): SpeechItem[] | undefined {
  if (props.source) return [{ kind: 'source', source: props.source, title: props.title }];
  if (props.paragraphs)
    return [
      {
        kind: 'text',
        key: props.textKey ?? props.title ?? 'page',
        title: props.title,
        paragraphs: props.paragraphs,
      },
    ];
  return undefined;
}

/**
 * "Nghe đọc": reads content aloud sentence by sentence, highlighting the sentence on the page. Put it in the
 * page's `<div data-speech-slot>`: `<SpeechPlayer source={{ type: 'news', id }} />`.
 */
export function SpeechPlayer(props: SpeechPlayerProps) {
  const { state, controller, systemVoice } = useSpeechPlayer({
    items: itemsOf(props),
    playlistType: props.playlist?.type,
    scope: props.scope,
  });
  const id = useId();
  const { plan, status, index, settings, items, itemIndex } = state;
  const sentence = plan?.sentences[index] ?? null;
  const playing = status === 'playing' || status === 'loading';
  const item = items[itemIndex];
  const label = props.playlist?.title ?? t('speech.listen');
  const empty = props.playlist !== undefined && items.length === 0;

  return (
    <section class="speech-player" aria-label={label} data-status={status}>
      {props.playlist && <h2 class="speech-heading">{props.playlist.title}</h2>}
      <div class="speech-controls">
        <button
          type="button"
          class="speech-button"
          aria-label={t('speech.previous')}
          title={t('speech.previous')}
          disabled={!plan}
          onClick={() => void controller.skip(-1)}
        >
          <Glyph name="previous" />
        </button>
        <button
          type="button"
          class="speech-button speech-main"
          disabled={empty}
          onClick={() => void controller.toggle()}
        >
          <Glyph name={playing ? 'pause' : 'play'} />
          <span>{playing ? t('speech.pause') : plan && index > 0 ? t('speech.resume') : label}</span>
        </button>
        <button
          type="button"
          class="speech-button"
          aria-label={t('speech.next')}
          title={t('speech.next')}
          disabled={!plan}
          onClick={() => void controller.skip(1)}
        >
          <Glyph name="next" />
        </button>
      </div>
      <div class="speech-options">
        <label class="speech-option" for={`${id}-speed`}>
          <span>{t('speech.speed')}</span>
          <select
            id={`${id}-speed`}
            value={String(settings.speed)}
            onChange={(e) => void controller.setSettings({ speed: Number(e.currentTarget.value) })}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {t('speech.speedValue', { speed: s.toLocaleString('vi-VN') })}
              </option>
            ))}
          </select>
        </label>
        {plan && plan.settings.voices.length > 1 && !settings.systemVoice && (
          <label class="speech-option" for={`${id}-voice`}>
            <span>{t('speech.voice')}</span>
            <select
              id={`${id}-voice`}
              value={plan.voice}
              onChange={(e) => void controller.setSettings({ voice: e.currentTarget.value })}
            >
              {plan.settings.voices.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {systemVoice && (
          <label class="check speech-check">
            <input
              type="checkbox"
              checked={settings.systemVoice}
              onChange={(e) => void controller.setSettings({ systemVoice: e.currentTarget.checked })}
            />
            <span>{t('speech.systemVoice')}</span>
          </label>
        )}
      </div>
      {empty && <p class="speech-status">{t('speech.emptyPlaylist')}</p>}
      {plan && (
        <p class="speech-status">
          {items.length > 1 && item?.title && (
            <span class="speech-item">
              {t('speech.item', { n: itemIndex + 1, total: items.length, title: item.title })}
            </span>
          )}
          <span class="speech-position" data-speech-index={index}>
            {t('speech.position', { n: index + 1, total: plan.sentences.length })}
          </span>
        </p>
      )}
      {sentence && status !== 'ended' && (
        <p class="speech-sentence" lang="vi">
          {sentence.text}
        </p>
      )}
      {state.error && (
        <p class="speech-error" role="alert">
          {state.error}
        </p>
      )}
    </section>
  );
}
