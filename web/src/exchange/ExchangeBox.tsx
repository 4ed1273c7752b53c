import { useState } from 'preact/hooks';
import type { Me } from '../api/types.ts';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { formatMoment, sendingOrgs } from './shared.ts';
import '../news/news.css';
import './exchange.css';

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
  files?: Array<{ id: string; fileName: string; url: string }>;
}

function Meta(props: { m: BoxItem }) {
  const m = props.m;
  return (
    <span class="list-meta">
      {m.senderName} · {formatDate(m.createdAt)}
      {m.ackDeadline ? ` · ${t('exchange.deadline', { date: formatDate(m.ackDeadline) })}` : ''}
    </span>
  );
}

/** A received letter: its files to open at once and, until it is done, the acknowledgement button. */
function InboxItem(props: { item: BoxItem }) {
  const [m, setM] = useState(props.item);
  const [error, setError] = useState<string | null>(null);
  async function ack() {
    try {
      setError(null);
      const r = await api<{ mine: { acknowledgedAt: string | null; openedAt: string | null } | null }>(
        'POST',
        `/api/v1/exchange/${encodeURIComponent(m.id)}/ack`,
      );
      setM({ ...m, acknowledgedAt: r.mine?.acknowledgedAt ?? null, openedAt: r.mine?.openedAt ?? null });
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <li class={`ex-item news-item${m.openedAt ? '' : ' is-unread'}`}>
      <a class="list-link" href={`/exchange/${encodeURIComponent(m.id)}`}>
        <span class="list-text">
          <span class="list-title">{m.title}</span>
          <Meta m={m} />
        </span>
      </a>
      {(m.files ?? []).length > 0 && (
        <ul class="ex-files" aria-label={t('exchange.files')}>
          {(m.files ?? []).map((f) => (
            <li key={f.id}>
              <a href={f.url} download={f.fileName}>
                {t('doc.download', { name: f.fileName })}
              </a>
            </li>
          ))}
        </ul>
      )}
      <div class="ex-item-actions">
        {m.acknowledgedAt ? (
          <span class="ex-done">✓ {t('exchange.acked', { date: formatMoment(m.acknowledgedAt) })}</span>
        ) : (
          <button
            type="button"
            class="button button-primary"
            aria-label={`${t('exchange.ack')}: ${m.title}`}
            onClick={() => void ack()}
          >
            {t('exchange.ack')}
          </button>
        )}
      </div>
      <Alert message={error} />
    </li>
  );
}

/** Documents received (own and the committee's) and sent, with acknowledgement progress. */
export default function ExchangeBox(props: { me: Me; query: URLSearchParams }) {
  const box = props.query.get('box') === 'out' ? 'outbox' : 'inbox';
  const [state, retry] = useAsync(() => api<{ items: BoxItem[] }>('GET', `/api/v1/exchange/${box}`), [box]);
  const canSendDown = sendingOrgs(props.me).length > 0;
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
      <p class="actions">
        {canSendDown && (
          <a class="button button-primary" href="/exchange/new">
            {t('exchange.compose')}
          </a>
        )}
        {props.me.member && (
          <a class="button" href="/exchange/new?to=committee">
            {t('exchange.toCommittee')}
          </a>
        )}
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' &&
        (state.value.items.length === 0 ? (
          <p>{t('exchange.none')}</p>
        ) : box === 'inbox' ? (
          <ul class="list">
            {state.value.items.map((m) => (
              <InboxItem key={m.id} item={m} />
            ))}
          </ul>
        ) : (
          <ul class="list">
            {state.value.items.map((m) => (
              <li key={m.id} class="news-item">
                <a class="list-link" href={`/exchange/${encodeURIComponent(m.id)}`}>
                  <span class="list-text">
                    <span class="list-title">{m.title}</span>
                    <Meta m={m} />
                    <span class="news-excerpt">
                      {t('exchange.progress', {
                        opened: m.opened ?? 0,
                        acked: m.acknowledged ?? 0,
                        total: m.recipients ?? 0,
                      })}
                    </span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ))}
    </Screen>
  );
}
