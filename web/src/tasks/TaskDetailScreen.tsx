import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { TaskItems } from './TaskItems.tsx';
import { AddFiles, FileLinks, FilePicker, checkChosen, uploadAll } from './files.tsx';
import { stateLabel, type TaskDetail } from './types.ts';

/**
 * A task: its state, sub-tasks, progress history with attached files, and the owner's progress update (slider or
 * number, note, photos or documents).
 */
export default function TaskDetailScreen(props: { taskId: string }) {
  const url = `/api/v1/tasks/${encodeURIComponent(props.taskId)}`;
  const [state, retry] = useAsync(() => api<TaskDetail>('GET', url), [url]);
  // Later answers replace the first load without a loading screen, so messages and focus stay put.
  const [fresh, setFresh] = useState<TaskDetail | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const task = fresh ?? state.value;
  const value = progress ?? task.progress;
  const reload = () => {
    api<TaskDetail>('GET', url).then(setFresh, (err: unknown) => setError(errorMessage(err)));
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setSaved(null);
    const problem = checkChosen(files, 0, task.maxFileBytes);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      const posted = await api<TaskDetail & { updateId: string }>('POST', `${url}/updates`, {
        progress: value,
        note,
      });
      const failed = files.length > 0 ? await uploadAll(task.id, posted.updateId, files) : [];
      setNote('');
      setProgress(null);
      setFiles([]);
      setSaved(
        files.length > 0 ? t('tasks.filesSaved', { count: files.length - failed.length }) : t('tasks.saved'),
      );
      if (failed.length > 0) setError(failed.join(' '));
      if (files.length > 0) reload();
      else setFresh(posted);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
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
          <div class="field">
            <label for="tk-files">{t('tasks.files')}</label>
            <p class="muted" id="tk-files-hint">
              {t('tasks.attachHint', { size: Math.round(task.maxFileBytes / 1024 / 1024) })}
            </p>
            <FilePicker id="tk-files" files={files} onChange={setFiles} describedBy="tk-files-hint" />
          </div>
          <Alert message={error} />
          <Alert message={saved} kind="success" />
          <button class="button button-primary" type="submit" disabled={busy}>
            {busy ? t('tasks.uploading') : t('tasks.save')}
          </button>
        </form>
      )}
      <section aria-labelledby="tk-hist">
        <h2 id="tk-hist">{t('tasks.history')}</h2>
        {task.updates.length === 0 ? (
          <p>{t('tasks.noUpdates')}</p>
        ) : (
          <ul class="list">
            {task.updates.map((u, i) => (
              <li key={u.id}>
                <strong>{Math.round(u.progress)}%</strong> · {u.authorName} · {formatDate(u.createdAt)}
                {u.note && <p>{u.note}</p>}
                <FileLinks files={u.files} />
                {/* More files go on the latest report only, to keep the history calm. */}
                {i === 0 && u.canAttach && u.files.length < 10 && (
                  <AddFiles
                    taskId={task.id}
                    updateId={u.id}
                    already={u.files.length}
                    maxBytes={task.maxFileBytes}
                    onDone={reload}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Screen>
  );
}
