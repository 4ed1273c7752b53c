import { useState } from 'preact/hooks';
import { errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';
import { logout } from '../state/session.ts';
import { PasswordForm } from './PasswordForm.tsx';

/** Shown instead of every other screen while the account still has its one-time password. */
export function ForcedPasswordChange() {
  const [error, setError] = useState<string | null>(null);
  return (
    <Screen title={t('password.title')} lead={<p>{t('password.forcedIntro')}</p>}>
      <PasswordForm />
      <p class="hint">{t('password.later')}</p>
      <Alert message={error} />
      <button
        type="button"
        class="button"
        onClick={() => logout(false).catch((e) => setError(errorMessage(e)))}
      >
        {t('settings.logout')}
      </button>
    </Screen>
  );
}
