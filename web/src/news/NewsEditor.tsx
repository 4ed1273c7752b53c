import { useRef, useState } from 'preact/hooks';
import type { Me } from '../api/types.ts';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Screen } from '../components/Screen.tsx';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { SECTIONS, type Article, type Section } from './types.ts';
import './news.css';

const PUBLISHING_ROLES = new Set(['admin', 'office', 'secretary', 'deputy_secretary', 'committee_member']);

/**
 * A small rich-text editor: bold, headings, lists, links and images. What it produces is only a draft; the server
 * keeps nothing but the allowed formatting.
 */
export function RichEditor(props: { id: string; labelledBy: string; onInput: (html: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
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

export default function NewsEditor(props: { me: Me }) {
  const orgs = props.me.roles.filter((r) => PUBLISHING_ROLES.has(r.role));
  const unique = [...new Map(orgs.map((o) => [o.orgId, o])).values()];
  const [orgId, setOrgId] = useState(unique[0]?.orgId ?? '');
  const [section, setSection] = useState<Section>('bulletin');
  const [title, setTitle] = useState('');
  const [source, setSource] = useState('');
  const [html, setHtml] = useState('');
  const [publishAt, setPublishAt] = useState('');
  const [pinned, setPinned] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api<Article>('POST', '/api/v1/news', {
        orgId,
        section,
        title,
        bodyHtml: html,
        source: source || null,
        publishAt: publishAt ? new Date(publishAt).toISOString() : null,
        pinned,
      });
      navigate(`/news/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={t('news.editorTitle')}>
      <form class="stack editor-form" onSubmit={(e) => void submit(e)}>
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
          <RichEditor id="ne-body" labelledBy="ne-body-label" onInput={setHtml} />
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
          <label for="ne-at">{t('news.field.publishAt')}</label>
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
          {t('news.publish')}
        </button>
      </form>
    </Screen>
  );
}
