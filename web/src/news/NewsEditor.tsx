import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../api/types.ts';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { EditorActions } from './EditorActions.tsx';
import { SECTIONS, type Article, type Section } from './types.ts';
import './news.css';

const PUBLISHING_ROLES = new Set(['admin', 'office', 'secretary', 'deputy_secretary', 'committee_member']);

/**
 * A small rich-text editor: bold, headings, lists, links and images. What it produces is only a draft; the server
 * keeps nothing but the allowed formatting.
 */
export function RichEditor(props: {
  id: string;
  labelledBy: string;
  onInput: (html: string) => void;
  /** The text being edited (already sanitised by the server); set once, then the editor owns it. */
  initialHtml?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (box.current && props.initialHtml) box.current.innerHTML = props.initialHtml;
  }, []);
  const run = (command: string, value?: string) => {
    box.current?.focus();
    document.execCommand(command, false, value);
    props.onInput(box.current?.innerHTML ?? '');
  };
  const ask = (message: MessageKey, command: string) => {
    const url = window.prompt(t(message), 'https://');
    if (url && /^https?:\/\//.test(url)) run(command, url);
  };
  const buttons: Array<[MessageKey, string, () => void]> = [
    ['editor.bold', t('editor.bold'), () => run('bold')],
    ['editor.h2', t('editor.h2'), () => run('formatBlock', 'h2')],
    ['editor.h3', t('editor.h3'), () => run('formatBlock', 'h3')],
    ['editor.ul', t('editor.ul'), () => run('insertUnorderedList')],
    ['editor.ol', t('editor.ol'), () => run('insertOrderedList')],
    ['editor.link', t('editor.link'), () => ask('editor.linkPrompt', 'createLink')],
    ['editor.image', t('editor.image'), () => ask('editor.imagePrompt', 'insertImage')],
  ];
  return (
    <div>
      <div class="editor-toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
        {buttons.map(([label, text, onClick]) => (
          <button key={label} type="button" class="button" onClick={onClick}>
            {text}
          </button>
        ))}
      </div>
      <div
        id={props.id}
        ref={box}
        class="rich-editor"
        contentEditable
        role="textbox"
        aria-multiline="true"
        aria-labelledby={props.labelledBy}
        onInput={() => props.onInput(box.current?.innerHTML ?? '')}
      />
    </div>
  );
}

/** `datetime-local` wants local wall time without a zone. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Writing a new item, or rewriting one already published or scheduled (`article`): the organisation stays,
 * the time stays unless a new one is chosen.
 */
function EditorForm(props: { me: Me; article?: Article }) {
  const a = props.article;
  const orgs = props.me.roles.filter((r) => PUBLISHING_ROLES.has(r.role));
  const unique = [...new Map(orgs.map((o) => [o.orgId, o])).values()];
  const [current, setCurrent] = useState<Article | undefined>(a);
  const [orgId, setOrgId] = useState(a?.orgId ?? unique[0]?.orgId ?? '');
  const [section, setSection] = useState<Section>(a?.section ?? 'bulletin');
  const [title, setTitle] = useState(a?.title ?? '');
  const [source, setSource] = useState(a?.source ?? '');
  const [html, setHtml] = useState(a?.bodyHtml ?? '');
  const [publishAt, setPublishAt] = useState(a?.scheduled ? localInput(a.publishAt) : '');
  const [pinned, setPinned] = useState(a?.pinned ?? false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = {
      orgId,
      section,
      title,
      bodyHtml: html,
      source: source || null,
      publishAt: publishAt ? new Date(publishAt).toISOString() : null,
      pinned,
    };
    try {
      const saved = a
        ? await api<Article>('PUT', `/api/v1/news/${encodeURIComponent(a.id)}`, {
            ...body,
            sourceUrl: a.sourceUrl,
          })
        : await api<Article>('POST', '/api/v1/news', body);
      navigate(`/news/${encodeURIComponent(saved.id)}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen
      title={a ? t('news.editTitle') : t('news.editorTitle')}
      before={
        a && (
          <p>
            <a class="back-link" href={`/news/${encodeURIComponent(a.id)}`}>
              {t('news.backToItem')}
            </a>
          </p>
        )
      }
    >
      {current && (
        <EditorActions
          article={current}
          onChange={(next) => {
            setCurrent(next);
            setPinned(next.pinned);
          }}
        />
      )}
      <form class="stack editor-form" onSubmit={(e) => void submit(e)}>
        {a ? (
          <p class="article-meta">
            {t('news.field.org')}: <strong>{a.orgName}</strong>
          </p>
        ) : (
          <div class="field">
            <label for="ne-org">{t('news.field.org')}</label>
            <select id="ne-org" value={orgId} onChange={(e) => setOrgId(e.currentTarget.value)}>
              {unique.map((o) => (
                <option key={o.orgId} value={o.orgId}>
                  {o.orgName}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for="ne-section">{t('news.field.section')}</label>
          <select
            id="ne-section"
            value={section}
            onChange={(e) => setSection(e.currentTarget.value as Section)}
          >
            {SECTIONS.map((s) => (
              <option key={s} value={s}>
                {t(`news.section.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ne-title">{t('news.field.title')}</label>
          <input
            id="ne-title"
            required
            maxLength={300}
            value={title}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <span id="ne-body-label" class="label">
            {t('news.field.body')}
          </span>
          <RichEditor id="ne-body" labelledBy="ne-body-label" onInput={setHtml} initialHtml={a?.bodyHtml} />
        </div>
        <div class="field">
          <label for="ne-source">{t('news.field.source')}</label>
          <input
            id="ne-source"
            maxLength={200}
            value={source}
            onInput={(e) => setSource(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="ne-at">{a ? t('news.field.publishAtEdit') : t('news.field.publishAt')}</label>
          <input
            id="ne-at"
            type="datetime-local"
            value={publishAt}
            onInput={(e) => setPublishAt(e.currentTarget.value)}
          />
        </div>
        <label class="check">
          <input type="checkbox" checked={pinned} onChange={(e) => setPinned(e.currentTarget.checked)} />{' '}
          {t('news.field.pinned')}
        </label>
        <Alert message={error} />
        <button type="submit" class="button button-primary" disabled={busy}>
          {a ? t('news.save') : t('news.publish')}
        </button>
      </form>
    </Screen>
  );
}

export default function NewsEditor(props: { me: Me; newsId?: string }) {
  const id = props.newsId;
  const [state, retry] = useAsync(
    () => (id ? api<Article>('GET', `/api/v1/news/${encodeURIComponent(id)}`) : Promise.resolve(undefined)),
    [id],
  );
  if (!id) return <EditorForm me={props.me} />;
  if (state.status === 'done' && state.value) {
    if (!state.value.canManage)
      return (
        <Screen title={t('news.editTitle')}>
          <p>{t('news.cannotEdit')}</p>
        </Screen>
      );
    return <EditorForm key={state.value.id} me={props.me} article={state.value} />;
  }
  return (
    <Screen title={t('news.editTitle')}>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
    </Screen>
  );
}
