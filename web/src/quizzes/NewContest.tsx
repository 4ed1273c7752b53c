import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { AudienceSelect, DocumentSelect, useStudySources } from './pickers.tsx';
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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const questionCount = Number(count);
    const timeLimitSeconds = Math.round(Number(minutes) * 60);
    if (!title.trim() || !documentId || !startsAt || !endsAt) return setError(t('quizAdmin.missing'));
    if (!Number.isInteger(questionCount) || questionCount < 1 || questionCount > 100)
      return setError(t('quizAdmin.badCount'));
    if (!(timeLimitSeconds >= 60 && timeLimitSeconds <= 4 * 3600)) return setError(t('quizAdmin.badMinutes'));
    if (!(new Date(endsAt) > new Date(startsAt))) return setError(t('quizAdmin.badWindow'));
    setBusy(true);
    try {
      const created = await api<{ id: string }>(
        'POST',
        `/api/v1/orgs/${encodeURIComponent(audience)}/contests`,
        {
          title: title.trim(),
          documentId,
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(endsAt).toISOString(),
          questionCount,
          timeLimitSeconds,
        },
      );
      navigate(`/contests/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Screen title={t('quizAdmin.newContest')} lead={<p class="lead">{state.value.org.name}</p>}>
      <form class="stack" noValidate onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for="ct-title">{t('quizAdmin.contestTitle')}</label>
          <input
            id="ct-title"
            required
            maxLength={300}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <DocumentSelect docs={state.value.docs} value={documentId} onChange={setDocumentId} />
        <BankSize documentId={documentId} questionCount={Number(count) || 0} />
        <AudienceSelect audiences={state.value.audiences} value={audience} onChange={setAudience} />
        <div class="field">
          <label for="ct-start">{t('quizAdmin.startsAt')}</label>
          <input
            id="ct-start"
            type="datetime-local"
            required
            value={startsAt}
            onInput={(e) => setStartsAt(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="ct-end">{t('quizAdmin.endsAt')}</label>
          <input
            id="ct-end"
            type="datetime-local"
            required
            value={endsAt}
            onInput={(e) => setEndsAt(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="ct-count">{t('quizAdmin.questionCount')}</label>
          <input
            id="ct-count"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            required
            value={count}
            onInput={(e) => setCount(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="ct-minutes">{t('quizAdmin.minutes')}</label>
          <input
            id="ct-minutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={240}
            required
            value={minutes}
            onInput={(e) => setMinutes(e.currentTarget.value)}
          />
        </div>
        <Alert message={error} />
        <button class="button button-primary" type="submit" disabled={busy}>
          {t('quizAdmin.createContest')}
        </button>
      </form>
    </Screen>
  );
}
