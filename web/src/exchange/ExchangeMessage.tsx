import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import '../news/news.css';

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
  recipients: Array<{
    id: string;
    name: string;
    openedAt: string | null;
    acknowledgedAt: string | null;
    reminders: number;
  }>;
}

export default function ExchangeMessage(props: { messageId: string }) {
  const url = `/api/v1/exchange/${encodeURIComponent(props.messageId)}`;
  const [state, retry] = useAsync(() => api<Message>('GET', url), [url]);
  const [m, setM] = useState<Message | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (state.status === 'done') setM(state.value);
  }, [state]);

  async function ack() {
    try {
      setM(await api<Message>('POST', `${url}/ack`));
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  async function remind() {
    try {
      const r = await api<{ reminded: number }>('POST', `${url}/remind`);
      setNotice(t('exchange.reminded', { n: r.reminded }));
      setM(await api<Message>('GET', url));
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  const back = (
    <p>
      <a class="back-link" href="/exchange">
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
            {t('exchange.deadline', { date: formatDate(m.ackDeadline) })}
          </>
        )}
      </p>
      {m.body && <p>{m.body}</p>}
      {m.document && (
        <p>
          {t('exchange.attached')}:{' '}
          <a class="back-link" href={`/documents/${encodeURIComponent(m.document.id)}`}>
            {m.document.title}
          </a>
        </p>
      )}
      {m.files.length > 0 && (
        <ul class="list doc-files">
          {m.files.map((f) => (
            <li key={f.id}>
              <a href={f.url} download={f.fileName}>
                {t('doc.download', { name: f.fileName })}
              </a>
            </li>
          ))}
        </ul>
      )}
      {m.mine &&
        (m.mine.acknowledgedAt ? (
          <p class="alert alert-success">
            {t('exchange.acked', { date: formatDate(m.mine.acknowledgedAt) })}
          </p>
        ) : (
          <p>
            <button type="button" class="button button-primary" onClick={() => void ack()}>
              {t('exchange.ack')}
            </button>
          </p>
        ))}
      <Alert message={error} />
      <Alert kind="success" message={notice} />
      {m.isSender && (
        <section aria-labelledby="ex-recipients">
          <h2 id="ex-recipients">{t('exchange.recipients')}</h2>
          <table class="recipient-table">
            <tbody>
              {m.recipients.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td>
                    {r.acknowledgedAt
                      ? t('exchange.acked', { date: formatDate(r.acknowledgedAt) })
                      : r.openedAt
                        ? t('exchange.opened')
                        : t('exchange.notOpened')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {m.recipients.some((r) => !r.acknowledgedAt) && (
            <p>
              <button type="button" class="button" onClick={() => void remind()}>
                {t('exchange.remind')}
              </button>
            </p>
          )}
        </section>
      )}
    </Screen>
  );
}
