import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { AudienceSelect, DocumentSelect, InputField, useCreate, useStudySources } from './pickers.tsx';
import type { BankQuestion } from './types.ts';
import './quizzes.css';

/** A `datetime-local` value (the phone's own time zone) for a moment. */
function localInput(d: Date): string {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** How many accepted questions the chosen document has, with the way to the review queue. */
function BankSize(props: { documentId: string; questionCount: number }) {
  const [state] = useAsync(async () => {
    if (!props.documentId) return null;
    const r = await api<{ items: BankQuestion[] }>(
      'GET',
      `/api/v1/documents/${encodeURIComponent(props.documentId)}/questions`,
    );
    return r.items.filter((q) => q.status === 'accepted' || q.status === 'edited').length;
  }, [props.documentId]);
  if (state.status !== 'done' || state.value === null) return null;
  const n = state.value;
  return (
    <div class="field">
      <p id="ct-bank" class={n < props.questionCount ? 'quiz-warning' : 'hint'}>
        {n === 0
          ? t('quizAdmin.bankEmpty')
          : n < props.questionCount
            ? t('quizAdmin.bankSmall', { n })
            : t('quiz.bankCount', { n })}
      </p>
      <a class="button" href={`/quiz/review/${encodeURIComponent(props.documentId)}`}>
        {t('quiz.reviewLink')}
      </a>
    </div>
  );
}

/** A committee runs a contest over its subtree: a document's question bank, a window, a paper size and a timer. */
export default function NewContest(props: { orgId: string }) {
  const [state, retry] = useStudySources(props.orgId);
  const [title, setTitle] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [audience, setAudience] = useState(props.orgId);
  const [startsAt, setStartsAt] = useState(() => localInput(new Date()));
  const [endsAt, setEndsAt] = useState(() => localInput(new Date(Date.now() + 7 * 86_400_000)));
  const [count, setCount] = useState('10');
  const [minutes, setMinutes] = useState('15');
  const { error, busy, create, clear } = useCreate();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const submit = (e: Event) => {
    e.preventDefault();
    const questionCount = Number(count);
    const timeLimitSeconds = Math.round(Number(minutes) * 60);
    if (!title.trim() || !documentId || !startsAt || !endsAt) return create(null);
    if (!Number.isInteger(questionCount) || questionCount < 1 || questionCount > 100)
      return create(null, t('quizAdmin.badCount'));
    if (!(timeLimitSeconds >= 60 && timeLimitSeconds <= 4 * 3600))
      return create(null, t('quizAdmin.badMinutes'));
    if (!(new Date(endsAt) > new Date(startsAt))) return create(null, t('quizAdmin.badWindow'));
    return create({
      url: `/api/v1/orgs/${encodeURIComponent(audience)}/contests`,
      body: {
        title: title.trim(),
        documentId,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        questionCount,
        timeLimitSeconds,
      },
      to: (id) => `/contests/${encodeURIComponent(id)}`,
    });
  };
  return (
    <Screen title={t('quizAdmin.newContest')} lead={<p class="lead">{state.value.org.name}</p>}>
      <form class="stack" noValidate onInput={clear} onChange={clear} onSubmit={(e) => void submit(e)}>
        <InputField
          id="ct-title"
          label={t('quizAdmin.contestTitle')}
          maxLength={300}
          value={title}
          onInput={setTitle}
        />
        <DocumentSelect docs={state.value.docs} value={documentId} onChange={setDocumentId} />
        <BankSize documentId={documentId} questionCount={Number(count) || 0} />
        <AudienceSelect audiences={state.value.audiences} value={audience} onChange={setAudience} />
        <InputField
          id="ct-start"
          type="datetime-local"
          label={t('quizAdmin.startsAt')}
          value={startsAt}
          onInput={setStartsAt}
        />
        <InputField
          id="ct-end"
          type="datetime-local"
          label={t('quizAdmin.endsAt')}
          value={endsAt}
          onInput={setEndsAt}
        />
        <InputField
          id="ct-count"
          type="number"
          min={1}
          max={100}
          label={t('quizAdmin.questionCount')}
          value={count}
          onInput={setCount}
        />
        <InputField
          id="ct-minutes"
          type="number"
          min={1}
          max={240}
          label={t('quizAdmin.minutes')}
          value={minutes}
          onInput={setMinutes}
        />
        <Alert message={error} />
        <button class="button button-primary" type="submit" disabled={busy}>
          {t('quizAdmin.createContest')}
        </button>
      </form>
    </Screen>
  );
}
