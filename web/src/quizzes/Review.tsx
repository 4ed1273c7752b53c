import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import type { BankQuestion } from './types.ts';
import './quizzes.css';

function Item(props: { q: BankQuestion; onDone: () => void }) {
  const { q } = props;
  const [stem, setStem] = useState(q.stem);
  const [error, setError] = useState('');
  const act = async (fn: () => Promise<unknown>) => {
    setError('');
    try {
      await fn();
      props.onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const url = `/api/v1/quiz-questions/${encodeURIComponent(q.id)}`;
  return (
    <li class="quiz-review">
      <label class="field">
        <span>{t('quiz.stem')}</span>
        <textarea rows={3} value={stem} onInput={(e) => setStem((e.target as HTMLTextAreaElement).value)} />
      </label>
      <ul>
        {q.options.map((o, i) => (
          <li key={i} class={q.correct.includes(i) ? 'quiz-right' : ''}>
            {o} {q.correct.includes(i) && <span class="badge">{t('quiz.correctMark')}</span>}
          </li>
        ))}
      </ul>
      {q.paragraphText && <blockquote>{q.paragraphText}</blockquote>}
      {error && <p role="alert">{error}</p>}
      <p class="actions">
        {stem !== q.stem ? (
          <button
            type="button"
            class="button button-primary"
            onClick={() =>
              void act(() =>
                api('PUT', url, {
                  kind: q.kind,
                  stem,
                  options: q.options,
                  correct: q.correct,
                  paragraphId: q.paragraphId,
                  tags: q.tags,
                }),
              )
            }
          >
            {t('quiz.saveEdit')}
          </button>
        ) : (
          <button
            type="button"
            class="button button-primary"
            onClick={() => void act(() => api('POST', `${url}/review`, { action: 'accept' }))}
          >
            {t('quiz.accept')}
          </button>
        )}
        <button
          type="button"
          class="button button-danger"
          onClick={() => void act(() => api('POST', `${url}/review`, { action: 'reject' }))}
        >
          {t('quiz.reject')}
        </button>
      </p>
    </li>
  );
}

/** The editor's review queue of a document: generate proposals, then accept, edit or reject each one. */
export default function Review(props: { documentId: string }) {
  const base = `/api/v1/documents/${encodeURIComponent(props.documentId)}/questions`;
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<{ items: BankQuestion[] }>('GET', `${base}?status=proposed`),
        api<{ items: BankQuestion[] }>('GET', base),
      ]),
    [props.documentId],
  );
  const [message, setMessage] = useState('');
  const generate = async () => {
    setMessage('');
    try {
      const r = await api<{ proposed: number }>('POST', `${base}/generate`, {});
      setMessage(t('quiz.generated', { n: r.proposed }));
      retry();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  return (
    <Screen title={t('quiz.reviewTitle')}>
      <p class="actions">
        <button type="button" class="button button-primary" onClick={() => void generate()}>
          {t('quiz.generate')}
        </button>
      </p>
      {message && <p role="status">{message}</p>}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && (
        <>
          <p>
            {t('quiz.bankCount', {
              n: state.value[1].items.filter((q) => q.status === 'accepted' || q.status === 'edited').length,
            })}
          </p>
          <h2>{t('quiz.queue', { n: state.value[0].items.length })}</h2>
          <ol class="quiz-queue">
            {state.value[0].items.map((q) => (
              <Item key={q.id} q={q} onDone={retry} />
            ))}
          </ol>
        </>
      )}
    </Screen>
  );
}
