import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { TaskItems } from './TaskItems.tsx';
import type { Task } from './types.ts';

interface OrgTaskList {
  items: Task[];
  summary: Record<string, number>;
  canManage: boolean;
}

/** The branch's tasks with today's states, for the secretary; the committee can give a new one here. */
export default function OrgTasks(props: { orgId: string }) {
  const [state, retry] = useAsync(
    () => api<OrgTaskList>('GET', `/api/v1/orgs/${encodeURIComponent(props.orgId)}/tasks`),
    [props.orgId],
  );
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', `/api/v1/orgs/${encodeURIComponent(props.orgId)}/tasks`, {
        title,
        deadline: deadline || null,
      });
      setTitle('');
      setDeadline('');
      retry();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Screen title={t('tasks.orgTitle')}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && (
        <>
          <p>
            {t('tasks.summary', {
              total: state.value.summary.total ?? 0,
              onTime: state.value.summary.onTime ?? 0,
              overdue: state.value.summary.overdue ?? 0,
            })}
          </p>
          <TaskItems items={state.value.items.filter((i) => i.parentId === null)} />
          {state.value.canManage && (
            <form onSubmit={add}>
              <h2>{t('tasks.new')}</h2>
              <div class="field">
                <label for="tk-title">{t('tasks.fieldTitle')}</label>
                <input
                  id="tk-title"
                  value={title}
                  required
                  maxLength={300}
                  onInput={(e) => setTitle(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for="tk-deadline">{t('tasks.fieldDeadline')}</label>
                <input
                  id="tk-deadline"
                  type="date"
                  value={deadline}
                  onInput={(e) => setDeadline(e.currentTarget.value)}
                />
              </div>
              <Alert message={error} />
              <button class="button button-primary" type="submit">
                {t('tasks.add')}
              </button>
            </form>
          )}
        </>
      )}
    </Screen>
  );
}
