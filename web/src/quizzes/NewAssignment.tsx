import { useState } from 'preact/hooks';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { t } from '../i18n/i18n.ts';
import { AudienceSelect, DocumentSelect, InputField, useCreate, useStudySources } from './pickers.tsx';
import './quizzes.css';

/** A committee gives a document to its subtree (or one organisation below) to study by a deadline. */
export default function NewAssignment(props: { orgId: string }) {
  const [state, retry] = useStudySources(props.orgId);
  const [documentId, setDocumentId] = useState('');
  const [audience, setAudience] = useState(props.orgId);
  const [deadline, setDeadline] = useState('');
  const [note, setNote] = useState('');
  const { error, busy, create, clear } = useCreate();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const submit = (e: Event) => {
    e.preventDefault();
    if (!documentId || !deadline) return create(null);
    return create({
      url: `/api/v1/orgs/${encodeURIComponent(audience)}/study-assignments`,
      body: { documentId, deadline, ...(note.trim() ? { note } : {}) },
      to: (id) => `/study/${encodeURIComponent(id)}`,
    });
  };
  return (
    <Screen title={t('quizAdmin.newAssignment')} lead={<p class="lead">{state.value.org.name}</p>}>
      <form class="stack" noValidate onInput={clear} onChange={clear} onSubmit={(e) => void submit(e)}>
        <DocumentSelect docs={state.value.docs} value={documentId} onChange={setDocumentId} />
        <AudienceSelect audiences={state.value.audiences} value={audience} onChange={setAudience} />
        <InputField
          id="st-deadline"
          type="date"
          label={t('quizAdmin.deadline')}
          value={deadline}
          onInput={setDeadline}
        />
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
