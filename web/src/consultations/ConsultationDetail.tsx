import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import type { MessageKey } from '../i18n/vi.ts';
import {
  ParagraphComments,
  type ParagraphComment,
} from '../meetings/paragraph-comments/ParagraphComments.tsx';

interface Question {
  id: string;
  text: string;
  kind: 'text' | 'choice';
  options: string[];
  myAnswer: string | null;
  results: Record<string, number> | string[] | null;
}

interface Detail {
  id: string;
  orgName: string;
  title: string;
  intro: string;
  closesAt: string;
  state: 'upcoming' | 'open' | 'closed';
  role: { owner: boolean; compiler: boolean; participant: boolean };
  paragraphs: Array<{ id: string; text: string }>;
  questions: Question[];
  comments: ParagraphComment[];
  summaries: Array<{ orgId: string; orgName: string; summary: string; createdAt: string }>;
  compileFor: Array<{ id: string; name: string }>;
}

/**
 * A draft opened for opinions: members tap a paragraph to comment on it and answer the questions; committees
 * see what their subtree said, answer comments and forward a summary upward.
 */
export default function ConsultationDetail(props: { consultationId: string }) {
  const url = `/api/v1/consultations/${encodeURIComponent(props.consultationId)}`;
  const [state, retry] = useAsync(() => api<Detail>('GET', url), [url]);
  // After a change the page is refreshed in place, so an open comment thread stays open.
  const [fresh, setFresh] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const reload = async () => setFresh(await api<Detail>('GET', url));

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('consultation.title')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  const c = fresh && fresh.id === state.value.id ? fresh : state.value;
  const open = c.state === 'open';

  async function run(work: () => Promise<unknown>, ok?: string) {
    setError(null);
    setSaved(null);
    try {
      await work();
      if (ok) setSaved(ok);
      await reload();
    } catch (e) {
      setError(errorMessage(e));
      throw e;
    }
  }

  return (
    <Screen
      title={c.title}
      lead={
        <p class="lead">
          {c.orgName} · {t(`consultation.state.${c.state}` as MessageKey)} ·{' '}
          {t('consultation.until', { date: formatDate(c.closesAt) })}
        </p>
      }
    >
      {c.intro && <p>{c.intro}</p>}
      <Alert message={error} />
      <Alert message={saved} kind="success" />
      <section aria-labelledby="cs-draft">
        <h2 id="cs-draft">{t('consultation.draft')}</h2>
        <p class="hint">{open ? t('consultation.tapHint') : t('consultation.closedHint')}</p>
        <ParagraphComments
          idPrefix="cs"
          paragraphs={c.paragraphs.map((p, i) => ({
            ...p,
            label: t('consultation.paragraph', { n: i + 1 }),
          }))}
          comments={c.comments}
          canComment={open && (c.role.participant || c.role.owner)}
          canModerate={c.role.owner}
          onAdd={(targetId, body, parentId) =>
            run(() => api('POST', `${url}/comments`, { targetId, body, ...(parentId ? { parentId } : {}) }))
          }
          onMark={(commentId, status) =>
            run(() => api('POST', `${url}/comments/${encodeURIComponent(commentId)}/status`, { status }))
          }
        />
      </section>
      {c.questions.length > 0 && (
        <Questions
          c={c}
          open={open}
          onSave={(answers) =>
            run(() => api('PUT', `${url}/answers`, { answers }), t('consultation.answersSaved'))
          }
        />
      )}
      {(c.role.owner || c.role.compiler) && (
        <section aria-labelledby="cs-summaries">
          <h2 id="cs-summaries">{t('consultation.summaries')}</h2>
          {c.summaries.length === 0 && <p>{t('consultation.noSummaries')}</p>}
          <ul class="plain-list">
            {c.summaries.map((s) => (
              <li key={s.orgId + s.createdAt}>
                <strong>{s.orgName}</strong>: {s.summary}
              </li>
            ))}
          </ul>
          {c.compileFor.map((o) => (
            <SummaryForm
              key={o.id}
              orgName={o.name}
              onSend={(summary) =>
                run(
                  () => api('POST', `${url}/summaries`, { orgId: o.id, summary }),
                  t('consultation.summarySent'),
                )
              }
            />
          ))}
          <p class="actions">
            <a class="button" href={`${url}/export?format=xlsx`} download>
              {t('consultation.exportXlsx')}
            </a>
            <a class="button" href={`${url}/export?format=docx`} download>
              {t('consultation.exportDocx')}
            </a>
          </p>
          {c.role.owner && open && (
            <button class="button" type="button" onClick={() => void run(() => api('POST', `${url}/close`))}>
              {t('consultation.close')}
            </button>
          )}
        </section>
      )}
    </Screen>
  );
}

function Questions(props: {
  c: Detail;
  open: boolean;
  onSave: (answers: Array<{ questionId: string; value: string }>) => Promise<void>;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(props.c.questions.map((q) => [q.id, q.myAnswer ?? ''])),
  );
  const canAnswer = props.open && props.c.role.participant;
  return (
    <section aria-labelledby="cs-questions">
      <h2 id="cs-questions">{t('consultation.questions')}</h2>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          const answers = Object.entries(values)
            .filter(([, v]) => v.trim())
            .map(([questionId, value]) => ({ questionId, value }));
          void props.onSave(answers).catch(() => undefined);
        }}
      >
        {props.c.questions.map((q) => (
          <fieldset key={q.id}>
            <legend>{q.text}</legend>
            {q.kind === 'choice' ? (
              q.options.map((o) => (
                <label class="check" key={o}>
                  <input
                    type="radio"
                    name={`q-${q.id}`}
                    value={o}
                    checked={values[q.id] === o}
                    disabled={!canAnswer}
                    onChange={() => setValues({ ...values, [q.id]: o })}
                  />
                  <span>
                    {o}
                    {q.results && !Array.isArray(q.results) && ` — ${q.results[o] ?? 0}`}
                  </span>
                </label>
              ))
            ) : (
              <textarea
                aria-label={q.text}
                rows={3}
                value={values[q.id]}
                disabled={!canAnswer}
                onInput={(e) => setValues({ ...values, [q.id]: e.currentTarget.value })}
              />
            )}
            {Array.isArray(q.results) && q.results.length > 0 && (
              <ul class="plain-list">
                {q.results.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            )}
          </fieldset>
        ))}
        {canAnswer && (
          <button class="button button-primary" type="submit">
            {t('consultation.saveAnswers')}
          </button>
        )}
      </form>
    </section>
  );
}

function SummaryForm(props: { orgName: string; onSend: (summary: string) => Promise<void> }) {
  const [text, setText] = useState('');
  const id = `cs-sum-${props.orgName.length}-${props.orgName.charCodeAt(0)}`;
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSend(text.trim()).then(
          () => setText(''),
          () => undefined,
        );
      }}
    >
      <div class="field">
        <label for={id}>{t('consultation.summaryFor', { org: props.orgName })}</label>
        <textarea id={id} rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <button class="button" type="submit" disabled={!text.trim()}>
        {t('consultation.sendSummary')}
      </button>
    </form>
  );
}
