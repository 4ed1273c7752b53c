import { useState } from 'preact/hooks';
import { errorMessage } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { t } from '../../i18n/i18n.ts';
import '../meetings.css';

/** A paragraph (or agenda item) members can comment on; `id` is stable across revisions of the text. */
export interface CommentableParagraph {
  id: string;
  text: string;
  /** Short label read out before the text, e.g. "Đoạn 2" or "Nhiệm vụ 1". */
  label?: string;
  /** A second line under the text (owner, deadline…). */
  meta?: string;
}

export interface ParagraphComment {
  id: string;
  targetId: string;
  parentId: string | null;
  authorName: string;
  body: string;
  status: 'open' | 'accepted' | 'answered';
  answer: string | null;
  createdAt: string;
}

export interface ParagraphCommentsProps {
  paragraphs: CommentableParagraph[];
  comments: ParagraphComment[];
  /** May the viewer write comments and replies. */
  canComment: boolean;
  /** May the viewer mark comments accepted / answered (the secretary). */
  canModerate: boolean;
  onAdd: (targetId: string, body: string, parentId: string | null) => Promise<void>;
  onMark?: (commentId: string, status: 'accepted' | 'answered') => Promise<void>;
  /** Prefix for element ids when the component appears twice on a page. */
  idPrefix?: string;
}

/**
 * Text split into paragraphs; tapping one opens its comment thread right under it. Each paragraph is a real
 * button, so it works by touch, mouse, keyboard and screen reader alike. Used for draft resolutions and agenda
 * items here and for consultations elsewhere.
 */
export function ParagraphComments(props: ParagraphCommentsProps) {
  const [selected, setSelected] = useState<string | null>(null);
  const prefix = props.idPrefix ?? 'pc';
  return (
    <ol class="pc-list">
      {props.paragraphs.map((p) => {
        const mine = props.comments.filter((c) => c.targetId === p.id);
        const open = selected === p.id;
        const panelId = `${prefix}-${p.id}`;
        return (
          <li key={p.id} class={open ? 'pc-item pc-open' : 'pc-item'}>
            <button
              type="button"
              class="pc-para"
              aria-expanded={open}
              aria-controls={panelId}
              data-paragraph={p.id}
              onClick={() => setSelected(open ? null : p.id)}
            >
              {p.label && <span class="pc-label">{p.label}</span>}
              <span class="pc-text">{p.text}</span>
              {p.meta && <span class="pc-meta">{p.meta}</span>}
              <span class="pc-count">{t('meeting.commentCount', { n: mine.length })}</span>
            </button>
            {open && (
              <Thread
                id={panelId}
                paragraph={p}
                comments={mine}
                canComment={props.canComment}
                canModerate={props.canModerate}
                onAdd={props.onAdd}
                onMark={props.onMark}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}

function Thread(props: {
  id: string;
  paragraph: CommentableParagraph;
  comments: ParagraphComment[];
  canComment: boolean;
  canModerate: boolean;
  onAdd: ParagraphCommentsProps['onAdd'];
  onMark?: ParagraphCommentsProps['onMark'];
}) {
  const roots = props.comments.filter((c) => !c.parentId);
  const replies = (id: string) => props.comments.filter((c) => c.parentId === id);
  return (
    <section
      id={props.id}
      class="pc-thread"
      aria-label={t('meeting.commentsOn', {
        label: props.paragraph.label ?? props.paragraph.text.slice(0, 40),
      })}
    >
      {roots.length > 0 && (
        <ul class="pc-comments">
          {roots.map((c) => (
            <li key={c.id}>
              <CommentView comment={c} canModerate={props.canModerate} onMark={props.onMark} />
              {replies(c.id).length > 0 && (
                <ul class="pc-replies">
                  {replies(c.id).map((r) => (
                    <li key={r.id}>
                      <CommentView comment={r} canModerate={false} />
                    </li>
                  ))}
                </ul>
              )}
              {props.canComment && (
                <CommentForm
                  label={t('meeting.reply')}
                  submit={t('meeting.sendReply')}
                  onSend={(body) => props.onAdd(props.paragraph.id, body, c.id)}
                  collapsed
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canComment && (
        <CommentForm
          label={t('meeting.writeComment')}
          submit={t('meeting.sendComment')}
          onSend={(body) => props.onAdd(props.paragraph.id, body, null)}
        />
      )}
    </section>
  );
}

function CommentView(props: {
  comment: ParagraphComment;
  canModerate: boolean;
  onMark?: ParagraphCommentsProps['onMark'];
}) {
  const c = props.comment;
  const [error, setError] = useState<string | null>(null);
  const mark = async (status: 'accepted' | 'answered') => {
    try {
      await props.onMark?.(c.id, status);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <article class="pc-comment">
      <p class="pc-author">
        <strong>{c.authorName}</strong>{' '}
        <span class={`badge pc-status-${c.status}`}>{t(`meeting.commentStatus.${c.status}`)}</span>
      </p>
      <p>{c.body}</p>
      {c.answer && <p class="pc-answer">{c.answer}</p>}
      {props.canModerate && props.onMark && (
        <div class="pc-actions">
          <button
            type="button"
            class="button"
            onClick={() => mark('accepted')}
            disabled={c.status === 'accepted'}
          >
            {t('meeting.markAccepted')}
          </button>
          <button
            type="button"
            class="button"
            onClick={() => mark('answered')}
            disabled={c.status === 'answered'}
          >
            {t('meeting.markAnswered')}
          </button>
        </div>
      )}
      <Alert message={error} />
    </article>
  );
}

let formCounter = 0;

function CommentForm(props: {
  label: string;
  submit: string;
  onSend: (body: string) => Promise<void>;
  collapsed?: boolean;
}) {
  const [open, setOpen] = useState(!props.collapsed);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [id] = useState(() => `pc-form-${++formCounter}`);
  if (!open)
    return (
      <button type="button" class="button" onClick={() => setOpen(true)}>
        {props.label}
      </button>
    );
  const send = async (e: Event) => {
    e.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setError(null);
    try {
      await props.onSend(body.trim());
      setBody('');
      if (props.collapsed) setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="pc-form" onSubmit={send}>
      <label for={id}>{props.label}</label>
      <textarea
        id={id}
        rows={3}
        value={body}
        onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)}
      />
      <button type="submit" class="button" disabled={busy}>
        {props.submit}
      </button>
      <Alert message={error} />
    </form>
  );
}
