import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { TaskItems } from './TaskItems.tsx';
import type { Task } from './types.ts';

/** The member's own tasks (owner or contributor), open ones first. */
export default function MyTasks() {
  const [state, retry] = useAsync(() => api<{ items: Task[] }>('GET', '/api/v1/tasks/mine'), []);
  return (
    <Screen title={t('tasks.title')} lead={t('tasks.lead')}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && <TaskItems items={state.value.items} />}
    </Screen>
  );
}
