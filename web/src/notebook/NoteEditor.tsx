import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { LINK_PATHS, type Note } from './types.ts';
import './notebook.css';

/**
 * Writes or edits one note. The text is edited as rich text in the page; the server keeps only what its
 * sanitiser allows (paragraphs, bold, italic, lists, links), so pasted content cannot carry scripts.
 */
export default function NoteEditor(props: { noteId: string | null }) {
  const [state, retry] = useAsync(
    async () =>
      props.noteId ? api<Note>('GET', `/api/v1/notebook/notes/${encodeURIComponent(props.noteId)}`) : null,
    [props.noteId],
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  return <Editor note={state.value} />;
}

function Editor(props: { note: Note | null }) {
  const note = props.note;
  const [title, setTitle] = useState(note?.title ?? '');
  const [tags, setTags] = useState(note?.tags.join(', ') ?? '');
  const [error, setError] = useState<string | null>(null);
  // A new note reopens under its own address; the confirmation travels with it.
  const [saved, setSaved] = useState<string | null>(
    new URLSearchParams(window.location.search).has('saved') ? t('notebook.saved') : null,
  );
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (body.current) body.current.innerHTML = note?.html ?? '';
  }, [note?.id]);

  const format = (command: string) => {
    body.current?.focus();
    document.execCommand(command);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    const payload = {
      title,
      html: body.current?.innerHTML ?? '',
      tags: tags
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
      link: note?.link ?? null,
      quote: note?.quote ?? null,
    };
    try {
      const res = note
        ? await api<Note>('PUT', `/api/v1/notebook/notes/${encodeURIComponent(note.id)}`, payload)
        : await api<Note>('POST', '/api/v1/notebook/notes', payload);
      setSaved(t('notebook.saved'));
      if (!note) navigate(`/notebook/${res.id}?saved=1`, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!note || !window.confirm(t('notebook.confirmDelete'))) return;
    try {
      await api('DELETE', `/api/v1/notebook/notes/${encodeURIComponent(note.id)}`);
      navigate('/notebook', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Screen
      title={note ? t('notebook.editTitle') : t('notebook.new')}
      before={
        <nav aria-label={t('nav.breadcrumbs')} class="crumbs">
          <ol>
            <li>
              <a href="/notebook">{t('notebook.title')}</a>
            </li>
          </ol>
        </nav>
      }
      lead={note && <p class="muted">{t('notebook.updated', { when: formatDate(note.updatedAt) })}</p>}
    >
      <form class="stack" onSubmit={save}>
        {note?.quote && (
          <figure>
            <figcaption class="muted">{t('notebook.quote')}</figcaption>
            <blockquote class="nb-quote">{note.quote}</blockquote>
          </figure>
        )}
        {note?.link && (
          <p>
            <a
              class="link-block"
              href={`${LINK_PATHS[note.link.type] ?? '/'}${encodeURIComponent(note.link.id)}${note.link.paragraph ? `#${encodeURIComponent(note.link.paragraph)}` : ''}`}
            >
              {t('notebook.linked', { what: note.link.label ?? note.link.id })}
            </a>
          </p>
        )}
        <div class="field">
          <label for="nb-title">{t('notebook.fieldTitle')}</label>
          <input
            id="nb-title"
            type="text"
            value={title}
            maxLength={300}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <span id="nb-body-label" class="label">
            {t('notebook.fieldBody')}
          </span>
          <div class="nb-toolbar" role="toolbar" aria-labelledby="nb-body-label">
            <button type="button" class="button" onClick={() => format('bold')}>
              <strong>{t('notebook.bold')}</strong>
            </button>
            <button type="button" class="button" onClick={() => format('italic')}>
              <em>{t('notebook.italic')}</em>
            </button>
            <button type="button" class="button" onClick={() => format('insertUnorderedList')}>
              {t('notebook.list')}
            </button>
          </div>
          <div
            id="nb-body"
            ref={body}
            class="nb-editor"
            contentEditable
            role="textbox"
            aria-multiline="true"
            aria-labelledby="nb-body-label"
          />
        </div>
        <div class="field">
          <label for="nb-tags">{t('notebook.fieldTags')}</label>
          <input id="nb-tags" type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
        </div>
        <Alert message={error} />
        <Alert message={saved} kind="success" />
        <p class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('notebook.save')}
          </button>
          {note && (
            <a
              class="button"
              href={`/api/v1/notebook/export?format=docx&noteId=${encodeURIComponent(note.id)}`}
              download
            >
              {t('notebook.downloadOne')}
            </a>
          )}
          {note && (
            <button type="button" class="button button-danger" onClick={() => void remove()}>
              {t('notebook.delete')}
            </button>
          )}
        </p>
      </form>
    </Screen>
  );
}
