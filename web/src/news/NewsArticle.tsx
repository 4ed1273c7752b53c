import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t, type MessageKey } from '../i18n/i18n.ts';
import { OfflineNote } from './NewsFeed.tsx';
import { loadWithCopy, saveCopy } from './offline.ts';
import { articleContent, type Article } from './types.ts';
import { SpeechPlayer } from '../speech/Player.tsx';
import './news.css';

function EditorActions(props: { article: Article; onChange: (a: Article) => void }) {
  const [error, setError] = useState<string | null>(null);
  const a = props.article;
  const act = async (action: string, body?: unknown) => {
    try {
      props.onChange(await api<Article>('POST', `/api/v1/news/${encodeURIComponent(a.id)}/${action}`, body));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div class="stack">
      {a.status === 'unpublished' && <p class="offline-note">{t('news.withdrawn')}</p>}
      {a.scheduled && <p class="hint">{t('news.scheduled', { date: formatDate(a.publishAt) })}</p>}
      <p class="actions">
        {a.status === 'published' ? (
          <button type="button" class="button" onClick={() => void act('unpublish')}>
            {t('news.unpublish')}
          </button>
        ) : (
          <button type="button" class="button" onClick={() => void act('publish')}>
            {t('news.republish')}
          </button>
        )}{' '}
        <button type="button" class="button" onClick={() => void act('pin', { pinned: !a.pinned })}>
          {a.pinned ? t('news.unpin') : t('news.pin')}
        </button>
      </p>
      <Alert message={error} />
    </div>
  );
}

/** One article: sanitised by the server when it was written, kept on the device once opened. */
export default function NewsArticle(props: { newsId: string }) {
  const key = `news/${props.newsId}`;
  const [state, retry] = useAsync(
    () => loadWithCopy<Article>(`/api/v1/news/${encodeURIComponent(props.newsId)}`, key, articleContent),
    [props.newsId],
  );
  const [edited, setEdited] = useState<Article | null>(null);
  useEffect(() => {
    if (state.status === 'done' && !state.value.offlineAt && !state.value.data.readAt)
      api('POST', `/api/v1/news/${encodeURIComponent(props.newsId)}/read`).catch(() => undefined);
  }, [state]);
  const article = edited ?? (state.status === 'done' ? state.value.data : null);
  const back = (
    <p>
      <a class="back-link" href="/news">
        {t('news.back')}
      </a>
    </p>
  );
  if (!article)
    return (
      <Screen title={t('news.title')} before={back}>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && (
          <LoadError message={state.httpStatus === 0 ? t('offline.notSaved') : state.message} retry={retry} />
        )}
      </Screen>
    );
  return (
    <Screen title={article.title} before={back}>
      <p class="article-meta">
        {t(`news.section.${article.section}` as MessageKey)} · {formatDate(article.publishAt)} ·{' '}
        {article.orgName}
      </p>
      <div data-speech-slot>
        <SpeechPlayer
          source={{ type: 'news', id: article.id }}
          title={article.title}
          scope={() => document.querySelector('.article-body')}
        />
      </div>
      {state.status === 'done' && <OfflineNote at={state.value.offlineAt} />}
      {article.canManage && (
        <EditorActions
          article={article}
          onChange={(a) => {
            setEdited(a);
            void saveCopy(`news/${a.id}`, articleContent(a));
          }}
        />
      )}
      {/* The server stores only sanitised HTML (src/platform/html/sanitize.ts). */}
      <div class="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {article.source && (
        <p class="article-meta">
          {t('news.source', { source: article.source })}
          {article.sourceUrl && (
            <>
              {' · '}
              <a href={article.sourceUrl} rel="noopener noreferrer">
                {article.sourceUrl}
              </a>
            </>
          )}
        </p>
      )}
    </Screen>
  );
}
