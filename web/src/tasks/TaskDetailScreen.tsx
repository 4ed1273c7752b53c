import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { TaskItems } from './TaskItems.tsx';
import { stateLabel, type TaskDetail } from './types.ts';

/** A task: its state, sub-tasks, progress history, and the owner's progress update (slider or number + note). */
export default function TaskDetailScreen(props: { taskId: string }) {
  const url = `/api/v1/tasks/${encodeURIComponent(props.taskId)}`;
  const [state, retry] = useAsync(() => api<TaskDetail>('GET', url), [url]);
  const [progress, setProgress] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const task = state.value;
  const value = progress ?? task.progress;
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api('POST', `${url}/updates`, { progress: value, note });
      setNote('');
      setProgress(null);
      setSaved(true);
      retry();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <Screen title={task.title} before={<a href="/tasks">{t('tasks.back')}</a>}>
      <dl>
        <dt>{t('tasks.owner')}</dt>
        <dd>{task.ownerName || '—'}</dd>
        {task.contributors.length > 0 && (
          <>
            <dt>{t('tasks.contributors')}</dt>
            <dd>{task.contributors.map((c) => c.name).join(', ')}</dd>
          </>
        )}
        <dt>{t('tasks.deadline')}</dt>
        <dd>{task.deadline ? formatDate(task.deadline) : '—'}</dd>
        <dt>{t('tasks.stateLabel')}</dt>
        <dd>
          <span class={`badge task-${task.state}`}>{stateLabel(task.state)}</span> ·{' '}
          {Math.round(task.progress)}%
        </dd>
      </dl>
      {task.description && task.description !== task.title && <p>{task.description}</p>}
      {task.children.length > 0 && (
        <section aria-labelledby="tk-sub">
          <h2 id="tk-sub">{t('tasks.subtasks')}</h2>
          <TaskItems items={task.children} />
        </section>
      )}
      {task.canUpdate && (
        <form onSubmit={submit} aria-labelledby="tk-upd">
          <h2 id="tk-upd">{t('tasks.update')}</h2>
          <div class="field">
            <label for="tk-progress">{t('tasks.progress')}</label>
            <div class="task-progress-input">
              <input
                type="range"
                min={0}
                max={100}
                step={5}
                value={value}
                aria-label={t('tasks.progress')}
                onInput={(e) => setProgress(Number(e.currentTarget.value))}
              />
              <input
                id="tk-progress"
                type="number"
                min={0}
                max={100}
                value={value}
                onInput={(e) => setProgress(Number(e.currentTarget.value))}
              />
            </div>
          </div>
          <div class="field">
            <label for="tk-note">{t('tasks.note')}</label>
            <textarea
              id="tk-note"
              rows={4}
              value={note}
              maxLength={5000}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </div>
          <Alert message={error} />
          {saved && <p role="status">{t('tasks.saved')}</p>}
          <button class="button button-primary" type="submit">
            {t('tasks.save')}
          </button>
        </form>
      )}
      <section aria-labelledby="tk-hist">
        <h2 id="tk-hist">{t('tasks.history')}</h2>
        {task.updates.length === 0 ? (
          <p>{t('tasks.noUpdates')}</p>
        ) : (
          <ul class="list">
            {task.updates.map((u) => (
              <li key={u.id}>
                <strong>{Math.round(u.progress)}%</strong> · {u.authorName} · {formatDate(u.createdAt)}
                {u.note && <p>{u.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Screen>
  );
}
