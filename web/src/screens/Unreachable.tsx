import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';
import { startSession } from '../state/session.ts';

/** The server cannot be reached; the app retries by itself when the network returns, or on request. */
export function Unreachable(props: { message: string }) {
  return (
    <Screen title={t('unreachable.title')}>
      <div class="stack">
        <p role="alert" class="alert alert-error">
          {props.message}
        </p>
        <p>{t('unreachable.hint')}</p>
        <button type="button" class="button button-primary" onClick={startSession}>
          {t('error.retry')}
        </button>
      </div>
    </Screen>
  );
}
