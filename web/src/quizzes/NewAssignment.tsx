import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { AudienceSelect, DocumentSelect, useStudySources } from './pickers.tsx';
import './quizzes.css';

/** A committee gives a document to its subtree (or one organisation below) to study by a deadline. */
export default function NewAssignment(props: { orgId: string }) {
  const [state, retry] = useStudySources(props.orgId);
  const [documentId, setDocumentId] = useState('');
  const [audience, setAudience] = useState(props.orgId);
  const [deadline, setDeadline] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    if (!documentId || !deadline) {
      setError(t('quizAdmin.missing'));
      return;
    }
    setBusy(true);
    try {
      const created = await api<{ id: string }>(
        'POST',
        `/api/v1/orgs/${encodeURIComponent(audience)}/study-assignments`,
        { documentId, deadline, ...(note.trim() ? { note } : {}) },
      );
      navigate(`/study/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Screen title={t('quizAdmin.newAssignment')} lead={<p class="lead">{state.value.org.name}</p>}>
      <form class="stack" noValidate onSubmit={(e) => void submit(e)}>
        <DocumentSelect docs={state.value.docs} value={documentId} onChange={setDocumentId} />
        <AudienceSelect audiences={state.value.audiences} value={audience} onChange={setAudience} />
        <div class="field">
          <label for="st-deadline">{t('quizAdmin.deadline')}</label>
          <input
            id="st-deadline"
            type="date"
            required
            value={deadline}
            onInput={(e) => setDeadline(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="st-note">{t('quizAdmin.note')}</label>
          <textarea
            id="st-note"
            rows={3}
            maxLength={1000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
        </div>
        <Alert message={error} />
        <button class="button button-primary" type="submit" disabled={busy}>
          {t('quizAdmin.assign')}
        </button>
      </form>
    </Screen>
  );
}
