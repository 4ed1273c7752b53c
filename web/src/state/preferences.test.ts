import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, sanitizePreferences } from './preferences.ts';

describe('sanitizePreferences', () => {
  it('keeps valid values', () => {
    expect(sanitizePreferences({ locale: 'en', textScale: 1.5, highContrast: true })).toEqual({
      locale: 'en',
      textScale: 1.5,
      highContrast: true,
    });
  });

  it('drops invalid fields one by one and falls back to the base', () => {
    const base = { locale: 'en', textScale: 2, highContrast: true } as const;
    expect(sanitizePreferences({ locale: 'fr', textScale: 3, highContrast: 'yes' }, base)).toEqual(base);
    expect(sanitizePreferences({ textScale: 1.25 })).toEqual({ ...DEFAULT_PREFERENCES, textScale: 1.25 });
  });

  it('survives garbage', () => {
    expect(sanitizePreferences(null)).toEqual(DEFAULT_PREFERENCES);
    expect(sanitizePreferences('1.5')).toEqual(DEFAULT_PREFERENCES);
  });
});
