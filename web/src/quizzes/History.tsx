import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';

interface Learning {
  studies: Array<{
    assignmentId: string;
    documentTitle: string;
    studied: number;
    total: number;
    lastAt: string;
  }>;
  practice: Array<{
    documentId: string;
    documentTitle: string;
    answered: number;
    correct: number;
    lastAt: string;
  }>;
  contests: Array<{
    contestId: string;
    title: string;
    score: number | null;
    total: number;
    startedAt: string;
  }>;
}

/** The member's own learning history: what they studied, practised and which contests they took. */
export function History() {
  const [state, retry] = useAsync(() => api<Learning>('GET', '/api/v1/me/learning'), []);
  return (
    <section aria-labelledby="st-history">
      <h2 id="st-history">{t('quiz.history')}</h2>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' &&
        (state.value.studies.length + state.value.practice.length + state.value.contests.length === 0 ? (
          <p>{t('quiz.historyEmpty')}</p>
        ) : (
          <ul class="list">
            {state.value.contests.map((c) => (
              <li key={c.contestId}>
                <span class="list-text">
                  <span class="list-title">{c.title}</span>
                  <span class="list-meta">
                    {' '}
                    {formatDate(c.startedAt)} · {t('quiz.scoreOf', { score: c.score ?? 0, total: c.total })}
                  </span>
                </span>
              </li>
            ))}
            {state.value.practice.map((p) => (
              <li key={p.documentId}>
                <span class="list-text">
                  <span class="list-title">{p.documentTitle}</span>
                  <span class="list-meta">
                    {' '}
                    {t('quiz.practice')} · {formatDate(p.lastAt)} ·{' '}
                    {t('quiz.scoreOf', { score: p.correct, total: p.answered })}
                  </span>
                </span>
              </li>
            ))}
            {state.value.studies.map((s) => (
              <li key={s.assignmentId}>
                <span class="list-text">
                  <span class="list-title">{s.documentTitle}</span>
                  <span class="list-meta">
                    {' '}
                    {formatDate(s.lastAt)} · {t('quiz.progress', { done: s.studied, total: s.total })}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
