import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../platform/config.ts';
import { loadSpeechSettings } from './config.ts';

describe('loadSpeechSettings', () => {
  it('uses the built-in voice, started on first use, by default', () => {
    const s = loadSpeechSettings('/data', {});
    expect(s.provider).toEqual({ kind: 'espeak-ng' });
    expect(s.warm).toBe(false);
    expect(s.cacheDir).toBe('/data/speech-cache');
  });

  it('starts the voice with the server when SOTAY_SPEECH_WARM is true', () => {
    expect(loadSpeechSettings('/data', { SOTAY_SPEECH_WARM: 'true' }).warm).toBe(true);
    expect(loadSpeechSettings('/data', { SOTAY_SPEECH_WARM: '0' }).warm).toBe(false);
  });

  it('refuses a value that is neither true nor false', () => {
    expect(() => loadSpeechSettings('/data', { SOTAY_SPEECH_WARM: 'sometimes' })).toThrow(ConfigError);
  });
});
