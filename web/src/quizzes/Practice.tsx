import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { Options } from './Options.tsx';
import './quizzes.css';

interface Asked {
  id: string;
  kind: 'single' | 'multiple' | 'true_false';
  stem: string;
  options: string[];
}
interface Feedback {
  correct: boolean;
  correctOptions: number[];
  paragraph: { id: string; text: string };
}

/** Practice on a document: one question at a time, checked by the server, with the paragraph it comes from. */
export default function Practice(props: { documentId: string }) {
  const [state, retry] = useAsync(
    () =>
      api<{ documentTitle: string; questions: Asked[] }>(
        'GET',
        `/api/v1/documents/${encodeURIComponent(props.documentId)}/practice?count=10`,
      ),
    [props.documentId],
  );
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<number[]>([]);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [right, setRight] = useState(0);
  const [error, setError] = useState('');
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const { questions, documentTitle } = state.value;
  const title = t('quiz.practiceTitle');
  if (questions.length === 0)
    return (
      <Screen title={title} lead={<p class="lead">{documentTitle}</p>}>
        <p>{t('quiz.noQuestions')}</p>
      </Screen>
    );
  if (index >= questions.length)
    return (
      <Screen title={title} lead={<p class="lead">{documentTitle}</p>}>
        <p role="status" class="quiz-score">
          {t('quiz.scoreOf', { score: right, total: questions.length })}
        </p>
        <p class="actions">
          <a class="button button-primary" href={`/quiz/practice/${encodeURIComponent(props.documentId)}`}>
            {t('quiz.again')}
          </a>
          <a class="button" href="/study">
            {t('quiz.title')}
          </a>
        </p>
      </Screen>
    );
  const q = questions[index]!;
  const check = async () => {
    setError('');
    try {
      const f = await api<Feedback>('POST', `/api/v1/quiz-questions/${encodeURIComponent(q.id)}/check`, {
        chosen,
      });
      setFeedback(f);
      if (f.correct) setRight((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Screen title={title} lead={<p class="lead">{documentTitle}</p>}>
      <p class="quiz-counter">{t('quiz.questionOf', { n: index + 1, total: questions.length })}</p>
      <h2 class="quiz-stem">{q.stem}</h2>
      <Options
        name={`q-${q.id}`}
        kind={q.kind}
        options={q.options}
        chosen={chosen}
        disabled={feedback !== null}
        correct={feedback?.correctOptions}
        onChange={setChosen}
      />
      {error && <p role="alert">{error}</p>}
      {feedback ? (
        <div role="status" class={`quiz-feedback ${feedback.correct ? 'quiz-right' : 'quiz-wrong'}`}>
          <p>
            <strong>{feedback.correct ? t('quiz.right') : t('quiz.wrong')}</strong>
          </p>
          <blockquote>{feedback.paragraph.text}</blockquote>
          <button
            type="button"
            class="button button-primary"
            onClick={() => {
              setIndex(index + 1);
              setChosen([]);
              setFeedback(null);
            }}
          >
            {t('quiz.next')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          class="button button-primary"
          disabled={chosen.length === 0}
          onClick={() => void check()}
        >
          {t('quiz.check')}
        </button>
      )}
    </Screen>
  );
}
