import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import type { Assignment, Contest } from './types.ts';
import { History } from './History.tsx';
import './quizzes.css';

/** The member's study list: documents to study with their progress, contests, and practice. */
export default function StudyHome() {
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<{ items: Assignment[] }>('GET', '/api/v1/study-assignments'),
        api<{ items: Contest[] }>('GET', '/api/v1/contests'),
      ]),
    [],
  );
  return (
    <Screen title={t('quiz.title')}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && (
        <>
          <section aria-labelledby="st-contests">
            <h2 id="st-contests">{t('quiz.contests')}</h2>
            {state.value[1].items.length === 0 && <p>{t('quiz.noContests')}</p>}
            <ul class="list">
              {state.value[1].items.map((c) => (
                <li key={c.id}>
                  <a class="list-link" href={`/contests/${encodeURIComponent(c.id)}`}>
                    <span class="list-text">
                      <span class="list-title">{c.title}</span>
                      <span class="list-meta">
                        {' '}
                        {c.orgName} · {t('quiz.until', { date: formatDate(c.endsAt) })}
                      </span>
                    </span>
                    <span class="badges">
                      {c.attempt === 'finished' ? (
                        <span class="badge">
                          {t('quiz.scoreOf', { score: c.score ?? 0, total: c.questionCount })}
                        </span>
                      ) : c.open ? (
                        <span class="badge badge-late">{t('quiz.openNow')}</span>
                      ) : (
                        <span class="badge">{t('quiz.notOpen')}</span>
                      )}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="st-assigned">
            <h2 id="st-assigned">{t('quiz.assigned')}</h2>
            {state.value[0].items.length === 0 && <p>{t('quiz.noAssignments')}</p>}
            <ul class="list">
              {state.value[0].items.map((a) => (
                <li key={a.id}>
                  <a class="list-link" href={`/study/${encodeURIComponent(a.id)}`}>
                    <span class="list-text">
                      <span class="list-title">{a.documentTitle}</span>
                      <span class="list-meta">
                        {' '}
                        {a.orgName} · {t('quiz.deadline', { date: formatDate(a.deadline) })} ·{' '}
                        {t('quiz.progress', { done: a.studied.length, total: a.paragraphCount })}
                      </span>
                    </span>
                  </a>
                  <a class="button" href={`/quiz/practice/${encodeURIComponent(a.documentId)}`}>
                    {t('quiz.practice')}
                  </a>
                  {a.canTrack && (
                    <a class="button" href={`/quiz/review/${encodeURIComponent(a.documentId)}`}>
                      {t('quiz.reviewLink')}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <History />
        </>
      )}
    </Screen>
  );
}
