import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t, type MessageKey } from '../i18n/i18n.ts';
import { OfflineNote } from './NewsFeed.tsx';
import { loadWithCopy, saveCopy } from './offline.ts';
import { articleContent, type Article } from './types.ts';
import { SpeechPlayer } from '../speech/Player.tsx';
import { EditorActions } from './EditorActions.tsx';
import './news.css';

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
          edit
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
