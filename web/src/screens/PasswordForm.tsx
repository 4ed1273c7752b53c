import { useState } from 'preact/hooks';
import { ApiError, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Field, ShowPasswords } from '../components/Field.tsx';
import { t } from '../i18n/i18n.ts';
import { changePassword, session } from '../state/session.ts';

/** The server's message, followed by its specific reasons when it gives them (e.g. which rule a weak password breaks). */
function passwordError(error: unknown): string {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return errorMessage(error);
  const reasons = error.details
    .map((d: unknown) => (d && typeof d === 'object' ? (d as { message?: unknown }).message : null))
    .filter((m): m is string => typeof m === 'string' && !error.message.includes(m));
  return [error.message, ...reasons].join(' ');
}

/** Change the password: used by the forced first-login screen and by the settings screen. */
export function PasswordForm(props: { onDone?: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [reveal, setReveal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signedIn = session.get();
  const login = signedIn.status === 'ready' ? signedIn.me.account.login : '';

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    if (!current || !next || !confirm) return setError(t('password.missing'));
    if (next !== confirm) return setError(t('password.mismatch'));
    setBusy(true);
    setError(null);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(t('password.done'));
      props.onDone?.();
    } catch (e) {
      setError(passwordError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack" onSubmit={submit} noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autocomplete="username" value={login} readOnly hidden />
      <Field
        id="current-password"
        label={t('password.current')}
        type="password"
        reveal={reveal}
        value={current}
        onInput={setCurrent}
        autocomplete="current-password"
        required
      />
      <Field
        id="new-password"
        label={t('password.new')}
        hint={t('password.hint')}
        type="password"
        reveal={reveal}
        value={next}
        onInput={setNext}
        autocomplete="new-password"
        required
      />
      <Field
        id="confirm-password"
        label={t('password.confirm')}
        type="password"
        reveal={reveal}
        value={confirm}
        onInput={setConfirm}
        autocomplete="new-password"
        required
        invalid={error === t('password.mismatch')}
      />
      <ShowPasswords checked={reveal} onChange={setReveal} />
      <Alert message={error} />
      <Alert message={done} kind="success" />
      <button type="submit" class="button button-primary" disabled={busy}>
        {busy ? t('password.submitting') : t('password.submit')}
      </button>
    </form>
  );
}
