/** Where listening stopped, per item, and the listener's speech settings; kept on this device only. */
const RESUME_KEY = 'sotay.speech.resume';
const SETTINGS_KEY = 'sotay.speech.settings';
const MAX_ENTRIES = 100;

export interface SpeechSettings {
  speed: number;
  voice?: string;
  /** Read with the device's own Vietnamese voice (Web Speech API) instead of the server's. */
  systemVoice: boolean;
}

type ResumeMap = Record<string, { index: number; at: number }>;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private browsing or a full quota: listening still works, it just does not resume.
  }
}

export function resumeIndex(key: string): number {
  const entry = read<ResumeMap>(RESUME_KEY, {})[key];
  return entry && Number.isInteger(entry.index) && entry.index >= 0 ? entry.index : 0;
}

export function rememberIndex(key: string, index: number): void {
  const all = read<ResumeMap>(RESUME_KEY, {});
  if (index <= 0) delete all[key];
  else all[key] = { index, at: Date.now() };
  const kept = Object.entries(all)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, MAX_ENTRIES);
  write(RESUME_KEY, Object.fromEntries(kept));
}

export const SPEEDS = [0.75, 1, 1.25, 1.5] as const;

export function loadSpeechSettings(): SpeechSettings {
  const raw = read<Partial<SpeechSettings>>(SETTINGS_KEY, {});
  const speed = SPEEDS.find((s) => s === raw.speed) ?? 1;
  return {
    speed,
    voice: typeof raw.voice === 'string' ? raw.voice : undefined,
    systemVoice: raw.systemVoice === true,
  };
}

export function saveSpeechSettings(settings: SpeechSettings): void {
  write(SETTINGS_KEY, settings);
}
