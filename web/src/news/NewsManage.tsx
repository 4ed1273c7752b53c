import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t, type MessageKey } from '../i18n/i18n.ts';
import type { Section } from './types.ts';
import './news.css';

interface EditorItem {
  id: string;
  section: Section;
  title: string;
  status: string;
  publishAt: string;
  scheduled: boolean;
  pinned: boolean;
}

/**
 * What the editor's organisations have published, including scheduled and withdrawn items the feed does not
 * show: each opens the item's page, where it is edited, withdrawn or pinned.
 */
export default function NewsManage() {
  const [state, retry] = useAsync(() => api<{ items: EditorItem[] }>('GET', '/api/v1/news/editor'), []);
  return (
    <Screen
      title={t('news.manageTitle')}
      before={
        <p>
          <a class="back-link" href="/news">
            {t('news.back')}
          </a>
        </p>
      }
    >
      <p>
        <a class="button" href="/news/new">
          {t('news.write')}
        </a>
      </p>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' &&
        (state.value.items.length === 0 ? (
          <p>{t('news.none')}</p>
        ) : (
          <ul class="list">
            {state.value.items.map((n) => (
              <li key={n.id} class="news-item">
                <a class="list-link" href={`/news/${encodeURIComponent(n.id)}`}>
                  <span class="list-text">
                    <span class="list-title">{n.title}</span>
                    <span class="list-meta">
                      {t(`news.section.${n.section}` as MessageKey)} · {formatDate(n.publishAt)}
                    </span>
                    <span class="badges">
                      {n.status === 'unpublished' ? (
                        <span class="badge">{t('news.stateWithdrawn')}</span>
                      ) : n.scheduled ? (
                        <span class="badge">{t('news.scheduled', { date: formatDate(n.publishAt) })}</span>
                      ) : (
                        <span class="badge">{t('news.stateLive')}</span>
                      )}
                      {n.pinned && <span class="badge">{t('news.pinned')}</span>}
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
