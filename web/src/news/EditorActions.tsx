import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { formatDate, t } from '../i18n/i18n.ts';
import type { Article } from './types.ts';

/** What an editor does to a published item besides rewriting it: withdraw or republish, pin or unpin. */
export function EditorActions(props: { article: Article; onChange: (a: Article) => void; edit?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const a = props.article;
  const act = async (action: string, body?: unknown) => {
    try {
      setError(null);
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
        {props.edit && (
          <>
            <a class="button button-primary" href={`/news/${encodeURIComponent(a.id)}/edit`}>
              {t('news.edit')}
            </a>{' '}
          </>
        )}
        {a.status === 'published' ? (
          <button type="button" class="button" onClick={() => void act('unpublish')}>
            {t('news.unpublish')}
          </button>
        ) : (
          <button type="button" class="button" onClick={() => void act('publish')}>
            {t('news.republish')}
          </button>
        )}{' '}
        <button
          type="button"
          class="button"
          aria-pressed={a.pinned}
          onClick={() => void act('pin', { pinned: !a.pinned })}
        >
          {a.pinned ? t('news.unpin') : t('news.pin')}
        </button>
      </p>
      <Alert message={error} />
    </div>
  );
}
