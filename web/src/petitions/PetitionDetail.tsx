import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { categoryKey, eventKey, statusKey, type PetitionDetail as Detail } from './types.ts';
import './petitions.css';

type Act = (body: Record<string, unknown>) => Promise<void>;

/** A petition as its sender or the handling committee sees it: text, answer, history, and what each may do. */
export default function PetitionDetail(props: { petitionId: string }) {
  const url = `/api/v1/petitions/${encodeURIComponent(props.petitionId)}`;
  const [state, retry] = useAsync(() => api<Detail>('GET', url), [url]);
  const [current, setCurrent] = useState<Detail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('petition.title')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  const p = current && current.id === state.value.id ? current : state.value;

  const act: Act = async (body) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setCurrent(await api<Detail>('POST', `${url}/actions`, { version: p.version, ...body }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen
      title={p.title}
      lead={
        <p class="lead">
          {t(categoryKey(p.category))} · {p.addressedOrgName}
        </p>
      }
    >
      <p class="badges">
        <span class="badge">{t(statusKey(p.status))}</span>
        {p.confidential && <span class="badge">{t('petition.confidentialBadge')}</span>}
        {p.overdue ? (
          <span class="badge badge-late">{t('petition.overdue')}</span>
        ) : (
          !p.answeredAt && <span class="badge">{t('petition.due', { date: formatDate(p.dueAt) })}</span>
        )}
      </p>
      {!p.mine && <p class="muted">{t('petition.from', { name: p.senderName })}</p>}
      <p class="petition-body">{p.body}</p>

      <section aria-labelledby="pt-answer">
        <h2 id="pt-answer">{t('petition.answer')}</h2>
        {p.answer ? <p class="petition-body">{p.answer}</p> : <p>{t('petition.noAnswer')}</p>}
        {p.reply && (
          <>
            <h3>{t('petition.yourReply')}</h3>
            <p class="petition-body">{p.reply}</p>
          </>
        )}
      </section>

      <Alert message={error} />
      {p.mine && <SenderActions p={p} act={act} busy={busy} />}
      {p.canHandle && <CommitteeActions p={p} act={act} busy={busy} />}

      <section aria-labelledby="pt-history">
        <h2 id="pt-history">{t('petition.history')}</h2>
        <ol class="petition-timeline">
          {p.history.map((h, i) => (
            <li key={i}>
              <time dateTime={h.at}>{formatDate(h.at)}</time>
              {t(eventKey(h.kind), { org: h.orgName ?? '' })}
              {h.note && <span class="petition-body"> — {h.note}</span>}
            </li>
          ))}
        </ol>
      </section>
    </Screen>
  );
}

function SenderActions(props: { p: Detail; act: Act; busy: boolean }) {
  const { p, act, busy } = props;
  const [reply, setReply] = useState('');
  const answered = p.status === 'answered' || p.status === 'closed';
  return (
    <section class="petition-panel stack">
      {p.status === 'answered' && !p.reply && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void act({ action: 'reply', text: reply.trim() });
          }}
        >
          <div class="field">
            <label for="pt-reply">{t('petition.reply')}</label>
            <textarea id="pt-reply" rows={4} value={reply} onInput={(e) => setReply(e.currentTarget.value)} />
          </div>
          <button class="button" type="submit" disabled={busy || !reply.trim()}>
            {t('petition.sendReply')}
          </button>
        </form>
      )}
      {answered &&
        (p.rating ? (
          <p>{t('petition.rated', { n: p.rating })}</p>
        ) : (
          <fieldset>
            <legend>{t('petition.rate')}</legend>
            <div class="petition-stars">
              {[1, 2, 3, 4, 5].map((n) => (
                <button
                  key={n}
                  type="button"
                  class="button"
                  disabled={busy}
                  aria-label={t('petition.stars', { n })}
                  onClick={() => void act({ action: 'rate', rating: n })}
                >
                  {'★'.repeat(n)}
                </button>
              ))}
            </div>
          </fieldset>
        ))}
      {(p.status === 'sent' || p.status === 'acknowledged') && (
        <button class="button" type="button" disabled={busy} onClick={() => void act({ action: 'withdraw' })}>
          {t('petition.withdraw')}
        </button>
      )}
    </section>
  );
}

function CommitteeActions(props: { p: Detail; act: Act; busy: boolean }) {
  const { p, act, busy } = props;
  const [answer, setAnswer] = useState('');
  const [to, setTo] = useState('');
  const [note, setNote] = useState('');
  const open = ['sent', 'acknowledged', 'in_progress'].includes(p.status);
  return (
    <section class="petition-panel stack">
      {open && (
        <div class="actions">
          {p.status === 'sent' && (
            <button
              class="button"
              type="button"
              disabled={busy}
              onClick={() => void act({ action: 'acknowledge' })}
            >
              {t('petition.acknowledge')}
            </button>
          )}
        </div>
      )}
      {open && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void act({ action: 'answer', text: answer.trim() });
          }}
        >
          <div class="field">
            <label for="pt-answer-text">{t('petition.answerLabel')}</label>
            <textarea
              id="pt-answer-text"
              rows={6}
              value={answer}
              onInput={(e) => setAnswer(e.currentTarget.value)}
            />
          </div>
          <button class="button button-primary" type="submit" disabled={busy || !answer.trim()}>
            {t('petition.sendAnswer')}
          </button>
        </form>
      )}
      {open && p.forwardTargets.length > 0 && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void act({
              action: 'forward',
              toOrgId: to || p.forwardTargets[0]!.id,
              note: note.trim() || undefined,
            });
          }}
        >
          <div class="field">
            <label for="pt-forward">{t('petition.forwardTo')}</label>
            <select id="pt-forward" value={to} onChange={(e) => setTo(e.currentTarget.value)}>
              {p.forwardTargets.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="pt-forward-note">{t('petition.forwardNote')}</label>
            <input id="pt-forward-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          <button class="button" type="submit" disabled={busy}>
            {t('petition.forward')}
          </button>
        </form>
      )}
      {p.status === 'answered' && (
        <button class="button" type="button" disabled={busy} onClick={() => void act({ action: 'close' })}>
          {t('petition.close')}
        </button>
      )}
    </section>
  );
}
