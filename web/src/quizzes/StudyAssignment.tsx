import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import type { Assignment } from './types.ts';
import { Progress } from './Progress.tsx';
import './quizzes.css';

/** One assigned document, paragraph by paragraph, each with a "studied" switch. */
export default function StudyAssignment(props: { assignmentId: string }) {
  const [state, retry] = useAsync(async () => {
    const a = await api<Assignment>(
      'GET',
      `/api/v1/study-assignments/${encodeURIComponent(props.assignmentId)}`,
    );
    const doc = await api<{ paragraphs: Array<{ id: string; text: string }> }>(
      'GET',
      `/api/v1/documents/${encodeURIComponent(a.documentId)}`,
    );
    return { a, paragraphs: doc.paragraphs };
  }, [props.assignmentId]);
  const [studied, setStudied] = useState<string[] | null>(null);
  const [error, setError] = useState('');
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const { a, paragraphs } = state.value;
  const done = studied ?? a.studied;
  const mark = async (ids: string[], on: boolean) => {
    setError('');
    try {
      const r = await api<Assignment>(
        'POST',
        `/api/v1/study-assignments/${encodeURIComponent(a.id)}/studied`,
        {
          paragraphIds: ids,
          studied: on,
        },
      );
      setStudied(r.studied);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Screen
      title={a.documentTitle}
      lead={
        <p class="lead">
          {a.orgName} · {t('quiz.deadline', { date: formatDate(a.deadline) })}
        </p>
      }
    >
      {a.note && <p>{a.note}</p>}
      {a.canTrack && <Progress assignmentId={a.id} />}
      <p role="status">{t('quiz.progress', { done: done.length, total: paragraphs.length })}</p>
      {error && <p role="alert">{error}</p>}
      <p class="actions">
        <button
          type="button"
          class="button button-primary"
          onClick={() =>
            void mark(
              paragraphs.map((p) => p.id),
              true,
            )
          }
        >
          {t('quiz.markAll')}
        </button>
        <a class="button" href={`/quiz/practice/${encodeURIComponent(a.documentId)}`}>
          {t('quiz.practice')}
        </a>
      </p>
      <ol class="study-paragraphs">
        {paragraphs.map((p) => {
          const on = done.includes(p.id);
          return (
            <li key={p.id} id={`p-${p.id}`}>
              <p>{p.text}</p>
              <label class="quiz-option">
                <input type="checkbox" checked={on} onChange={() => void mark([p.id], !on)} />
                <span>{t('quiz.studied')}</span>
              </label>
            </li>
          );
        })}
      </ol>
    </Screen>
  );
}
