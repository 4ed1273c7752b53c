import { useState } from 'preact/hooks';
import { ApiError, api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { formatNumber, t } from '../i18n/i18n.ts';
import type { TaskFile } from './types.ts';

/** What the server accepts on a progress update (it checks the content again). */
export const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.odt,.xlsx,image/*';
export const MAX_FILES = 10;

export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** A problem with the chosen files that the server would refuse anyway, found before anything is sent. */
export function checkChosen(files: File[], already: number, maxBytes: number): string | null {
  const hint = t('tasks.attachHint', { size: Math.round(maxBytes / 1024 / 1024) });
  if (files.length + already > MAX_FILES) return hint;
  const big = files.find((f) => f.size > maxBytes);
  return big ? t('tasks.fileFailed', { name: big.name, message: hint }) : null;
}

/** The upload check's own words (which types are allowed, the size limit) when the server gives them. */
function uploadMessage(err: unknown): string {
  if (err instanceof ApiError && Array.isArray(err.details)) {
    const detail = err.details[0] as { message?: unknown } | undefined;
    if (typeof detail?.message === 'string') return detail.message;
  }
  return errorMessage(err);
}

/** Sends the files one by one to a progress update; returns the messages of those that failed. */
export async function uploadAll(taskId: string, updateId: string, files: File[]): Promise<string[]> {
  const url = `/api/v1/tasks/${encodeURIComponent(taskId)}/updates/${encodeURIComponent(updateId)}/files`;
  const failed: string[] = [];
  for (const file of files) {
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      await api('POST', url, form);
    } catch (err) {
      failed.push(t('tasks.fileFailed', { name: file.name, message: uploadMessage(err) }));
    }
  }
  return failed;
}

/** A file picker for several files, with the app's own big button and the chosen names read back. */
export function FilePicker(props: {
  id: string;
  files: File[];
  onChange: (files: File[]) => void;
  label?: string;
  /** Id of the text that says which files are accepted. */
  describedBy?: string;
}) {
  const names = props.files.map((f) => f.name).join(', ');
  return (
    <div class="file-picker">
      <input
        id={props.id}
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby={props.describedBy}
        onChange={(e) => props.onChange([...(e.currentTarget.files ?? [])])}
      />
      <label for={props.id} class="button" aria-hidden="true">
        {props.label ?? t('tasks.attach')}
      </label>
      <span class="file-name">
        {props.files.length === 0
          ? t('tasks.noFiles')
          : t('tasks.filesChosen', { count: props.files.length, names })}
      </span>
    </div>
  );
}

/** The files of one progress update, each a big download link. */
export function FileLinks(props: { files: TaskFile[] }) {
  if (props.files.length === 0) return null;
  return (
    <ul class="task-files" aria-label={t('tasks.files')}>
      {props.files.map((f) => (
        <li key={f.id}>
          <a class="task-file" href={f.url} target="_blank" rel="noopener">
            {t('tasks.download', { name: f.fileName, size: fileSize(f.size) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Adds files to an update already posted (e.g. one that failed to upload the first time). */
export function AddFiles(props: {
  taskId: string;
  updateId: string;
  already: number;
  maxBytes: number;
  onDone: () => void;
}) {
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const id = `tk-add-${props.updateId}`;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (files.length === 0) return;
    const problem = checkChosen(files, props.already, props.maxBytes);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    setAdded(null);
    const failed = await uploadAll(props.taskId, props.updateId, files);
    setBusy(false);
    setFiles([]);
    if (failed.length > 0) setError(failed.join(' '));
    if (failed.length < files.length)
      setAdded(t('tasks.filesAdded', { count: files.length - failed.length }));
    props.onDone();
  };
  return (
    <form class="task-add-files" onSubmit={submit} aria-label={t('tasks.addFiles')}>
      <FilePicker id={id} files={files} onChange={setFiles} label={t('tasks.attachMore')} />
      {files.length > 0 && (
        <button class="button" type="submit" disabled={busy}>
          {busy ? t('tasks.uploading') : t('tasks.addFiles')}
        </button>
      )}
      <Alert message={error} />
      <Alert message={added} kind="success" />
    </form>
  );
}
