import { useState } from 'preact/hooks';
import type { Me } from '../api/types.ts';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import '../news/news.css';

interface BoxItem {
  id: string;
  title: string;
  senderName: string;
  createdAt: string;
  ackDeadline: string | null;
  openedAt?: string | null;
  acknowledgedAt?: string | null;
  recipients?: number;
  opened?: number;
  acknowledged?: number;
}

function SendUp() {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    try {
      const m = await api<{ id: string }>('POST', '/api/v1/exchange/to-committee', { title, body });
      navigate(`/exchange/${encodeURIComponent(m.id)}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <details>
      <summary class="button">{t('exchange.toCommittee')}</summary>
      <form class="stack editor-form" onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for="ex-title">{t('exchange.subject')}</label>
          <input
            id="ex-title"
            required
            maxLength={300}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="ex-body">{t('exchange.body')}</label>
          <textarea id="ex-body" rows={5} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </div>
        <Alert message={error} />
        <button type="submit" class="button button-primary">
          {t('exchange.send')}
        </button>
      </form>
    </details>
  );
}

const SENDING_ROLES = new Set(['admin', 'office', 'secretary', 'deputy_secretary', 'committee_member']);

/** A committee sends a document to every member of its organisation, with an optional acknowledgement deadline. */
function SendDown(props: { me: Me }) {
  const orgs = [
    ...new Map(props.me.roles.filter((r) => SENDING_ROLES.has(r.role)).map((r) => [r.orgId, r])).values(),
  ];
  const [orgId, setOrgId] = useState(orgs[0]?.orgId ?? '');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (orgs.length === 0) return null;
  async function submit(e: Event) {
    e.preventDefault();
    try {
      const m = await api<{ id: string }>('POST', '/api/v1/exchange', {
        fromOrgId: orgId,
        title,
        body,
        allMembersOf: [orgId],
        ackDeadline: deadline || null,
      });
      navigate(`/exchange/${encodeURIComponent(m.id)}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <details>
      <summary class="button">{t('exchange.sendDown')}</summary>
      <form class="stack editor-form" onSubmit={(e) => void submit(e)}>
        <div class="field">
          <label for="exd-org">{t('exchange.fromOrg')}</label>
          <select id="exd-org" value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
            {orgs.map((o) => (
              <option key={o.orgId} value={o.orgId}>
                {o.orgName}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="exd-title">{t('exchange.subject')}</label>
          <input
            id="exd-title"
            required
            maxLength={300}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="exd-body">{t('exchange.body')}</label>
          <textarea id="exd-body" rows={5} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="exd-deadline">{t('exchange.deadlineField')}</label>
          <input
            id="exd-deadline"
            type="date"
            value={deadline}
            onInput={(e) => setDeadline(e.currentTarget.value)}
          />
        </div>
        <Alert message={error} />
        <button type="submit" class="button button-primary">
          {t('exchange.send')}
        </button>
      </form>
    </details>
  );
}

/** Documents received (own and the committee's) and sent, with acknowledgement progress. */
export default function ExchangeBox(props: { me: Me; query: URLSearchParams }) {
  const box = props.query.get('box') === 'out' ? 'outbox' : 'inbox';
  const [state, retry] = useAsync(() => api<{ items: BoxItem[] }>('GET', `/api/v1/exchange/${box}`), [box]);
  return (
    <Screen title={t('exchange.title')}>
      <nav aria-label={t('exchange.title')}>
        <ul class="tabs">
          <li>
            <a href="/exchange" aria-current={box === 'inbox' ? 'page' : undefined}>
              {t('exchange.inbox')}
            </a>
          </li>
          <li>
            <a href="/exchange?box=out" aria-current={box === 'outbox' ? 'page' : undefined}>
              {t('exchange.outbox')}
            </a>
          </li>
        </ul>
      </nav>
      {props.me.member && <SendUp />}
      <SendDown me={props.me} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' &&
        (state.value.items.length === 0 ? (
          <p>{t('exchange.none')}</p>
        ) : (
          <ul class="list">
            {state.value.items.map((m) => (
              <li key={m.id} class={`news-item${box === 'inbox' && !m.openedAt ? ' is-unread' : ''}`}>
                <a class="list-link" href={`/exchange/${encodeURIComponent(m.id)}`}>
                  <span class="list-text">
                    <span class="list-title">{m.title}</span>
                    <span class="list-meta">
                      {' '}
                      {m.senderName} · {formatDate(m.createdAt)}
                      {m.ackDeadline
                        ? ` · ${t('exchange.deadline', { date: formatDate(m.ackDeadline) })}`
                        : ''}
                    </span>
                    {box === 'outbox' && (
                      <span class="news-excerpt">
                        {t('exchange.progress', {
                          opened: m.opened ?? 0,
                          acked: m.acknowledged ?? 0,
                          total: m.recipients ?? 0,
                        })}
                      </span>
                    )}
                  </span>
                  {box === 'inbox' && !m.acknowledgedAt && (
                    <span class="badges">
                      <span class="badge">{t('exchange.needsAck')}</span>
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        ))}
    </Screen>
  );
}
