import { api, ApiError, errorMessage, setUnauthorizedHandler } from '../api/client.ts';
import type { Account, Me } from '../api/types.ts';
import {
  applyPreferences,
  DEFAULT_PREFERENCES,
  preferences,
  sanitizePreferences,
  type Preferences,
} from './preferences.ts';
import { createStore } from './store.ts';

export type Session =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'ready'; me: Me }
  /** Password accepted; the account must still give a second-factor code ('verify') or set one up ('enrol'). */
  | { status: 'second-factor'; step: SecondFactorStep }
  /** The server could not be asked (no network, or the server is down): nobody knows who is signed in. */
  | { status: 'unreachable'; message: string };

export type SecondFactorStep = 'verify' | 'enrol';

export const session = createStore<Session>({ status: 'loading' });

setUnauthorizedHandler(() => {
  if (session.get().status === 'ready') session.set({ status: 'anonymous' });
});

function samePreferences(a: Preferences, b: Preferences): boolean {
  return a.locale === b.locale && a.textScale === b.textScale && a.highContrast === b.highContrast;
}

/**
 * The account's saved preferences win, so a member sees the same text size on every device; but when the
 * account still has the defaults and this device does not (large text chosen on the sign-in screen), the
 * device's choice is kept and saved to the account.
 */
function adoptPreferences(me: Me): void {
  const local = preferences.get();
  const saved = sanitizePreferences(me.account.preferences ?? {}, DEFAULT_PREFERENCES);
  if (samePreferences(saved, DEFAULT_PREFERENCES) && !samePreferences(local, DEFAULT_PREFERENCES)) {
    void api('PUT', '/api/v1/me/preferences', local).catch(() => undefined);
    return;
  }
  applyPreferences(saved);
}

export async function loadSession(): Promise<void> {
  try {
    const me = await api<Me>('GET', '/api/v1/me');
    adoptPreferences(me);
    session.set({ status: 'ready', me });
  } catch (error) {
    const step = secondFactorStep(error);
    if (step) session.set({ status: 'second-factor', step });
    else if (error instanceof ApiError && error.status === 401) session.set({ status: 'anonymous' });
    else throw error;
  }
}

/** The step a session held after its password is at, read from the server's refusal. */
function secondFactorStep(error: unknown): SecondFactorStep | null {
  if (!(error instanceof ApiError) || error.code !== 'AUTH_SECOND_FACTOR_REQUIRED') return null;
  const detail = Array.isArray(error.details)
    ? (error.details[0] as { code?: unknown } | undefined)
    : undefined;
  return detail?.code === 'enrol' ? 'enrol' : 'verify';
}

/** Abandons a sign-in held at the second step (the session is ended on the server). */
export async function cancelSecondFactor(): Promise<void> {
  await api('POST', '/api/v1/auth/two-factor/cancel');
  session.set({ status: 'anonymous' });
}

/**
 * Asks the server who is signed in. When it cannot be reached (no network, server down) the app says so and
 * asks again when the network comes back, rather than showing a sign-in form that cannot work.
 */
export function startSession(): void {
  watchNetwork();
  if (session.get().status === 'unreachable') session.set({ status: 'loading' });
  loadSession().catch((error: unknown) =>
    session.set({ status: 'unreachable', message: errorMessage(error) }),
  );
}

let watching = false;
function watchNetwork(): void {
  if (watching) return;
  watching = true;
  window.addEventListener('online', () => {
    if (session.get().status === 'unreachable') startSession();
  });
}

export async function login(loginName: string, password: string): Promise<void> {
  await api<{ account: Account }>('POST', '/api/v1/auth/login', { login: loginName, password });
  await loadSession();
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api('POST', '/api/v1/auth/password', { currentPassword, newPassword });
  const current = session.get();
  if (current.status === 'ready') {
    const account = { ...current.me.account, mustChangePassword: false };
    session.set({ status: 'ready', me: { ...current.me, account } });
  }
}

export async function logout(all: boolean): Promise<void> {
  await api('POST', '/api/v1/auth/logout', all ? { all: true } : {});
  await forgetCachedContent();
  session.set({ status: 'anonymous' });
}

/** Content read offline belongs to the person who was signed in: a shared phone must not keep it. */
async function forgetCachedContent(): Promise<void> {
  if (!('caches' in window)) return;
  try {
    await caches.delete('sotay-content');
  } catch {
    // Storage not available; nothing was cached then.
  }
}

/** Applies at once; saves to the account when signed in. Rejects with the server's error if that save fails. */
export async function savePreferences(change: Partial<Preferences>): Promise<void> {
  const next = { ...preferences.get(), ...change };
  applyPreferences(next);
  if (session.get().status !== 'ready') return;
  await api('PUT', '/api/v1/me/preferences', change);
}
