import { useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t, type MessageKey } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import './reports.css';

interface Row {
  id: string;
  title: string;
  status: string;
  updatedAt: string;
  orgName?: string;
}

export interface Narrative {
  id: string;
  orgId: string;
  orgName: string;
  reviewerName: string;
  title: string;
  body: string;
  status: 'draft' | 'submitted' | 'returned' | 'approved';
  returnComment: string | null;
  attachments: Array<{ id: string; name: string; size: number }>;
  canEdit: boolean;
  canReview: boolean;
}

const statusKey = (s: string) => `narrative.status.${s}` as MessageKey;

/** Plain paragraphs typed on a phone become the report's HTML (the server sanitises it again). */
function toHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n{2,}|\r\n\r\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function toText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (
    [...doc.body.querySelectorAll('p')].map((p) => p.textContent ?? '').join('\n\n') ||
    doc.body.textContent ||
    ''
  );
}

function List(props: { items: Row[] }) {
  return (
    <ul class="list">
      {props.items.map((r) => (
        <li key={r.id}>
          <a class="list-link" href={`/narratives/${encodeURIComponent(r.id)}`}>
            <span class="list-text">
              <span class="list-title">{r.title}</span>
              <span class="list-meta">
                <span class={`badge status-${r.status}`}>{t(statusKey(r.status))}</span>{' '}
                {r.orgName ? `${r.orgName} · ` : ''}
                {formatDate(r.updatedAt)}
              </span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Narrative reports an organisation sends to its committee, and those it receives from below. */
export function NarrativeList(props: { orgId: string }) {
  const url = `/api/v1/orgs/${encodeURIComponent(props.orgId)}/narrative-reports`;
  const [state, retry] = useAsync(() => api<{ sent: Row[]; received: Row[] }>('GET', url), [url]);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('narrative.title')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  async function create(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const n = await api<Narrative>('POST', '/api/v1/narrative-reports', {
        orgId: props.orgId,
        title,
        body: toHtml(body),
      });
      navigate(`/narratives/${encodeURIComponent(n.id)}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  const { sent, received } = state.value;
  return (
    <Screen
      title={t('narrative.title')}
      before={
        <nav class="crumbs" aria-label={t('report.title')}>
          <a href={`/orgs/${encodeURIComponent(props.orgId)}/reports`}>{t('report.title')}</a>
        </nav>
      }
    >
      {received.length > 0 && (
        <section aria-labelledby="nr-received">
          <h2 id="nr-received">{t('narrative.received')}</h2>
          <List items={received} />
        </section>
      )}
      <section aria-labelledby="nr-sent">
        <h2 id="nr-sent">{t('narrative.sent')}</h2>
        {sent.length === 0 ? <p>{t('narrative.none')}</p> : <List items={sent} />}
      </section>
      <section aria-labelledby="nr-new">
        <h2 id="nr-new">{t('narrative.new')}</h2>
        <form class="report-form" onSubmit={(e) => void create(e)}>
          <div class="field report-cell">
            <label for="nr-title">{t('narrative.fieldTitle')}</label>
            <input id="nr-title" value={title} onInput={(e) => setTitle(e.currentTarget.value)} required />
          </div>
          <div class="field">
            <label for="nr-body">{t('narrative.body')}</label>
            <textarea id="nr-body" rows={8} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
          </div>
          <Alert message={error} />
          <div class="actions">
            <button type="submit" class="button button-primary">
              {t('narrative.create')}
            </button>
          </div>
        </form>
      </section>
    </Screen>
  );
}

/** One narrative report: edit, attach and send; or accept / return for the committee above. */
export function NarrativeDetail(props: { narrativeId: string }) {
  const url = `/api/v1/narrative-reports/${encodeURIComponent(props.narrativeId)}`;
  const [state, retry] = useAsync(() => api<Narrative>('GET', url), [url]);
  const [current, setCurrent] = useState<Narrative | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('narrative.title')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  const n = current ?? state.value;
  const run = async (work: () => Promise<Narrative>, message: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setCurrent(await work());
      setText(null);
      setDone(message);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const saveAndSend = () =>
    run(async () => {
      if (text !== null) await api<Narrative>('PATCH', url, { body: toHtml(text) });
      return api<Narrative>('POST', `${url}/submit`, {});
    }, t('report.submitted'));
  const attach = (e: Event) => {
    e.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen) return;
    const form = new FormData();
    form.append('file', chosen, chosen.name);
    void run(() => api<Narrative>('POST', `${url}/attachments`, form), t('narrative.attached'));
  };
  return (
    <Screen
      title={n.title}
      before={
        <nav class="crumbs" aria-label={t('narrative.title')}>
          <a href={`/orgs/${encodeURIComponent(n.orgId)}/narratives`}>{n.orgName}</a>
        </nav>
      }
      lead={
        <p class="badges">
          <span class={`badge status-${n.status}`}>{t(statusKey(n.status))}</span>
          <span class="badge">{t('narrative.to', { org: n.reviewerName })}</span>
        </p>
      }
    >
      {n.returnComment && (
        <p class="alert alert-error">{t('report.returned', { comment: n.returnComment })}</p>
      )}
      {n.canEdit ? (
        <div class="field report-form">
          <label for="nd-body">{t('narrative.body')}</label>
          <textarea
            id="nd-body"
            rows={10}
            value={text ?? toText(n.body)}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </div>
      ) : (
        // The body was sanitised by the server when it was saved.
        <div class="narrative-body" dangerouslySetInnerHTML={{ __html: n.body }} />
      )}
      {n.attachments.length > 0 && (
        <ul>
          {n.attachments.map((a) => (
            <li key={a.id}>
              <a href={`${url}/attachments/${encodeURIComponent(a.id)}`} download>
                {a.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      <Alert message={error} />
      <Alert message={done} kind="success" />
      {n.canEdit && (
        <>
          <form class="report-upload" onSubmit={attach}>
            <label for="nd-file">{t('narrative.attach')}</label>
            <input id="nd-file" ref={file} type="file" />
            <button type="submit" class="button" disabled={busy}>
              {t('narrative.attachButton')}
            </button>
          </form>
          <div class="actions">
            <button
              type="button"
              class="button button-primary"
              disabled={busy}
              onClick={() => void saveAndSend()}
            >
              {t('report.submit')}
            </button>
          </div>
        </>
      )}
      {n.canReview && (
        <section aria-labelledby="nd-review" class="report-review">
          <h2 id="nd-review">{t('narrative.review')}</h2>
          <div class="field">
            <label for="nd-comment">{t('report.reviewComment')}</label>
            <textarea
              id="nd-comment"
              rows={3}
              value={comment}
              onInput={(e) => setComment(e.currentTarget.value)}
            />
          </div>
          <div class="actions">
            <button
              type="button"
              class="button button-primary"
              disabled={busy}
              onClick={() =>
                void run(() => api<Narrative>('POST', `${url}/accept`, { comment }), t('narrative.accepted'))
              }
            >
              {t('narrative.accept')}
            </button>
            <button
              type="button"
              class="button button-danger"
              disabled={busy}
              onClick={() =>
                void run(() => api<Narrative>('POST', `${url}/return`, { comment }), t('report.returnedDone'))
              }
            >
              {t('report.return')}
            </button>
          </div>
        </section>
      )}
    </Screen>
  );
}

export default function NarrativeScreen(props: { orgId?: string; narrativeId?: string }) {
  return props.narrativeId ? (
    <NarrativeDetail narrativeId={props.narrativeId} />
  ) : (
    <NarrativeList orgId={props.orgId ?? ''} />
  );
}
