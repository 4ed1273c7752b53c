import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { LinkRow } from './pickers.tsx';
import type { Assignment, Contest } from './types.ts';
import './quizzes.css';

/**
 * A committee's study work: the study assignments and contests it runs over its subtree, each opening its
 * progress or results, and the two forms to start new ones.
 */
export default function CommitteeStudy(props: { orgId: string }) {
  const id = encodeURIComponent(props.orgId);
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<{ name: string }>('GET', `/api/v1/orgs/${id}`),
        api<{ items: Assignment[] }>('GET', '/api/v1/study-assignments'),
        api<{ items: Contest[] }>('GET', '/api/v1/contests'),
      ]),
    [props.orgId],
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const [org, assignments, contests] = state.value;
  const ours = assignments.items.filter((a) => a.canTrack);
  const run = contests.items.filter((c) => c.canManage);
  return (
    <Screen title={t('quizAdmin.title')} lead={<p class="lead">{org.name}</p>}>
      <p class="actions">
        <a class="button button-primary" href={`/orgs/${id}/study/new`}>
          {t('quizAdmin.newAssignment')}
        </a>
        <a class="button button-primary" href={`/orgs/${id}/contests/new`}>
          {t('quizAdmin.newContest')}
        </a>
      </p>
      <section aria-labelledby="qa-contests">
        <h2 id="qa-contests">{t('quizAdmin.contests')}</h2>
        {run.length === 0 && <p>{t('quiz.noContests')}</p>}
        <ul class="list">
          {run.map((c) => (
            <LinkRow
              key={c.id}
              href={`/contests/${encodeURIComponent(c.id)}`}
              title={c.title}
              meta={`${c.orgName} · ${formatDate(c.startsAt)} – ${formatDate(c.endsAt)}`}
              badge={
                <span class={c.open ? 'badge badge-late' : 'badge'}>
                  {c.open ? t('quiz.openNow') : t('quiz.notOpen')}
                </span>
              }
            />
          ))}
        </ul>
      </section>
      <section aria-labelledby="qa-assignments">
        <h2 id="qa-assignments">{t('quizAdmin.assignments')}</h2>
        {ours.length === 0 && <p>{t('quiz.noAssignments')}</p>}
        <ul class="list">
          {ours.map((a) => (
            <LinkRow
              key={a.id}
              href={`/study/${encodeURIComponent(a.id)}`}
              title={a.documentTitle}
              meta={`${a.orgName} · ${t('quiz.deadline', { date: formatDate(a.deadline) })}`}
            />
          ))}
        </ul>
      </section>
    </Screen>
  );
}
