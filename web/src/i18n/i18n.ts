import { createStore } from '../state/store.ts';
import { vi, type MessageKey } from './vi.ts';

export type Locale = 'vi' | 'en';
export type { MessageKey };

// Vietnamese is built in; English is fetched when someone chooses it, so most phones never download it.
const dictionaries: Partial<Record<Locale, Record<MessageKey, string>>> = { vi };

/** Makes `value` ready to use: resolves once its dictionary is loaded. */
export async function loadLocale(value: Locale): Promise<void> {
  if (!dictionaries[value]) dictionaries[value] = (await import('./en.ts')).en;
}

/** The current language; components re-render through useStore(locale). */
export const locale = createStore<Locale>('vi');

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}

/** Translate a key, filling `{name}` placeholders. Unknown placeholders are left visible so they get noticed. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const text = dictionaries[locale.get()]?.[key] ?? vi[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? formatParam(params[name] as string | number) : whole,
  );
}

function formatParam(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** Numbers in the reader's convention: 1.234 in Vietnamese, 1,234 in English. */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale.get() === 'vi' ? 'vi-VN' : 'en-GB').format(value);
}

/** An ISO date (YYYY-MM-DD or a full timestamp) as dd/mm/yyyy, the form every Vietnamese form uses. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** Translate a value from a closed set (role, status…) and fall back to the raw value the server sent. */
export function tEnum(
  prefix: 'role' | 'kind' | 'status' | 'gender',
  value: string | null | undefined,
): string {
  if (!value) return '';
  const key = `${prefix}.${value}` as MessageKey;
  return key in vi ? t(key) : value;
}
