import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { ParagraphComments, type ParagraphComment } from './paragraph-comments/ParagraphComments.tsx';
import { apiUrl, meetingUrl, when, type MeetingDetail as Detail } from './types.ts';
import './meetings.css';

interface Comments {
  canComment: boolean;
  canModerate: boolean;
  items: Array<ParagraphComment & { targetKind: string }>;
}

/** One meeting: programme, materials and the draft resolution, each open to comments before the meeting. */
export default function MeetingDetail(props: { meetingId: string }) {
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<Detail>('GET', apiUrl(props.meetingId)),
        api<Comments>('GET', `${apiUrl(props.meetingId)}/comments`),
      ]),
    [props.meetingId],
  );
  const [comments, setComments] = useState<Comments | null>(null);
  useEffect(() => {
    if (state.status === 'done') {
      setComments(state.value[1]);
      // Opening the meeting is opening its materials: the secretary sees who has not yet.
      if (state.value[0].permissions.attend)
        void api('POST', `${apiUrl(props.meetingId)}/read`).catch(() => undefined);
    }
  }, [state]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('meeting.listTitle')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  const m = state.value[0];
  const c = comments ?? state.value[1];
  const reload = async () => setComments(await api<Comments>('GET', `${apiUrl(m.id)}/comments`));
  const add = (targetKind: string) => async (targetId: string, body: string, parentId: string | null) => {
    await api('POST', `${apiUrl(m.id)}/comments`, { targetKind, targetId, body, parentId });
    await reload();
  };
  const mark = async (id: string, status: 'accepted' | 'answered') => {
    await api('PUT', `${apiUrl(m.id)}/comments/${encodeURIComponent(id)}`, { status });
    await reload();
  };
  const of = (kind: string) => c.items.filter((x) => x.targetKind === kind);
  const w = when(m.startsAt);
  return (
    <Screen
      before={
        <p>
          <a href="/meetings">{t('meeting.listTitle')}</a>
        </p>
      }
      title={m.title}
      lead={
        <p class="lead">
          {t('meeting.when', w)} · {m.place} · <span class="badge">{t(`meeting.status.${m.status}`)}</span>
        </p>
      }
    >
      {m.materialsWarning && m.permissions.manage && <p class="mt-banner">{m.materialsWarning.message}</p>}
      <ul class="actions">
        {m.permissions.manage && (m.status === 'draft' || m.status === 'published') && (
          <li>
            <a class="button" href={`${meetingUrl(m.id)}/prepare`}>
              {t('meeting.prepare')}
            </a>
          </li>
        )}
        {(m.status === 'published' || m.status === 'live') && (
          <li>
            <a class="button button-primary" href={`${meetingUrl(m.id)}/live`}>
              {m.permissions.manage ? t('meeting.runLive') : t('meeting.openLive')}
            </a>
          </li>
        )}
        {(m.status === 'ended' || m.status === 'minutes_approved') && (
          <li>
            <a class="button button-primary" href={`${meetingUrl(m.id)}/minutes`}>
              {t('meeting.minutes')}
            </a>
          </li>
        )}
      </ul>
      {m.durationMinutes !== null && <p>{t('meeting.duration', { minutes: m.durationMinutes })}</p>}

      <section aria-labelledby="mt-materials">
        <h2 id="mt-materials">{t('meeting.materials')}</h2>
        {m.materials.length === 0 ? (
          <p>{t('meeting.noMaterials')}</p>
        ) : (
          <ul class="list">
            {m.materials.map((x) => (
              <li key={x.id}>
                {x.url ? (
                  <a
                    class="list-link"
                    href={x.url}
                    target={x.url.startsWith('http') ? '_blank' : undefined}
                    rel="noopener"
                  >
                    <span class="list-title">{x.title}</span>
                  </a>
                ) : (
                  <span>{x.title}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="mt-draft">
        <h2 id="mt-draft">{t('meeting.draft')}</h2>
        {!m.draft ? (
          <p>{t('meeting.noDraft')}</p>
        ) : (
          <>
            <p>
              <strong>{m.draft.title}</strong> — {t('meeting.draftVersion', { version: m.draft.version })}
            </p>
            {c.canComment && <p>{t('meeting.tapToComment')}</p>}
            <h3>{t('meeting.assessment')}</h3>
            <ParagraphComments
              idPrefix="draft-a"
              paragraphs={m.draft.assessment.map((p, i) => ({
                id: p.id,
                text: p.text,
                label: t('meeting.paragraph', { n: i + 1 }),
              }))}
              comments={of('paragraph')}
              canComment={c.canComment}
              canModerate={c.canModerate}
              onAdd={add('paragraph')}
              onMark={mark}
            />
            <h3>{t('meeting.tasks')}</h3>
            <ParagraphComments
              idPrefix="draft-t"
              paragraphs={m.draft.tasks.map((task, i) => ({
                id: task.id,
                text: task.content,
                label: t('meeting.taskContent', { n: i + 1 }),
                meta: [
                  t('meeting.taskOwner', { owner: task.owner }),
                  task.deadline ? t('meeting.taskDeadline', { date: formatDate(task.deadline) }) : '',
                ]
                  .filter(Boolean)
                  .join(' · '),
              }))}
              comments={of('paragraph')}
              canComment={c.canComment}
              canModerate={c.canModerate}
              onAdd={add('paragraph')}
              onMark={mark}
            />
            {m.draft.version > 1 && <DraftDiff meetingId={m.id} version={m.draft.version} />}
          </>
        )}
      </section>

      <section aria-labelledby="mt-programme">
        <h2 id="mt-programme">{t('meeting.programme')}</h2>
        <ParagraphComments
          idPrefix="agenda"
          paragraphs={m.steps.map((s, i) => ({
            id: s.id,
            text: s.title,
            label: `${i + 1}.`,
            meta: s.description,
          }))}
          comments={of('agenda')}
          canComment={c.canComment}
          canModerate={c.canModerate}
          onAdd={add('agenda')}
          onMark={mark}
        />
      </section>
    </Screen>
  );
}

interface DiffPart {
  type: 'same' | 'added' | 'removed';
  text: string;
}
type Change =
  { type: 'unchanged' | 'added' | 'removed'; text: string } | { type: 'changed'; inline: DiffPart[] };

/** What changed since the previous version, word by word inside edited paragraphs. */
function DraftDiff(props: { meetingId: string; version: number }) {
  const [open, setOpen] = useState(false);
  const [diff, setDiff] = useState<{ assessment: Change[]; tasks: Change[] } | null>(null);
  const from = props.version - 1;
  const toggle = async () => {
    setOpen(!open);
    if (!diff)
      setDiff(
        (
          await api<{ diff: { assessment: Change[]; tasks: Change[] } }>(
            'GET',
            `${apiUrl(props.meetingId)}/drafts/diff?from=${from}&to=${props.version}`,
          )
        ).diff,
      );
  };
  const render = (c: Change, i: number) => (
    <li key={i}>
      {c.type === 'changed' ? (
        c.inline.map((p, j) => (
          <span key={j} class={p.type === 'same' ? undefined : `mt-diff-${p.type}`}>
            {p.text}
          </span>
        ))
      ) : (
        <span class={c.type === 'unchanged' ? undefined : `mt-diff-${c.type}`}>{c.text}</span>
      )}
    </li>
  );
  return (
    <div>
      <button type="button" class="button" aria-expanded={open} onClick={toggle}>
        {t('meeting.compare', { from, to: props.version })}
      </button>
      {open && diff && (
        <ol>
          {diff.assessment.map(render)}
          {diff.tasks.map(render)}
        </ol>
      )}
    </div>
  );
}
