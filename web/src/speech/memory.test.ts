import { beforeEach, describe, expect, it } from 'vitest';
import { loadSpeechSettings, rememberIndex, resumeIndex, saveSpeechSettings } from './memory.ts';

/** The Web Storage interface over a Map, as the browser keeps it for one origin. */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

beforeEach(() => {
  (globalThis as { localStorage?: unknown }).localStorage = new MemoryStorage();
});

describe('where listening stopped', () => {
  it('remembers the sentence per item and forgets it when the item was heard to the end', () => {
    expect(resumeIndex('news:1')).toBe(0);
    rememberIndex('news:1', 7);
    rememberIndex('document:2', 3);
    expect(resumeIndex('news:1')).toBe(7);
    expect(resumeIndex('document:2')).toBe(3);
    rememberIndex('news:1', 0);
    expect(resumeIndex('news:1')).toBe(0);
    expect(resumeIndex('document:2')).toBe(3);
  });

  it('keeps only the most recent hundred items', () => {
    for (let i = 0; i < 130; i++) rememberIndex(`news:${i}`, 1 + i);
    const stored = JSON.parse(localStorage.getItem('sotay.speech.resume')!) as Record<string, unknown>;
    expect(Object.keys(stored)).toHaveLength(100);
    expect(resumeIndex('news:129')).toBe(130);
  });

  it('survives damaged storage', () => {
    localStorage.setItem('sotay.speech.resume', '{not json');
    expect(resumeIndex('news:1')).toBe(0);
    localStorage.setItem('sotay.speech.resume', JSON.stringify({ 'news:1': { index: -4, at: 1 } }));
    expect(resumeIndex('news:1')).toBe(0);
  });
});

describe('speech settings', () => {
  it('defaults to normal speed and the server voice, and keeps only offered speeds', () => {
    expect(loadSpeechSettings()).toEqual({ speed: 1, voice: undefined, systemVoice: false });
    saveSpeechSettings({ speed: 1.25, voice: 'vi+f3', systemVoice: true });
    expect(loadSpeechSettings()).toEqual({ speed: 1.25, voice: 'vi+f3', systemVoice: true });
    localStorage.setItem('sotay.speech.settings', JSON.stringify({ speed: 9, voice: 3, systemVoice: 'yes' }));
    expect(loadSpeechSettings()).toEqual({ speed: 1, voice: undefined, systemVoice: false });
  });
});
