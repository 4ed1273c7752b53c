import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { GuideLink } from '../guides/GuideLink.tsx';
import { unread } from './unread.ts';
import './notifications.css';

interface Item {
  id: string;
  title: string;
  body: string;
  url: string | null;
  createdAt: string;
  readAt: string | null;
}
interface Page {
  items: Item[];
  nextBefore: string | null;
  unread: number;
}

/** The in-app inbox: newest first, unread in bold; opening one marks it read and goes to what it is about. */
export default function Inbox() {
  const [items, setItems] = useState<Item[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [state, retry] = useAsync(async () => {
    const page = await api<Page>('GET', '/api/v1/notifications?limit=30');
    setItems(page.items);
    setNext(page.nextBefore);
    unread.set(page.unread);
    return page;
  }, []);

  const open = async (item: Item) => {
    try {
      if (!item.readAt)
        unread.set((await api<{ unread: number }>('POST', `/api/v1/notifications/${item.id}/read`)).unread);
    } catch (err) {
      setError(errorMessage(err));
    }
    navigate(item.url ?? '/notifications');
  };
  const readAll = async () => {
    try {
      await api('POST', '/api/v1/notifications/read-all');
      const now = new Date().toISOString();
      setItems((list) => list.map((i) => ({ ...i, readAt: i.readAt ?? now })));
      unread.set(0);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const older = async () => {
    if (!next) return;
    const page = await api<Page>('GET', `/api/v1/notifications?limit=30&before=${encodeURIComponent(next)}`);
    setItems((list) => [...list, ...page.items]);
    setNext(page.nextBefore);
  };
  const count = items.filter((i) => !i.readAt).length;

  return (
    <Screen
      title={t('notify.title')}
      lead={state.status === 'done' && count > 0 && <p class="lead">{t('notify.unread', { count })}</p>}
    >
      <p class="actions">
        <a class="button" href="/settings/notifications">
          {t('notify.settings')}
        </a>
        {count > 0 && (
          <button type="button" class="button" onClick={() => void readAll()}>
            {t('notify.readAll')}
          </button>
        )}
      </p>
      <Alert message={error} />
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && items.length === 0 && <p>{t('notify.empty')}</p>}
      <ul class="list">
        {items.map((i) => (
          <li key={i.id}>
            <a
              class="list-link nt-item"
              data-unread={i.readAt ? 'false' : 'true'}
              href={i.url ?? '/notifications'}
              onClick={(e) => {
                e.preventDefault();
                void open(i);
              }}
            >
              <span class="list-text">
                <span class="list-title">
                  {!i.readAt && <span class="nt-new">{t('notify.newBadge')}</span>}
                  {i.title}
                </span>
                {i.body && <span class="list-meta">{i.body}</span>}
                <span class="list-meta">{formatDate(i.createdAt)}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
      {next && (
        <p>
          <button type="button" class="button" onClick={() => void older()}>
            {t('notify.more')}
          </button>
        </p>
      )}
      <GuideLink slug="hop-thu-thong-bao" />
    </Screen>
  );
}
