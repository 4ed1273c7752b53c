import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { OfflineNote } from '../news/NewsFeed.tsx';
import { loadWithCopy } from '../news/offline.ts';
import { documentContent, type DocumentDetail } from './types.ts';
import '../news/news.css';
import { SpeechPlayer } from '../speech/Player.tsx';
import type { Me } from '../api/types.ts';
import { sendingOrgs } from '../exchange/shared.ts';

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * One document: its paragraphs carry stable ids (`#p-<id>`), so links from meetings, quizzes and search land on
 * the cited paragraph. Opening is recorded; reaching the end marks it read.
 */
export default function DocumentPage(props: { documentId: string; me?: Me | null }) {
  const id = props.documentId;
  const key = `documents/${id}`;
  const [state, retry] = useAsync(
    () => loadWithCopy<DocumentDetail>(`/api/v1/documents/${encodeURIComponent(id)}`, key, documentContent),
    [id],
  );
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const end = useRef<HTMLParagraphElement>(null);
  const online = state.status === 'done' && !state.value.offlineAt;

  useEffect(() => {
    if (state.status !== 'done') return;
    setDoc(state.value.data);
    // Land on a cited paragraph once the text is there.
    const target = window.location.hash.slice(1);
    if (target) requestAnimationFrame(() => document.getElementById(target)?.scrollIntoView());
    if (!state.value.offlineAt && !state.value.data.openedAt)
      api('POST', `/api/v1/documents/${encodeURIComponent(id)}/read`, {}).catch(() => undefined);
  }, [state]);

  useEffect(() => {
    if (!online || !doc || doc.finishedAt || !end.current || !('IntersectionObserver' in window)) return;
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      observer.disconnect();
      api<{ openedAt: string | null; finishedAt: string | null }>(
        'POST',
        `/api/v1/documents/${encodeURIComponent(id)}/read`,
        { finished: true },
      )
        .then((r) => setDoc((d) => (d ? { ...d, finishedAt: r.finishedAt } : d)))
        .catch(() => undefined);
    });
    observer.observe(end.current);
    return () => observer.disconnect();
  }, [online, doc?.id, doc?.finishedAt]);

  async function toggleBookmark() {
    if (!doc) return;
    try {
      const r = await api<{ bookmarked: boolean }>(
        doc.bookmarked ? 'DELETE' : 'PUT',
        `/api/v1/documents/${encodeURIComponent(id)}/bookmark`,
      );
      const next = { ...doc, bookmarked: r.bookmarked };
      setDoc(next);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const back = (
    <p>
      <a class="back-link" href="/documents">
        {t('doc.back')}
      </a>
    </p>
  );
  if (!doc)
    return (
      <Screen title={t('doc.title')} before={back}>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && (
          <LoadError message={state.httpStatus === 0 ? t('offline.notSaved') : state.message} retry={retry} />
        )}
      </Screen>
    );
  return (
    <Screen title={doc.title} before={back}>
      <p class="article-meta">
        {doc.kindName} · {doc.levelName}
        <br />
        {t('doc.issued', {
          issuer: doc.issuer,
          number: doc.number ?? '—',
          date: doc.issuedOn ? formatDate(doc.issuedOn) : '—',
        })}
      </p>
      <div data-speech-slot>
        <SpeechPlayer source={{ type: 'document', id: doc.id }} title={doc.title} />
      </div>
      {state.status === 'done' && <OfflineNote at={state.value.offlineAt} />}
      <p class="hint" role="status">
        {t('offline.savedDoc')}
      </p>
      <p class="actions">
        <button
          type="button"
          class={doc.bookmarked ? 'button' : 'button button-primary'}
          aria-pressed={doc.bookmarked}
          disabled={!online}
          onClick={() => void toggleBookmark()}
        >
          {doc.bookmarked ? t('doc.unbookmark') : t('doc.bookmark')}
        </button>
        {props.me && sendingOrgs(props.me).length > 0 && (
          <a class="button" href={`/exchange/new?document=${encodeURIComponent(doc.id)}`}>
            {t('doc.sendDown')}
          </a>
        )}
      </p>
      <Alert message={error} />
      {doc.summary && (
        <section aria-labelledby="doc-summary">
          <h2 id="doc-summary">{t('doc.summary')}</h2>
          <p>{doc.summary}</p>
        </section>
      )}
      <section aria-labelledby="doc-content" class="doc-paragraphs">
        <h2 id="doc-content">{t('doc.content')}</h2>
        {doc.paragraphs.map((p) => (
          <p key={p.id} id={`p-${p.id}`} data-paragraph-id={p.id}>
            {p.text}
          </p>
        ))}
      </section>
      {doc.files.length > 0 && (
        <section aria-labelledby="doc-files" class="doc-files">
          <h2 id="doc-files">{t('doc.files')}</h2>
          <ul class="list">
            {doc.files.map((f) => (
              <li key={f.id}>
                <a href={f.url} download={f.fileName}>
                  {t('doc.download', { name: f.fileName })} ({sizeLabel(f.size)})
                </a>
                {f.textStatus === 'failed' && <span class="hint"> · {t('doc.noText')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p ref={end} class="hint">
        {doc.finishedAt ? t('doc.readToEnd') : ' '}
      </p>
    </Screen>
  );
}
