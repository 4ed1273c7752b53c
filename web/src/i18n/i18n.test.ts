import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { formatDate, loadLocale, locale, t, tEnum } from './i18n.ts';
import { vi } from './vi.ts';

afterEach(() => locale.set('vi'));

describe('dictionaries', () => {
  it('store every string in NFC', () => {
    for (const dict of [vi, en]) {
      for (const [key, text] of Object.entries(dict)) expect(text, key).toBe(text.normalize('NFC'));
    }
  });

  it('have the same keys and the same placeholders in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[])
      expect(holes(en[key]), key).toEqual(holes(vi[key]));
  });
});

describe('t', () => {
  it('fills placeholders and formats numbers for the current language', async () => {
    expect(t('org.members', { count: 1234 })).toBe('1.234 đảng viên');
    await loadLocale('en');
    locale.set('en');
    expect(t('org.members', { count: 1234 })).toBe('1,234 members');
  });

  it('translates enumerations and keeps unknown values as sent', () => {
    expect(tEnum('kind', 'probationary')).toBe('Dự bị');
    expect(tEnum('status', 'mystery')).toBe('mystery');
  });
});

describe('formatDate', () => {
  it('writes ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('1957-03-09')).toBe('09/03/1957');
    expect(formatDate('2021-11-19T08:00:00Z')).toBe('19/11/2021');
    expect(formatDate(null)).toBe('');
  });
});
