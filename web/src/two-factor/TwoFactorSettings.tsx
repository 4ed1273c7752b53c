import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { Loading, LoadError } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { Enrolment } from './Enrolment.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import './two-factor.css';

interface Status {
  enabled: boolean;
  required: boolean;
  pending: 'verify' | 'enrol' | null;
  recoveryCodesLeft: number;
}

/** An action that needs the password again: turning two-factor off, or new recovery codes. */
function PasswordAction(props: {
  id: string;
  title: string;
  lead: string;
  button: string;
  danger?: boolean;
  run: (password: string) => Promise<void>;
}) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      setError(t('twoFactor.passwordMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await props.run(password);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }
  return (
    <section class="stack" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      <p>{props.lead}</p>
      <form class="stack" onSubmit={submit} noValidate>
        <Field
          id={`${props.id}-password`}
          label={t('twoFactor.password')}
          type="password"
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          required
          invalid={!!error}
        />
        <Alert message={error} />
        <button type="submit" class={props.danger ? 'button button-danger' : 'button'} disabled={busy}>
          {props.button}
        </button>
      </form>
    </section>
  );
}

/** Profile › two-factor sign-in: turn it on, see how many recovery codes are left, renew them, turn it off. */
export default function TwoFactorSettings() {
  const [status, reload] = useAsync(() => api<Status>('GET', '/api/v1/auth/two-factor'), []);
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  let body;
  if (codes) {
    body = (
      <RecoveryCodes
        codes={codes}
        doneLabel={t('twoFactor.codesSaved')}
        onDone={() => {
          setCodes(null);
          reload();
        }}
      />
    );
  } else if (enrolling) {
    body = (
      <Enrolment
        doneLabel={t('twoFactor.codesSaved')}
        onDone={() => {
          setEnrolling(false);
          setNotice(t('twoFactor.turnedOn'));
          reload();
        }}
      />
    );
  } else if (status.status === 'error') body = <LoadError message={status.message} retry={reload} />;
  else if (status.status === 'loading') body = <Loading />;
  else if (!status.value.enabled) {
    body = (
      <div class="stack">
        <p>{t('twoFactor.offLead')}</p>
        {status.value.required && <p class="alert alert-error">{t('twoFactor.requiredNote')}</p>}
        <button type="button" class="button button-primary" onClick={() => setEnrolling(true)}>
          {t('twoFactor.turnOn')}
        </button>
      </div>
    );
  } else {
    const left = status.value.recoveryCodesLeft;
    body = (
      <div class="stack">
        <p class="alert alert-success">{t('twoFactor.onState')}</p>
        <p>{t('twoFactor.codesLeft', { count: left })}</p>
        <PasswordAction
          id="renew"
          title={t('twoFactor.renewTitle')}
          lead={t('twoFactor.renewLead')}
          button={t('twoFactor.renew')}
          run={async (password) => {
            const res = await api<{ recoveryCodes: string[] }>(
              'POST',
              '/api/v1/auth/two-factor/recovery-codes',
              { password },
            );
            setCodes(res.recoveryCodes);
          }}
        />
        {status.value.required ? (
          <p>{t('twoFactor.requiredNote')}</p>
        ) : (
          <PasswordAction
            id="disable"
            title={t('twoFactor.offTitle')}
            lead={t('twoFactor.offWarning')}
            button={t('twoFactor.turnOff')}
            danger
            run={async (password) => {
              await api('POST', '/api/v1/auth/two-factor/disable', { password });
              setNotice(t('twoFactor.turnedOff'));
              reload();
            }}
          />
        )}
      </div>
    );
  }

  return (
    <Screen title={t('twoFactor.title')} lead={<p>{t('twoFactor.lead')}</p>}>
      <Alert message={notice} kind="success" />
      {body}
    </Screen>
  );
}
