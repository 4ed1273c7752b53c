import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';
import { cancelSecondFactor, loadSession, type SecondFactorStep } from '../state/session.ts';
import { CodeField, cleanCode } from './CodeField.tsx';
import { Enrolment } from './Enrolment.tsx';
import './two-factor.css';

function CancelButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      class="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        cancelSecondFactor().catch(() => setBusy(false));
      }}
    >
      {t('twoFactor.cancel')}
    </button>
  );
}

function Verify() {
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const clean = cleanCode(code);
    if (recovery ? clean.length < 10 : !/^\d{6}$/.test(clean)) {
      setError(t(recovery ? 'twoFactor.recoveryMissing' : 'twoFactor.codeMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api(
        'POST',
        '/api/v1/auth/two-factor/verify',
        recovery ? { recoveryCode: clean } : { code: clean },
      );
      await loadSession();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  function switchMode() {
    setRecovery(!recovery);
    setCode('');
    setError(null);
  }

  return (
    <Screen title={t('twoFactor.verifyTitle')} lead={<p>{t('twoFactor.verifyLead')}</p>}>
      <form class="stack" onSubmit={submit} noValidate>
        {recovery ? (
          <CodeField
            id="recovery-code"
            label={t('twoFactor.recoveryLabel')}
            hint={t('twoFactor.recoveryHint')}
            value={code}
            onInput={setCode}
            recovery
            invalid={!!error}
          />
        ) : (
          <CodeField
            id="verify-code"
            label={t('twoFactor.codeLabel')}
            hint={t('twoFactor.codeHint')}
            value={code}
            onInput={setCode}
            invalid={!!error}
          />
        )}
        <Alert message={error} />
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('twoFactor.checking') : t('twoFactor.continue')}
        </button>
      </form>
      <div class="actions">
        <button type="button" class="button" onClick={switchMode}>
          {recovery ? t('twoFactor.useApp') : t('twoFactor.useRecovery')}
        </button>
        <CancelButton />
      </div>
    </Screen>
  );
}

/** Shown after the password when the account must give (or first set up) a second factor. */
export default function SecondStep(props: { step: SecondFactorStep }) {
  if (props.step === 'verify') return <Verify />;
  return (
    <Screen title={t('twoFactor.enrolTitle')} lead={<p>{t('twoFactor.enrolRequired')}</p>}>
      <Enrolment onDone={() => void loadSession()} doneLabel={t('twoFactor.codesSavedContinue')} />
      <div class="actions">
        <CancelButton />
      </div>
    </Screen>
  );
}
