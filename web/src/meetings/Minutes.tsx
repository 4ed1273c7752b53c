import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { Quality } from './Quality.tsx';
import { apiUrl, meetingUrl, type MeetingDetail } from './types.ts';
import './meetings.css';

interface MinutesItem {
  index: number;
  title: string;
  notes: Array<{ speaker?: string; text: string }>;
  conclusion?: string;
}
interface MinutesView {
  status: string;
  canEdit: boolean;
  minutes: {
    subtitle: string;
    attendance: { present: number; base: number; absentMembers: Array<{ name: string; reason?: string }> };
    items: MinutesItem[];
    conclusion?: string;
  };
}
interface Resolution {
  adopted: boolean;
  tasks: Array<{ id: string; content: string; owner: string; deadline: string | null }>;
}

/** Notes as one line each ("Speaker: text"), the way a minute-taker writes them. */
const toText = (notes: MinutesItem['notes']) =>
  notes.map((n) => (n.speaker ? `${n.speaker}: ${n.text}` : n.text)).join('\n');
const fromText = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^([^:]{2,60}):\s+(.+)$/.exec(l);
      return m ? { speaker: m[1]!, text: m[2]! } : { text: l };
    });

export default function Minutes(props: { meetingId: string }) {
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<MeetingDetail>('GET', apiUrl(props.meetingId)),
        api<MinutesView>('GET', `${apiUrl(props.meetingId)}/minutes`),
        api<Resolution>('GET', `${apiUrl(props.meetingId)}/resolution`),
      ]),
    [props.meetingId],
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('meeting.minutes')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  const [m, view, resolution] = state.value;
  return (
    <Screen
      before={
        <p>
          <a href={meetingUrl(m.id)}>{t('meeting.back')}</a>
        </p>
      }
      title={t('meeting.minutes')}
      lead={<p class="lead">{view.minutes.subtitle}</p>}
    >
      <ul class="actions">
        <li>
          <a class="button button-primary" href={`${apiUrl(m.id)}/minutes.docx`} download>
            {t('meeting.downloadDocx')}
          </a>
        </li>
        <li>
          <a class="button" href={`${apiUrl(m.id)}/minutes.pdf`} download>
            {t('meeting.downloadPdf')}
          </a>
        </li>
      </ul>
      {m.durationMinutes !== null && <p>{t('meeting.duration', { minutes: m.durationMinutes })}</p>}
      {view.canEdit ? <Editor meeting={m} view={view} done={retry} /> : <Read view={view} />}
      {(m.permissions.manage || m.permissions.supervise) && <Quality meetingId={m.id} />}
      {resolution.adopted && (
        <section aria-labelledby="mt-res">
          <h2 id="mt-res">{t('meeting.resolution')}</h2>
          <ol>
            {resolution.tasks.map((x) => (
              <li key={x.id}>
                {x.content} — {t('meeting.taskOwner', { owner: x.owner })}
                {x.deadline && ` · ${t('meeting.taskDeadline', { date: formatDate(x.deadline) })}`}
              </li>
            ))}
          </ol>
        </section>
      )}
    </Screen>
  );
}

function Read(props: { view: MinutesView }) {
  return (
    <>
      {props.view.minutes.items.map((i) => (
        <section key={i.index}>
          <h2>{t('meeting.minutesItem', { n: i.index, title: i.title })}</h2>
          {i.notes.map((n, k) => (
            <p key={k}>{n.speaker ? `${n.speaker}: ${n.text}` : n.text}</p>
          ))}
          {i.conclusion && <p>{i.conclusion}</p>}
        </section>
      ))}
      {props.view.minutes.conclusion && <p>{props.view.minutes.conclusion}</p>}
    </>
  );
}

function Editor(props: { meeting: MeetingDetail; view: MinutesView; done: () => void }) {
  const items = props.view.minutes.items;
  const [texts, setTexts] = useState(items.map((i) => toText(i.notes)));
  const [conclusion, setConclusion] = useState(props.view.minutes.conclusion ?? '');
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'success' } | null>(null);
  const save = async () => {
    await api('PUT', `${apiUrl(props.meeting.id)}/minutes`, {
      items: items.map((i, k) => ({ index: i.index, notes: fromText(texts[k] ?? '') })),
      conclusion,
    });
  };
  const run = async (approve: boolean) => {
    setMessage(null);
    try {
      await save();
      if (approve) {
        await api('POST', `${apiUrl(props.meeting.id)}/minutes/approve`, {
          expectedVersion: props.meeting.version,
        });
        props.done();
      }
      setMessage({ text: t('meeting.saved'), kind: 'success' });
    } catch (e) {
      setMessage({ text: errorMessage(e), kind: 'error' });
    }
  };
  return (
    <section class="mt-form" aria-labelledby="mt-edit">
      <h2 id="mt-edit">{t('meeting.minutesEdit')}</h2>
      {items.map((i, k) => (
        <div key={i.index}>
          <label for={`mt-mi${k}`}>{t('meeting.minutesItem', { n: i.index, title: i.title })}</label>
          <textarea
            id={`mt-mi${k}`}
            rows={4}
            value={texts[k]}
            onInput={(e) =>
              setTexts(texts.map((x, j) => (j === k ? (e.target as HTMLTextAreaElement).value : x)))
            }
          />
        </div>
      ))}
      <label for="mt-mc">{t('meeting.minutesConclusion')}</label>
      <textarea
        id="mt-mc"
        rows={3}
        value={conclusion}
        onInput={(e) => setConclusion((e.target as HTMLTextAreaElement).value)}
      />
      <div class="mt-row">
        <button type="button" class="button" onClick={() => run(false)}>
          {t('meeting.saveMinutes')}
        </button>
        {props.meeting.permissions.manage && (
          <button type="button" class="button button-primary" onClick={() => run(true)}>
            {t('meeting.approveMinutes')}
          </button>
        )}
      </div>
      <Alert message={message?.text} kind={message?.kind} />
    </section>
  );
}
