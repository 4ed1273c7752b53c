import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { GuideLink } from '../guides/GuideLink.tsx';
import type { NoteSummary } from './types.ts';
import './notebook.css';

interface Page {
  items: NoteSummary[];
  nextCursor: string | null;
}

/** The member's notebook: search, tags, newest first. Everything shown here is decrypted for the owner only. */
export default function NotebookList(props: { query: URLSearchParams }) {
  const q = props.query.get('q') ?? '';
  const tag = props.query.get('tag') ?? '';
  const [text, setText] = useState(q);
  const [more, setMore] = useState<NoteSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, retry] = useAsync(async () => {
    setMore([]);
    const tags = api<{ items: Array<{ tag: string; count: number }> }>('GET', '/api/v1/notebook/tags');
    const page: Page = q
      ? {
          items: (
            await api<{ items: NoteSummary[] }>('GET', `/api/v1/notebook/search?q=${encodeURIComponent(q)}`)
          ).items,
          nextCursor: null,
        }
      : await api<Page>(
          'GET',
          `/api/v1/notebook/notes?limit=30${tag ? `&tag=${encodeURIComponent(tag)}` : ''}`,
        );
    setCursor(page.nextCursor);
    return { page, tags: (await tags).items };
  }, [q, tag]);

  const search = (e: Event) => {
    e.preventDefault();
    navigate(text.trim() ? `/notebook?q=${encodeURIComponent(text.trim())}` : '/notebook');
  };
  const loadMore = async () => {
    if (!cursor) return;
    const page = await api<Page>(
      'GET',
      `/api/v1/notebook/notes?limit=30&cursor=${encodeURIComponent(cursor)}${tag ? `&tag=${encodeURIComponent(tag)}` : ''}`,
    );
    setMore((m) => [...m, ...page.items]);
    setCursor(page.nextCursor);
  };

  return (
    <Screen title={t('notebook.title')} lead={<p class="lead nb-private">{t('notebook.private')}</p>}>
      <p class="actions">
        <a class="button button-primary" href="/notebook/new">
          {t('notebook.new')}
        </a>
      </p>
      <form class="nb-search" role="search" onSubmit={search}>
        <div class="field">
          <label for="nb-q">{t('notebook.search')}</label>
          <input id="nb-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button">
          {t('notebook.searchButton')}
        </button>
      </form>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && (
        <>
          {state.value.tags.length > 0 && (
            <nav aria-label={t('notebook.tags')}>
              <ul class="nb-tags">
                {state.value.tags.map((x) => (
                  <li key={x.tag}>
                    <a
                      class="nb-tag"
                      href={`/notebook?tag=${encodeURIComponent(x.tag)}`}
                      aria-current={x.tag === tag ? 'true' : undefined}
                    >
                      #{x.tag} ({x.count})
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {(q || tag) && (
            <p>
              {q && (
                <span role="status">
                  {state.value.page.items.length
                    ? t('notebook.results', { count: state.value.page.items.length, q })
                    : t('notebook.noResults', { q })}{' '}
                </span>
              )}
              <a class="link-block" href="/notebook">
                {t('notebook.clear')}
              </a>
            </p>
          )}
          {!q && !tag && state.value.page.items.length === 0 && <p>{t('notebook.empty')}</p>}
          <ul class="list">
            {[...state.value.page.items, ...more].map((n) => (
              <li key={n.id} class="nb-note">
                <a class="list-link" href={`/notebook/${n.id}`}>
                  <span class="list-text">
                    <span class="list-title">{n.title || t('notebook.untitled')}</span>
                    <span class="list-meta">{n.snippet ?? (n.excerpt || n.quote)}</span>
                    <span class="list-meta">
                      {t('notebook.updated', { when: formatDate(n.updatedAt) })}
                      {n.tags.length > 0 && ` · ${n.tags.map((x) => `#${x}`).join(' ')}`}
                    </span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
          {cursor && !q && (
            <p>
              <button type="button" class="button" onClick={() => void loadMore()}>
                {t('notebook.more')}
              </button>
            </p>
          )}
          <p class="actions">
            <a class="button" href="/api/v1/notebook/export?format=docx" download>
              {t('notebook.exportDocx')}
            </a>
            <a class="button" href="/api/v1/notebook/export?format=md" download>
              {t('notebook.exportMd')}
            </a>
          </p>
        </>
      )}
      <GuideLink slug="so-tay-ca-nhan" />
    </Screen>
  );
}
