import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import type { MemberProfile } from '../api/types.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { Loading, LoadError } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';

/**
 * An administrator erases a departed member's personal data: the member's full name typed again as
 * confirmation, and a reason kept in the audit log.
 */
export default function EraseMember(props: { memberId: string }) {
  const [member] = useAsync(
    () => api<MemberProfile>('GET', `/api/v1/members/${encodeURIComponent(props.memberId)}`),
    [props.memberId],
  );
  const [confirm, setConfirm] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  if (member.status === 'loading')
    return (
      <Screen title={t('erase.title')}>
        <Loading />
      </Screen>
    );
  if (member.status === 'error')
    return (
      <Screen title={t('erase.title')}>
        <LoadError message={member.message} retry={() => history.back()} />
      </Screen>
    );
  const m = member.value;

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (confirm.normalize('NFC').trim() !== m.fullName.normalize('NFC').trim()) {
      setError(t('erase.nameMismatch'));
      return;
    }
    if (reason.trim().length < 3) {
      setError(t('erase.reasonMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/v1/members/${encodeURIComponent(m.id)}/erase`, {
        confirmFullName: confirm,
        reason: reason.trim(),
      });
      setDone(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (done)
    return (
      <Screen title={t('erase.title')}>
        <Alert kind="success" message={t('erase.done')} />
        <p>
          <a class="link-block" href={`/orgs/${m.orgId}/members`}>
            {t('erase.backToList')}
          </a>
        </p>
      </Screen>
    );

  return (
    <Screen title={t('erase.title')}>
      <p>
        <strong>{m.fullName}</strong> — {m.orgName}
      </p>
      <p>{t('erase.lead')}</p>
      <ul class="plain-list">
        <li>{t('erase.deleted')}</li>
        <li>{t('erase.kept')}</li>
        <li>{t('erase.account')}</li>
      </ul>
      <p class="hint">{t('erase.irreversible')}</p>
      <form class="stack" onSubmit={submit} noValidate>
        <Field
          id="erase-confirm"
          label={t('erase.confirmLabel')}
          hint={t('erase.confirmHint', { name: m.fullName })}
          value={confirm}
          onInput={setConfirm}
          autocomplete="off"
          required
        />
        <div class="field">
          <label for="erase-reason">{t('erase.reasonLabel')}</label>
          <textarea
            id="erase-reason"
            rows={3}
            maxLength={500}
            value={reason}
            required
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </div>
        <Alert message={error} />
        <button type="submit" class="button button-danger" disabled={busy}>
          {busy ? t('erase.erasing') : t('erase.submit')}
        </button>
      </form>
    </Screen>
  );
}
