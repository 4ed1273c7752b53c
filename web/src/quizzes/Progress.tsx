import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';

interface ProgressView {
  members: number;
  started: number;
  completed: number;
  children: Array<{ id: string; name: string; members: number; started: number; completed: number }>;
}

/** For committees: how far each organisation below has come with an assigned document. */
export function Progress(props: { assignmentId: string }) {
  const [state, retry] = useAsync(
    () =>
      api<ProgressView>(
        'GET',
        `/api/v1/study-assignments/${encodeURIComponent(props.assignmentId)}/progress`,
      ),
    [props.assignmentId],
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const p = state.value;
  return (
    <section aria-labelledby="st-progress">
      <h2 id="st-progress">{t('quiz.orgProgress')}</h2>
      <p>{t('quiz.progressLine', { completed: p.completed, started: p.started, members: p.members })}</p>
      <ul class="list">
        {p.children.map((c) => (
          <li key={c.id}>
            <span class="list-text">
              <span class="list-title">{c.name}</span>
              <span class="list-meta">
                {' '}
                {t('quiz.progressLine', { completed: c.completed, started: c.started, members: c.members })}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
