import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { ACCEPT_FILES, formatMoment, uploadFiles } from './shared.ts';
import '../news/news.css';
import './exchange.css';

interface Recipient {
  id: string;
  name: string;
  kind: string;
  receivedAt: string;
  openedAt: string | null;
  acknowledgedAt: string | null;
  reminders: number;
}

interface Message {
  id: string;
  title: string;
  body: string;
  senderName: string;
  createdAt: string;
  ackDeadline: string | null;
  document: { id: string; title: string } | null;
  files: Array<{ id: string; fileName: string; url: string }>;
  mine: { openedAt: string | null; acknowledgedAt: string | null } | null;
  isSender: boolean;
  recipients: Recipient[];
}

function Step(props: { at: string | null; done: string; missing: string }) {
  return (
    <li class={`ex-step ${props.at ? 'is-done' : 'is-missing'}`}>
      {props.at ? `✓ ${props.done} ${formatMoment(props.at)}` : props.missing}
    </li>
  );
}

/** The sender's view: who received, opened and acknowledged, and one button for everyone still missing. */
function Tracking(props: { m: Message; onChange: () => Promise<void> }) {
  const { m } = props;
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const total = m.recipients.length;
  const opened = m.recipients.filter((r) => r.openedAt).length;
  const acked = m.recipients.filter((r) => r.acknowledgedAt).length;
  // Those who have not acknowledged first: they are who the sender is looking for.
  const ordered = [...m.recipients]
    .filter((r) => !onlyMissing || !r.acknowledgedAt)
    .sort((a, b) => Number(!!a.acknowledgedAt) - Number(!!b.acknowledgedAt));
  async function remind() {
    try {
      setError(null);
      const r = await api<{ reminded: number }>(
        'POST',
        `/api/v1/exchange/${encodeURIComponent(m.id)}/remind`,
      );
      setNotice(t('exchange.reminded', { n: r.reminded }));
      await props.onChange();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <section aria-labelledby="ex-recipients">
      <h2 id="ex-recipients">{t('exchange.recipients')}</h2>
      <p class="ex-summary">
        <span class="badge">{t('exchange.countReceived', { n: total })}</span>
        <span class="badge">{t('exchange.countOpened', { n: opened, total })}</span>
        <span class="badge">{t('exchange.countAcked', { n: acked, total })}</span>
      </p>
      {acked < total && (
        <p>
          <button type="button" class="button button-primary" onClick={() => void remind()}>
            {t('exchange.remindN', { n: total - acked })}
          </button>
        </p>
      )}
      <Alert message={error} />
      <Alert kind="success" message={notice} />
      {/* A letter to a whole commune has hundreds of recipients: the sender looks for those still missing. */}
      {total > 10 && acked > 0 && acked < total && (
        <label class="check">
          <input
            type="checkbox"
            checked={onlyMissing}
            onChange={(e) => setOnlyMissing(e.currentTarget.checked)}
          />
          {t('exchange.onlyMissing', { n: total - acked })}
        </label>
      )}
      <ul class="ex-recipients">
        {ordered.map((r) => (
          <li key={r.id} data-recipient={r.name}>
            <span class="list-title">{r.name}</span>
            {r.kind === 'org' && <span class="list-meta"> · {t('exchange.asOrg')}</span>}
            <ul class="ex-steps">
              <Step at={r.receivedAt} done={t('exchange.stepReceived')} missing="" />
              <Step at={r.openedAt} done={t('exchange.stepOpened')} missing={t('exchange.notOpened')} />
              <Step at={r.acknowledgedAt} done={t('exchange.stepAcked')} missing={t('exchange.notAcked')} />
            </ul>
            {r.reminders > 0 && !r.acknowledgedAt && (
              <span class="list-meta">{t('exchange.remindedTimes', { n: r.reminders })}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The sender adds a file that was refused or forgotten when sending. */
function AttachMore(props: { id: string; onChange: () => Promise<void> }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: Event) {
    e.preventDefault();
    const files = Array.from(input.current?.files ?? []);
    if (files.length === 0) return;
    setBusy(true);
    const failed = await uploadFiles(props.id, files);
    setBusy(false);
    setError(failed.length ? failed.map((f) => `${f.name}: ${f.message}`).join('; ') : null);
    if (input.current) input.current.value = '';
    await props.onChange();
  }
  return (
    <form class="stack editor-form" onSubmit={(e) => void submit(e)}>
      <div class="field">
        <label for="ex-more">{t('exchange.attachMore')}</label>
        <input id="ex-more" ref={input} type="file" multiple accept={ACCEPT_FILES} />
      </div>
      <Alert message={error} />
      <button type="submit" class="button" disabled={busy}>
        {t('exchange.attach')}
      </button>
    </form>
  );
}

export default function ExchangeMessage(props: { messageId: string }) {
  const url = `/api/v1/exchange/${encodeURIComponent(props.messageId)}`;
  const [state, retry] = useAsync(() => api<Message>('GET', url), [url]);
  const [m, setM] = useState<Message | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (state.status === 'done') setM(state.value);
  }, [state]);
  const reload = async () => setM(await api<Message>('GET', url));

  async function ack() {
    try {
      setM(await api<Message>('POST', `${url}/ack`));
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  const back = (
    <p>
      <a class="back-link" href={m?.isSender && !m.mine ? '/exchange?box=out' : '/exchange'}>
        {t('exchange.title')}
      </a>
    </p>
  );
  if (!m)
    return (
      <Screen title={t('exchange.title')} before={back}>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      </Screen>
    );
  return (
    <Screen title={m.title} before={back}>
      <p class="article-meta">
        {t('exchange.from', { name: m.senderName })} · {formatDate(m.createdAt)}
        {m.ackDeadline && (
          <>
            <br />
            <strong>{t('exchange.deadline', { date: formatDate(m.ackDeadline) })}</strong>
          </>
        )}
      </p>
      {m.body && <p class="ex-body">{m.body}</p>}
      {m.document && (
        <p>
          {t('exchange.attached')}:{' '}
          <a class="back-link" href={`/documents/${encodeURIComponent(m.document.id)}`}>
            {m.document.title}
          </a>
        </p>
      )}
      {m.files.length > 0 && (
        <section aria-labelledby="ex-files">
          <h2 id="ex-files">{t('exchange.files')}</h2>
          <ul class="ex-files">
            {m.files.map((f) => (
              <li key={f.id}>
                <a href={f.url} download={f.fileName}>
                  {t('doc.download', { name: f.fileName })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.mine &&
        (m.mine.acknowledgedAt ? (
          <p class="alert alert-success">
            {t('exchange.acked', { date: formatMoment(m.mine.acknowledgedAt) })}
          </p>
        ) : (
          <p>
            <button type="button" class="button button-primary" onClick={() => void ack()}>
              {t('exchange.ack')}
            </button>
          </p>
        ))}
      <Alert message={error} />
      {m.isSender && <Tracking m={m} onChange={reload} />}
      {m.isSender && <AttachMore id={m.id} onChange={reload} />}
    </Screen>
  );
}
