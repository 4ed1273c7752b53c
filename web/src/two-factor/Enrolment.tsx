import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { t } from '../i18n/i18n.ts';
import { CodeField, cleanCode } from './CodeField.tsx';
import { RecoveryCodes } from './RecoveryCodes.tsx';

interface Started {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

/** Groups of four characters, easier to copy by hand into an authenticator app. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Setting up an authenticator app: a QR code and the secret to type instead, then the first code to prove it
 * works, then the recovery codes once.
 */
export function Enrolment(props: { onDone: () => void; doneLabel: string }) {
  const [started, setStarted] = useState<Started | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  useEffect(() => {
    api<Started>('POST', '/api/v1/auth/two-factor/enrol').then(setStarted, (e: unknown) =>
      setError(errorMessage(e)),
    );
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const clean = cleanCode(code);
    if (!/^\d{6}$/.test(clean)) {
      setError(t('twoFactor.codeMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ recoveryCodes: string[] }>('POST', '/api/v1/auth/two-factor/confirm', {
        code: clean,
      });
      setCodes(res.recoveryCodes);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={props.onDone} doneLabel={props.doneLabel} />;
  if (!started) return error ? <Alert message={error} /> : <Loading />;
  const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(started.qrSvg)}`;
  return (
    <div class="stack">
      <ol class="two-factor-steps">
        <li>{t('twoFactor.stepApp')}</li>
        <li>
          {t('twoFactor.stepScan')}
          <img class="two-factor-qr" src={qr} alt={t('twoFactor.qrAlt')} width="220" height="220" />
          <p>{t('twoFactor.secretLabel')}</p>
          <p>
            <code class="two-factor-secret" data-secret={started.secret}>
              {grouped(started.secret)}
            </code>
          </p>
        </li>
        <li>{t('twoFactor.stepCode')}</li>
      </ol>
      <form class="stack" onSubmit={submit} noValidate>
        <CodeField
          id="enrol-code"
          label={t('twoFactor.codeLabel')}
          hint={t('twoFactor.codeHint')}
          value={code}
          onInput={setCode}
          invalid={!!error}
        />
        <Alert message={error} />
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('twoFactor.checking') : t('twoFactor.confirm')}
        </button>
      </form>
    </div>
  );
}
