import type { Me } from '../api/types.ts';
import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { OfflineNote } from '../news/NewsFeed.tsx';
import { listCopies, loadWithCopy, readCopy, saveCopy } from '../news/offline.ts';
import { documentContent, type DocumentDetail, type DocumentSummary, type Facet } from './types.ts';
import '../news/news.css';

interface Page {
  items: DocumentSummary[];
  nextCursor: string | null;
}

/** Bookmarked documents are kept on the device, so they open without a network. */
async function keepBookmarked(items: DocumentSummary[]) {
  for (const d of items) {
    try {
      const doc = await api<DocumentDetail>('GET', `/api/v1/documents/${encodeURIComponent(d.id)}`);
      await saveCopy(`documents/${d.id}`, documentContent(doc));
    } catch {
      return;
    }
  }
}

export function DocumentItems(props: { items: DocumentSummary[] }) {
  return (
    <ul class="list">
      {props.items.map((d) => (
        <li key={d.id}>
          <a class="list-link" href={`/documents/${encodeURIComponent(d.id)}`}>
            <span class="list-text">
              <span class="list-title">{d.title}</span>
              <span class="list-meta">
                {' '}
                {d.kindName}
                {d.number ? ` ${d.number}` : ''} · {d.issuer}
                {d.issuedOn ? ` · ${formatDate(d.issuedOn)}` : ''}
              </span>
            </span>
            <span class="badges">
              {d.bookmarked && <span class="badge">{t('doc.bookmarked')}</span>}
              {d.finishedAt && <span class="badge">{t('doc.read')}</span>}
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Documents saved on this device (opened or bookmarked), listed from the device alone. */
function SavedOnDevice() {
  const [items, setItems] = useState<DocumentSummary[] | null>(null);
  useEffect(() => {
    void (async () => {
      const keys = (await listCopies('documents/')).filter((k) => /^documents\/[^/]+$/.test(k));
      const docs: DocumentSummary[] = [];
      for (const k of keys) {
        const c = await readCopy<DocumentDetail>(k);
        if (c) docs.push(c.data);
      }
      setItems(docs);
    })();
  }, []);
  if (!items || items.length === 0) return null;
  return (
    <section aria-labelledby="doc-saved">
      <h2 id="doc-saved">{t('doc.offlineList')}</h2>
      <DocumentItems items={items} />
    </section>
  );
}

export default function DocumentLibrary(props: { query: URLSearchParams; me?: Me | null }) {
  const q = props.query;
  const bookmarked = q.get('bookmarked') === '1';
  const filters = new URLSearchParams();
  for (const k of ['kind', 'level', 'year']) {
    const v = q.get(k);
    if (v) filters.set(k, v);
  }
  if (bookmarked) filters.set('bookmarked', 'true');
  filters.set('limit', '20');
  const path = `/api/v1/documents?${filters.toString()}`;
  const [state, retry] = useAsync(
    // The list of one's bookmarks is personal: not kept; the bookmarked documents themselves are.
    () =>
      loadWithCopy<Page>(path, bookmarked ? null : `documents-list/${filters.toString()}`, (page) => ({
        ...page,
        items: page.items.map((i) => ({ ...i, bookmarked: false, openedAt: null, finishedAt: null })),
      })),
    [path],
  );
  const [facets] = useAsync(
    () =>
      loadWithCopy<{ kinds: Facet[]; levels: Facet[]; years: Facet[] }>(
        '/api/v1/documents/facets',
        'documents-facets',
      ),
    [],
  );
  const [more, setMore] = useState<DocumentSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setMore([]);
    setCursor(state.status === 'done' ? state.value.data.nextCursor : null);
    if (bookmarked && state.status === 'done' && !state.value.offlineAt)
      void keepBookmarked(state.value.data.items);
  }, [state]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(q);
    if (value) next.set(name, value);
    else next.delete(name);
    navigate(`/documents${next.toString() ? `?${next.toString()}` : ''}`, { replace: true });
  };
  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await api<Page>('GET', `${path}&cursor=${encodeURIComponent(cursor)}`);
      setMore((m) => [...m, ...page.items]);
      setCursor(page.nextCursor);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const select = (name: string, label: string, options: Facet[]) => (
    <div class="field">
      <label for={`doc-${name}`}>{label}</label>
      <select
        id={`doc-${name}`}
        value={q.get(name) ?? ''}
        onChange={(e) => setFilter(name, e.currentTarget.value)}
      >
        <option value="">{t('doc.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.name} ({o.count})
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <Screen title={t('doc.title')}>
      <nav aria-label={t('doc.title')}>
        <ul class="tabs">
          <li>
            <a href="/documents" aria-current={bookmarked ? undefined : 'page'}>
              {t('doc.library')}
            </a>
          </li>
          <li>
            <a href="/documents?bookmarked=1" aria-current={bookmarked ? 'page' : undefined}>
              {t('doc.bookmarks')}
            </a>
          </li>
        </ul>
      </nav>
      <p class="hint">
        <strong>{t('offline.available')}:</strong> {t('offline.availableHint')}
      </p>
      {props.me?.permissions.includes('content.publish') && (
        <p>
          <a class="button" href="/documents/new">
            {t('docPublish.title')}
          </a>
        </p>
      )}
      {!bookmarked && facets.status === 'done' && (
        <details class="filters" open={Boolean(q.get('kind') || q.get('level') || q.get('year'))}>
          <summary class="button">{t('doc.filters')}</summary>
          {select('kind', t('doc.kind'), facets.value.data.kinds)}
          {select('level', t('doc.level'), facets.value.data.levels)}
          {select('year', t('doc.year'), facets.value.data.years)}
        </details>
      )}
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' && (
        <>
          <OfflineNote at={state.value.offlineAt} />
          {state.value.data.items.length === 0 ? (
            <p>{t('doc.none')}</p>
          ) : (
            <DocumentItems items={[...state.value.data.items, ...more]} />
          )}
          <Alert message={error} />
          {cursor && !state.value.offlineAt && (
            <button type="button" class="button" onClick={() => void loadMore()}>
              {t('doc.more')}
            </button>
          )}
        </>
      )}
      {state.status !== 'loading' && <SavedOnDevice />}
    </Screen>
  );
}
