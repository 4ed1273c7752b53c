import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Loading, LoadError } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, formatNumber, t, type MessageKey } from '../i18n/i18n.ts';

const KEYS = ['sessions', 'notifications', 'reads', 'erased'] as const;
type Key = (typeof KEYS)[number];

interface Rule {
  defaultDays: number;
  minDays: number;
  maxDays: number;
}

interface RetentionView {
  settings: Record<Key, number>;
  rules: Record<Key, Rule>;
  lastRun: { at: string; deleted: Partial<Record<Key, number>> } | null;
}

const LABEL: Record<Key, MessageKey> = {
  sessions: 'retention.sessions',
  notifications: 'retention.notifications',
  reads: 'retention.reads',
  erased: 'retention.erased',
};
const HINT: Record<Key, MessageKey> = {
  sessions: 'retention.sessionsHint',
  notifications: 'retention.notificationsHint',
  reads: 'retention.readsHint',
  erased: 'retention.erasedHint',
};

/** Settings › retention (administrators of the root organisation): how many days each kind of data is kept. */
export default function Retention() {
  const [state, reload] = useAsync(() => api<RetentionView>('GET', '/api/v1/privacy/retention'), []);
  const [values, setValues] = useState<Record<Key, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<Key | null>(null);

  useEffect(() => {
    if (state.status === 'done')
      setValues(
        Object.fromEntries(KEYS.map((k) => [k, String(state.value.settings[k])])) as Record<Key, string>,
      );
  }, [state]);

  if (state.status === 'loading' || (state.status === 'done' && !values))
    return (
      <Screen title={t('retention.title')}>
        <Loading />
      </Screen>
    );
  if (state.status === 'error')
    return (
      <Screen title={t('retention.title')}>
        {state.httpStatus === 403 ? (
          <Alert message={t('retention.forbidden')} />
        ) : (
          <LoadError message={state.message} retry={reload} />
        )}
      </Screen>
    );
  const { rules, lastRun } = state.value;
  const current = values!;

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    setError(null);
    setNotice(null);
    setInvalid(null);
    const body: Partial<Record<Key, number>> = {};
    for (const k of KEYS) {
      const days = Number(current[k]);
      if (!Number.isInteger(days) || days < rules[k].minDays || days > rules[k].maxDays) {
        setInvalid(k);
        setError(
          t('retention.outOfRange', { what: t(LABEL[k]), min: rules[k].minDays, max: rules[k].maxDays }),
        );
        document.getElementById(`retention-${k}`)?.focus();
        return;
      }
      body[k] = days;
    }
    setBusy(true);
    try {
      await api<RetentionView>('PUT', '/api/v1/privacy/retention', body);
      setNotice(t('retention.saved'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={t('retention.title')}>
      <p>{t('retention.lead')}</p>
      <form class="stack" onSubmit={save} noValidate>
        {KEYS.map((k) => (
          <div class="field" key={k}>
            <label for={`retention-${k}`}>{t(LABEL[k])}</label>
            <p id={`retention-${k}-hint`} class="hint">
              {t(HINT[k])}{' '}
              {t('retention.range', {
                def: rules[k].defaultDays,
                min: rules[k].minDays,
                max: rules[k].maxDays,
              })}
            </p>
            <input
              id={`retention-${k}`}
              name={k}
              type="number"
              inputMode="numeric"
              min={rules[k].minDays}
              max={rules[k].maxDays}
              step={1}
              value={current[k]}
              aria-describedby={`retention-${k}-hint`}
              aria-invalid={invalid === k ? 'true' : undefined}
              onInput={(e) => setValues({ ...current, [k]: e.currentTarget.value })}
            />
          </div>
        ))}
        <Alert message={error} />
        <Alert message={notice} kind="success" />
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t('retention.saving') : t('retention.save')}
        </button>
      </form>
      <h2>{t('retention.lastRunTitle')}</h2>
      {lastRun ? (
        <p>
          {t('retention.lastRun', {
            date: formatDate(lastRun.at),
            sessions: formatNumber(lastRun.deleted.sessions ?? 0),
            notifications: formatNumber(lastRun.deleted.notifications ?? 0),
            reads: formatNumber(lastRun.deleted.reads ?? 0),
            erased: formatNumber(lastRun.deleted.erased ?? 0),
          })}
        </p>
      ) : (
        <p>{t('retention.neverRun')}</p>
      )}
      <p class="hint">{t('retention.auditKept')}</p>
    </Screen>
  );
}
