import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { apiUrl, meetingUrl, type MeetingDetail } from './types.ts';
import './meetings.css';

type Para = { id?: string; text: string };
type Task = { id?: string; content: string; owner: string; deadline?: string | null };

/** The secretary's preparation: materials, the structured draft resolution, publishing to the branch. */
export default function Prepare(props: { meetingId: string }) {
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<MeetingDetail>('GET', apiUrl(props.meetingId)),
        api<{ opened: number; total: number }>('GET', `${apiUrl(props.meetingId)}/reads`),
      ]),
    [props.meetingId],
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('meeting.prepare')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  const [m, reads] = state.value;
  return (
    <Screen
      before={
        <p>
          <a href={meetingUrl(m.id)}>{t('meeting.back')}</a>
        </p>
      }
      title={t('meeting.prepare')}
      lead={<p class="lead">{m.title}</p>}
    >
      <p>{t('meeting.readCount', reads)}</p>
      <Materials meeting={m} reload={retry} />
      <DraftEditor meeting={m} reload={retry} />
      {m.status === 'draft' && <Publish meeting={m} />}
    </Screen>
  );
}

function Materials(props: { meeting: MeetingDetail; reload: () => void }) {
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', `${apiUrl(props.meeting.id)}/materials`, {
        kind: documentId ? 'document' : 'link',
        title,
        url: url || null,
        documentId: documentId || null,
      });
      props.reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const remove = async (id: string) => {
    await api('DELETE', `${apiUrl(props.meeting.id)}/materials/${encodeURIComponent(id)}`);
    props.reload();
  };
  return (
    <section aria-labelledby="mt-mat">
      <h2 id="mt-mat">{t('meeting.materials')}</h2>
      <ul class="list">
        {props.meeting.materials.map((x) => (
          <li key={x.id} class="mt-row">
            <span>{x.title}</span>
            <button type="button" class="button button-danger" onClick={() => remove(x.id)}>
              {t('meeting.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="mt-form" onSubmit={add}>
        <label for="mt-mt">{t('meeting.materialTitle')}</label>
        <input
          id="mt-mt"
          required
          value={title}
          onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
        />
        <label for="mt-mu">{t('meeting.materialUrl')}</label>
        <input
          id="mt-mu"
          type="url"
          value={url}
          onInput={(e) => setUrl((e.target as HTMLInputElement).value)}
        />
        <label for="mt-md">{t('meeting.materialDocument')}</label>
        <input
          id="mt-md"
          value={documentId}
          onInput={(e) => setDocumentId((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button">
          {t('meeting.addMaterial')}
        </button>
        <Alert message={error} />
      </form>
    </section>
  );
}

function DraftEditor(props: { meeting: MeetingDetail; reload: () => void }) {
  const d = props.meeting.draft;
  const [title, setTitle] = useState(d?.title ?? `Nghị quyết ${props.meeting.title.toLocaleLowerCase('vi')}`);
  const [paras, setParas] = useState<Para[]>(d?.assessment ?? [{ text: '' }]);
  const [tasks, setTasks] = useState<Task[]>(d?.tasks ?? [{ content: '', owner: '' }]);
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'success' } | null>(null);
  const save = async (publish: boolean) => {
    setMessage(null);
    try {
      await api('PUT', `${apiUrl(props.meeting.id)}/draft`, {
        title,
        assessment: paras,
        tasks: tasks.map((x) => ({ ...x, deadline: x.deadline || null })),
      });
      if (publish) await api('POST', `${apiUrl(props.meeting.id)}/draft/publish`, {});
      setMessage({ text: publish ? t('meeting.published') : t('meeting.saved'), kind: 'success' });
    } catch (err) {
      setMessage({ text: errorMessage(err), kind: 'error' });
    }
  };
  const setPara = (i: number, text: string) => setParas(paras.map((p, j) => (j === i ? { ...p, text } : p)));
  const setTask = (i: number, change: Partial<Task>) =>
    setTasks(tasks.map((x, j) => (j === i ? { ...x, ...change } : x)));
  return (
    <section aria-labelledby="mt-dr" class="mt-form">
      <h2 id="mt-dr">{t('meeting.draft')}</h2>
      <label for="mt-dt">{t('meeting.draftTitle')}</label>
      <input id="mt-dt" value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
      <h3>{t('meeting.assessment')}</h3>
      {paras.map((p, i) => (
        <div key={p.id ?? `n${i}`}>
          <label for={`mt-p${i}`}>{t('meeting.paragraph', { n: i + 1 })}</label>
          <textarea
            id={`mt-p${i}`}
            rows={4}
            value={p.text}
            onInput={(e) => setPara(i, (e.target as HTMLTextAreaElement).value)}
          />
        </div>
      ))}
      <button type="button" class="button" onClick={() => setParas([...paras, { text: '' }])}>
        {t('meeting.addParagraph')}
      </button>
      <h3>{t('meeting.tasks')}</h3>
      {tasks.map((x, i) => (
        <fieldset key={x.id ?? `n${i}`} class="mt-form">
          <legend>{t('meeting.taskContent', { n: i + 1 })}</legend>
          <label for={`mt-tc${i}`}>{t('meeting.taskContent', { n: i + 1 })}</label>
          <textarea
            id={`mt-tc${i}`}
            rows={2}
            value={x.content}
            onInput={(e) => setTask(i, { content: (e.target as HTMLTextAreaElement).value })}
          />
          <label for={`mt-to${i}`}>{t('meeting.owner')}</label>
          <input
            id={`mt-to${i}`}
            value={x.owner}
            onInput={(e) => setTask(i, { owner: (e.target as HTMLInputElement).value })}
          />
          <label for={`mt-td${i}`}>{t('meeting.deadline')}</label>
          <input
            id={`mt-td${i}`}
            type="date"
            value={x.deadline ?? ''}
            onInput={(e) => setTask(i, { deadline: (e.target as HTMLInputElement).value })}
          />
        </fieldset>
      ))}
      <button type="button" class="button" onClick={() => setTasks([...tasks, { content: '', owner: '' }])}>
        {t('meeting.addTask')}
      </button>
      <div class="mt-row">
        <button type="button" class="button" onClick={() => save(false)}>
          {t('meeting.saveDraft')}
        </button>
        {props.meeting.status !== 'draft' && (
          <button type="button" class="button button-primary" onClick={() => save(true)}>
            {t('meeting.publishDraft')}
          </button>
        )}
      </div>
      <Alert message={message?.text} kind={message?.kind} />
    </section>
  );
}

function Publish(props: { meeting: MeetingDetail }) {
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'success' } | null>(null);
  const publish = async () => {
    try {
      const res = await api<{ warning: { message: string } | null }>(
        'POST',
        `${apiUrl(props.meeting.id)}/publish`,
        { expectedVersion: props.meeting.version },
      );
      setMessage({
        text: res.warning ? `${t('meeting.published')} ${res.warning.message}` : t('meeting.published'),
        kind: 'success',
      });
    } catch (err) {
      setMessage({ text: errorMessage(err), kind: 'error' });
    }
  };
  return (
    <section>
      <button type="button" class="button button-primary" onClick={publish}>
        {t('meeting.publish')}
      </button>
      <Alert message={message?.text} kind={message?.kind} />
    </section>
  );
}
