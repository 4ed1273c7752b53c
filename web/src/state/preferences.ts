import { isLocale, loadLocale, locale, type Locale } from '../i18n/i18n.ts';
import { createStore } from './store.ts';

export const TEXT_SCALES = [1, 1.25, 1.5, 2] as const;
export type TextScale = (typeof TEXT_SCALES)[number];

export interface Preferences {
  locale: Locale;
  textScale: TextScale;
  highContrast: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { locale: 'vi', textScale: 1, highContrast: false };
const STORAGE_KEY = 'sotay.preferences';

export const preferences = createStore<Preferences>(DEFAULT_PREFERENCES);

/** Accepts anything (stored JSON, a server answer) and keeps only valid fields, falling back to the defaults. */
export function sanitizePreferences(raw: unknown, base: Preferences = DEFAULT_PREFERENCES): Preferences {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const scale = TEXT_SCALES.find((s) => s === value.textScale);
  return {
    locale: isLocale(value.locale) ? value.locale : base.locale,
    textScale: scale ?? base.textScale,
    highContrast: typeof value.highContrast === 'boolean' ? value.highContrast : base.highContrast,
  };
}

export function loadStoredPreferences(): Preferences {
  try {
    return sanitizePreferences(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

/** Applies at once (the whole layout is in rem, so the root font size scales everything) and remembers locally. */
export function applyPreferences(next: Preferences): void {
  preferences.set(next);
  // Until another language's dictionary has arrived the screens stay in Vietnamese.
  void loadLocale(next.locale).then(() => {
    if (preferences.get().locale === next.locale) locale.set(next.locale);
  });
  const root = document.documentElement;
  root.lang = next.locale;
  root.style.setProperty('--text-scale', String(next.textScale));
  root.dataset.contrast = next.highContrast ? 'high' : 'normal';
  const theme = document.querySelector('meta[name="theme-color"]');
  theme?.setAttribute('content', next.highContrast ? '#000000' : '#b71c1c');
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Private browsing or a full quota: the setting still applies for this visit.
  }
}
