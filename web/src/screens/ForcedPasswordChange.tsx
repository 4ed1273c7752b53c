import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';
import { PasswordForm } from './PasswordForm.tsx';

/** Shown instead of every other screen while the account still has its one-time password. */
export function ForcedPasswordChange() {
  return (
    <Screen title={t('password.title')} lead={<p>{t('password.forcedIntro')}</p>}>
      <PasswordForm />
    </Screen>
  );
}
