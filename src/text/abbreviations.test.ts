import { describe, expect, it } from 'vitest';
import { DEFAULT_ABBREVIATIONS, DOCUMENT_CODE_PARTS } from './abbreviations.ts';

describe('abbreviation dictionaries', () => {
  const entries = [...Object.entries(DEFAULT_ABBREVIATIONS), ...Object.entries(DOCUMENT_CODE_PARTS)];

  it('covers the party and state vocabulary', () => {
    expect(Object.keys(DEFAULT_ABBREVIATIONS).length).toBeGreaterThanOrEqual(80);
    for (const key of [
      'UBND',
      'HĐND',
      'MTTQ',
      'BCH',
      'BTV',
      'CNTT',
      'CĐS',
      'DVCTT',
      'BHXH',
      'BHYT',
      'NLĐ',
      'LĐLĐ',
    ]) {
      expect(DEFAULT_ABBREVIATIONS[key], key).toBeTruthy();
    }
    for (const key of ['THPT', 'TP.', 'NQ', 'TU', 'QĐ', 'TTg', 'NĐ-CP', 'HD', 'BTCTW', 'TW']) {
      expect(DEFAULT_ABBREVIATIONS[key], key).toBeTruthy();
    }
  });

  it.each(entries)('%s → %s is NFC, trimmed and spoken without digits', (key, value) => {
    expect(key).toBe(key.normalize('NFC'));
    expect(value).toBe(value.normalize('NFC'));
    expect(value).toBe(value.trim());
    expect(value).not.toMatch(/[0-9]/);
    expect(key).not.toMatch(/\s/);
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_ABBREVIATIONS)).toBe(true);
    expect(Object.isFrozen(DOCUMENT_CODE_PARTS)).toBe(true);
  });
});
