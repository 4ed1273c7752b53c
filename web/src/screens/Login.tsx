import { useState } from 'preact/hooks';
import { errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Field, ShowPasswords } from '../components/Field.tsx';
import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';
import { login } from '../state/session.ts';

export function Login() {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [reveal, setReveal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!name.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(name.trim(), password);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  return (
    <Screen title={t('login.title')} lead={<p>{t('login.intro')}</p>}>
      <form class="stack" onSubmit={submit} noValidate>
        <Field
          id="login"
          label={t('login.login')}
          value={name}
          onInput={setName}
          autocomplete="username"
          required
          invalid={!!error}
        />
        <Field
          id="password"
          label={t('login.password')}
          type="password"
          reveal={reveal}
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          required
          invalid={!!error}
        />
        <ShowPasswords checked={reveal} onChange={setReveal} />
        <Alert message={error} />
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p class="hint">{t('login.help')}</p>
      <p>
        <a class="link-block" href="/settings">
          {t('login.display')}
        </a>
      </p>
    </Screen>
  );
}
