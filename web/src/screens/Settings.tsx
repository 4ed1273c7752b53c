import { useState } from 'preact/hooks';
import { errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Screen } from '../components/Screen.tsx';
import { t, type Locale } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { preferences, TEXT_SCALES, type Preferences } from '../state/preferences.ts';
import { logout, savePreferences } from '../state/session.ts';
import { useStore } from '../state/store.ts';
import { PasswordForm } from './PasswordForm.tsx';

const LANGUAGES: { value: Locale; label: string; lang: string }[] = [
  { value: 'vi', label: 'Tiếng Việt', lang: 'vi' },
  { value: 'en', label: 'English', lang: 'en' },
];

export function Settings(props: { signedIn: boolean }) {
  const prefs = useStore(preferences);
  const [status, setStatus] = useState<{ kind: 'error' | 'success'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(update: Partial<Preferences>) {
    setStatus(null);
    try {
      await savePreferences(update);
      if (props.signedIn) setStatus({ kind: 'success', message: t('settings.saved') });
    } catch (e) {
      setStatus({ kind: 'error', message: t('settings.saveFailed', { message: errorMessage(e) }) });
    }
  }

  async function signOut(all: boolean) {
    if (busy) return;
    setBusy(true);
    setStatus(null);
    try {
      await logout(all);
      navigate('/', { replace: true });
    } catch (e) {
      setStatus({ kind: 'error', message: errorMessage(e) });
      setBusy(false);
    }
  }

  return (
    <Screen title={t('settings.title')}>
      <section aria-labelledby="settings-display" class="stack">
        <h2 id="settings-display">{t('settings.display')}</h2>
        <fieldset>
          <legend>{t('settings.textSize')}</legend>
          <div class="choices">
            {TEXT_SCALES.map((scale) => (
              <label class="choice" key={scale}>
                <input
                  type="radio"
                  name="text-scale"
                  value={String(scale)}
                  checked={prefs.textScale === scale}
                  onChange={() => change({ textScale: scale })}
                />
                <span>{scale * 100}%</span>
              </label>
            ))}
          </div>
          <p class="sample">{t('settings.sample')}</p>
        </fieldset>
        <label class="check">
          <input
            type="checkbox"
            checked={prefs.highContrast}
            onChange={(e) => change({ highContrast: e.currentTarget.checked })}
          />
          <span>{t('settings.contrast')}</span>
        </label>
        <fieldset>
          <legend>{t('settings.language')}</legend>
          <div class="choices">
            {LANGUAGES.map((l) => (
              <label class="choice" key={l.value} lang={l.lang}>
                <input
                  type="radio"
                  name="locale"
                  value={l.value}
                  checked={prefs.locale === l.value}
                  onChange={() => change({ locale: l.value })}
                />
                <span>{l.label}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Alert message={status?.kind === 'error' ? status.message : null} />
        <Alert message={status?.kind === 'success' ? status.message : null} kind="success" />
      </section>
      {!props.signedIn && (
        <p>
          <a class="link-block" href="/">
            {t('settings.backToLogin')}
          </a>
        </p>
      )}
      {props.signedIn && (
        <>
          <section aria-labelledby="settings-password" class="stack">
            <h2 id="settings-password">{t('password.title')}</h2>
            <PasswordForm />
          </section>
          <section aria-labelledby="settings-logout" class="stack">
            <h2 id="settings-logout">{t('settings.logout')}</h2>
            <button type="button" class="button" disabled={busy} onClick={() => signOut(false)}>
              {t('settings.logoutHere')}
            </button>
            <p class="hint" id="logout-all-hint">
              {t('settings.logoutAllHint')}
            </p>
            <button
              type="button"
              class="button button-danger"
              disabled={busy}
              aria-describedby="logout-all-hint"
              onClick={() => signOut(true)}
            >
              {t('settings.logoutAll')}
            </button>
          </section>
        </>
      )}
    </Screen>
  );
}
