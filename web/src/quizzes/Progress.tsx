import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';

interface ProgressView {
  org: { id: string; name: string };
  paragraphCount: number;
  members: number;
  started: number;
  completed: number;
  children: Array<{ id: string; name: string; members: number; started: number; completed: number }>;
  people: Array<{ memberId: string; name: string; studied: number }>;
}

/**
 * For committees: how far each organisation below has come with an assigned document. Opening an
 * organisation shows the ones below it, down to the members of a branch.
 */
export function Progress(props: { assignmentId: string }) {
  const [trail, setTrail] = useState<Array<{ id: string; name: string }>>([]);
  const orgId = trail[trail.length - 1]?.id;
  const [state, retry] = useAsync(
    () =>
      api<ProgressView>(
        'GET',
        `/api/v1/study-assignments/${encodeURIComponent(props.assignmentId)}/progress${
          orgId ? `?orgId=${encodeURIComponent(orgId)}` : ''
        }`,
      ),
    [props.assignmentId, orgId],
  );
  return (
    <section aria-labelledby="st-progress">
      <h2 id="st-progress">{t('quiz.orgProgress')}</h2>
      {trail.length > 0 && (
        <p class="actions">
          <button type="button" class="button" onClick={() => setTrail(trail.slice(0, -1))}>
            {t('quizAdmin.up')}
          </button>
        </p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && (
        <>
          <h3>{state.value.org.name}</h3>
          <p>
            {t('quiz.progressLine', {
              completed: state.value.completed,
              started: state.value.started,
              members: state.value.members,
            })}
          </p>
          {state.value.children.length > 0 && (
            <ul class="list">
              {state.value.children.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    class="list-link quiz-drill"
                    onClick={() => setTrail([...trail, { id: c.id, name: c.name }])}
                  >
                    <span class="list-text">
                      <span class="list-title">{c.name}</span>
                      <span class="list-meta">
                        {' '}
                        {t('quiz.progressLine', {
                          completed: c.completed,
                          started: c.started,
                          members: c.members,
                        })}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {state.value.children.length === 0 && (
            <>
              <h3>{t('quizAdmin.people')}</h3>
              {state.value.people.length === 0 ? (
                <p>{t('quizAdmin.nobodyYet')}</p>
              ) : (
                <ul class="list">
                  {state.value.people.map((p) => (
                    <li key={p.memberId}>
                      <span class="list-text">
                        <span class="list-title">{p.name}</span>
                        <span class="list-meta">
                          {' '}
                          {t('quiz.progress', { done: p.studied, total: state.value.paragraphCount })}
                        </span>
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
