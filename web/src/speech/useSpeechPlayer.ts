import { useEffect, useMemo, useState } from 'preact/hooks';
import { errorMessage } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { useStore } from '../state/store.ts';
import { SpeechController, systemVietnameseVoice, type PlayerState } from './controller.ts';
import { fetchPlaylist } from './plan.ts';
import { itemKey, type SpeechItem } from './types.ts';

export interface SpeechPlayerInput {
  /** Registered content (news, documents…); its paragraphs are highlighted where the page shows them. */
  items?: SpeechItem[];
  /** Continuous play of a source's latest items, e.g. `news` for "Nghe tin hôm nay". */
  playlistType?: string;
  scope?: () => ParentNode | null;
}

/** The player's state and actions for any page; `<SpeechPlayer>` is its standard face. */
export function useSpeechPlayer(input: SpeechPlayerInput): {
  state: PlayerState;
  controller: SpeechController;
  systemVoice: boolean;
} {
  const controller = useMemo(
    () =>
      new SpeechController(input.items ?? [], {
        scope: input.scope,
        describeError: (e) =>
          e instanceof Error && e.name === 'ApiError' ? errorMessage(e) : t('speech.failed'),
        appName: t('app.name'),
      }),
    // One controller per player; items changes are applied below.
    [],
  );
  const state = useStore(controller.state);
  const key = (input.items ?? []).map(itemKey).join('|');
  useEffect(() => {
    if (input.items && key !== controller.state.get().items.map(itemKey).join('|'))
      controller.setItems(input.items);
  }, [key]);
  useEffect(() => {
    if (!input.playlistType) return;
    let live = true;
    fetchPlaylist(input.playlistType)
      .then((items) => live && controller.setItems(items))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [input.playlistType, controller]);
  useEffect(() => () => controller.destroy(), [controller]);

  // Voices arrive asynchronously in most browsers.
  const [systemVoice, setSystemVoice] = useState(() => systemVietnameseVoice() !== null);
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const update = () => setSystemVoice(systemVietnameseVoice() !== null);
    speechSynthesis.addEventListener('voiceschanged', update);
    return () => speechSynthesis.removeEventListener('voiceschanged', update);
  }, []);
  return { state, controller, systemVoice };
}
