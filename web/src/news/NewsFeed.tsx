import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../api/types.ts';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t, type MessageKey } from '../i18n/i18n.ts';
import { hasCopy, loadWithCopy, saveCopy } from './offline.ts';
import {
  SECTIONS,
  articleContent,
  type Article,
  type FeedItem,
  type FeedPage,
  type Section,
} from './types.ts';
import { SpeechPlayer } from '../speech/Player.tsx';
import './news.css';

const PREFETCH = 10;

/** Keeps the newest articles on the device so they can be read without a network. */
async function prefetchLatest(items: FeedItem[]): Promise<void> {
  for (const item of items.slice(0, PREFETCH)) {
    if (await hasCopy(`news/${item.id}`)) continue;
    try {
      const article = await api<Article>('GET', `/api/v1/news/${encodeURIComponent(item.id)}`);
      await saveCopy(`news/${item.id}`, articleContent(article));
    } catch {
      return;
    }
  }
}

export function OfflineNote(props: { at: string | null }) {
  if (!props.at) return null;
  return (
    <p class="offline-note" role="status">
      {t('offline.banner', { date: formatDate(props.at) })}
    </p>
  );
}

export function NewsItems(props: { items: FeedItem[] }) {
  return (
    <ul class="list">
      {props.items.map((n) => (
        <li key={n.id} class={`news-item${n.unread ? ' is-unread' : ''}`}>
          <a class="list-link" href={`/news/${encodeURIComponent(n.id)}`}>
            <span class="list-text">
              <span class="list-title">
                {n.unread && <span class="unread-dot" aria-hidden="true" />}
                {n.unread && <span class="visually-hidden">{t('news.unread')}: </span>}
                {n.title}
              </span>
              <span class="list-meta">
                {' '}
                {t(`news.section.${n.section}` as MessageKey)} · {formatDate(n.publishedAt)}
                {n.source ? ` · ${n.source}` : ''}
              </span>
              <span class="news-excerpt">{n.excerpt}</span>
            </span>
            {n.pinned && (
              <span class="badges">
                <span class="badge">{t('news.pinned')}</span>
              </span>
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The member's news: section tabs, pinned items first, newest first, unread items marked. */
export default function NewsFeed(props: { me: Me | null; query: URLSearchParams }) {
  const raw = props.query.get('section');
  const section = SECTIONS.includes(raw as Section) ? (raw as Section) : null;
  const key = `news/feed/${section ?? 'all'}`;
  const path = `/api/v1/news?limit=20${section ? `&section=${section}` : ''}`;
  const [state, retry] = useAsync(
    () =>
      loadWithCopy<FeedPage>(path, key, (page) => ({
        ...page,
        items: page.items.map((i) => ({ ...i, unread: false })),
      })),
    [path],
  );
  const [more, setMore] = useState<FeedItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canWrite = props.me?.permissions.includes('content.publish') ?? false;

  useEffect(() => {
    setMore([]);
    setCursor(state.status === 'done' ? state.value.data.nextCursor : null);
    if (state.status === 'done' && !state.value.offlineAt) void prefetchLatest(state.value.data.items);
  }, [state]);

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await api<FeedPage>('GET', `${path}&cursor=${encodeURIComponent(cursor)}`);
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const tabs: Array<[Section | null, string]> = [
    [null, t('news.all')],
    ...SECTIONS.map((s) => [s, t(`news.section.${s}` as MessageKey)] as [Section, string]),
  ];
  return (
    <Screen title={t('news.title')}>
      <nav aria-label={t('news.sections')}>
        <ul class="tabs">
          {tabs.map(([s, label]) => (
            <li key={label}>
              <a href={s ? `/news?section=${s}` : '/news'} aria-current={s === section ? 'page' : undefined}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div data-speech-slot>
        <SpeechPlayer playlist={{ type: 'news', title: t('speech.todayNews') }} />
      </div>
      {canWrite && (
        <p>
          <a class="button" href="/news/new">
            {t('news.write')}
          </a>{' '}
          <a class="button" href="/news/manage">
            {t('news.manage')}
          </a>
        </p>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && (
        <>
          <OfflineNote at={state.value.offlineAt} />
          {state.value.data.items.length === 0 ? (
            <p>{t('news.none')}</p>
          ) : (
            <NewsItems items={[...state.value.data.items, ...more]} />
          )}
          {!state.value.offlineAt && <p class="hint">{t('offline.savedNews')}</p>}
          <Alert message={error} />
          {cursor && !state.value.offlineAt && (
            <button type="button" class="button" onClick={() => void loadMore()}>
              {t('news.more')}
            </button>
          )}
        </>
      )}
    </Screen>
  );
}
