import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { Countdown } from './Countdown.tsx';
import { Options } from './Options.tsx';
import type { Attempt, Contest as ContestInfo } from './types.ts';
import './quizzes.css';

interface Board {
  org: { id: string; name: string };
  entries: Array<{
    rank: number;
    name: string;
    branchName: string;
    score: number;
    total: number;
    seconds: number;
    me: boolean;
  }>;
}

/** For the contest's runners: the organisations below the board shown, to open their own boards. */
function BoardsBelow(props: { orgId: string; onOpen: (org: { orgId: string; name: string }) => void }) {
  const [state] = useAsync(
    () =>
      api<{ items: Array<{ id: string; name: string }> }>(
        'GET',
        `/api/v1/orgs/${encodeURIComponent(props.orgId)}/children`,
      ),
    [props.orgId],
  );
  if (state.status !== 'done' || state.value.items.length === 0) return null;
  return (
    <>
      <h3>{t('quizAdmin.boardsBelow')}</h3>
      <ul class="list">
        {state.value.items.map((o) => (
          <li key={o.id}>
            <button
              type="button"
              class="list-link quiz-drill"
              onClick={() => props.onOpen({ orgId: o.id, name: o.name })}
            >
              <span class="list-title">{o.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

function Leaderboards(props: { contest: ContestInfo }) {
  const [opened, setOpened] = useState<Array<{ orgId: string; name: string }>>([]);
  const [orgId, setOrgId] = useState(props.contest.boards[0]?.orgId ?? '');
  const tabs = [...props.contest.boards, ...opened];
  const open = (org: { orgId: string; name: string }) => {
    // Opening a board below drops the boards opened under the one it replaces.
    const at = tabs.findIndex((b) => b.orgId === orgId) - props.contest.boards.length;
    setOpened([...opened.slice(0, Math.max(0, at + 1)), org]);
    setOrgId(org.orgId);
  };
  const [state, retry] = useAsync(
    () =>
      api<Board>(
        'GET',
        `/api/v1/contests/${encodeURIComponent(props.contest.id)}/leaderboard?orgId=${encodeURIComponent(orgId)}`,
      ),
    [orgId],
  );
  return (
    <section aria-labelledby="ct-board">
      <h2 id="ct-board">{t('quiz.leaderboard')}</h2>
      <div class="quiz-tabs" role="group" aria-label={t('quiz.leaderboard')}>
        {tabs.map((b) => (
          <button
            key={b.orgId}
            type="button"
            class={`button ${b.orgId === orgId ? 'button-primary' : ''}`}
            aria-pressed={b.orgId === orgId}
            onClick={() => setOrgId(b.orgId)}
          >
            {b.name}
          </button>
        ))}
      </div>
      {state.status === 'loading' && <Loading />}
      {state.status === 'error' && <LoadError message={state.message} retry={retry} />}
      {state.status === 'done' &&
        (state.value.entries.length === 0 ? (
          <p>{t('quiz.boardEmpty')}</p>
        ) : (
          <ol class="quiz-board">
            {state.value.entries.map((e, i) => (
              <li key={i} class={e.me ? 'quiz-me' : ''}>
                <span class="quiz-rank">{e.rank}</span>
                <span class="list-text">
                  <span class="list-title">{e.name}</span>
                  <span class="list-meta"> {e.branchName}</span>
                </span>
                <span class="badge">
                  {e.score}/{e.total} · {Math.floor(e.seconds / 60)}:{String(e.seconds % 60).padStart(2, '0')}
                </span>
              </li>
            ))}
          </ol>
        ))}
      {props.contest.canManage && orgId && <BoardsBelow orgId={orgId} onOpen={open} />}
    </section>
  );
}

function Results(props: { contest: ContestInfo; attempt: Attempt }) {
  const { contest, attempt } = props;
  return (
    <>
      <p role="status" class="quiz-score">
        {t('quiz.scoreOf', { score: attempt.score ?? 0, total: attempt.total })}
      </p>
      <p class="actions">
        <a
          class="button button-primary"
          href={`/api/v1/contests/${encodeURIComponent(contest.id)}/certificate`}
          download
        >
          {t('quiz.certificate')}
        </a>
      </p>
      <Leaderboards contest={contest} />
      <section aria-labelledby="ct-answers">
        <h2 id="ct-answers">{t('quiz.answers')}</h2>
        {attempt.questions.map((q, i) => (
          <div key={q.id} class="quiz-review">
            <h3 class="quiz-stem">
              {i + 1}. {q.stem}
            </h3>
            <Options
              name={`r-${q.id}`}
              kind={q.kind}
              options={q.options}
              chosen={q.chosen}
              disabled
              correct={q.correctOptions}
              onChange={() => {}}
            />
            {q.paragraph && <blockquote>{q.paragraph.text}</blockquote>}
          </div>
        ))}
      </section>
    </>
  );
}

/** A contest: its rules, then the paper with a countdown kept by the server, then results and leaderboards. */
export default function Contest(props: { contestId: string }) {
  const base = `/api/v1/contests/${encodeURIComponent(props.contestId)}`;
  const [state, retry] = useAsync(() => api<ContestInfo>('GET', base), [props.contestId]);
  const [attempt, setAttempt] = useState<{ a: Attempt; loadedAt: number } | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const contest = state.status === 'done' ? state.value : null;
  useEffect(() => {
    if (contest && contest.attempt !== 'none' && !attempt)
      api<Attempt>('GET', `${base}/attempt`).then(
        (a) => setAttempt({ a, loadedAt: Date.now() }),
        (e: unknown) => setError(errorMessage(e)),
      );
  }, [contest?.attempt]);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const c = state.value;
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    run(async () =>
      setAttempt({ a: await api<Attempt>('POST', `${base}/attempt`, {}), loadedAt: Date.now() }),
    );
  const submit = () =>
    run(async () => {
      setAttempt({ a: await api<Attempt>('POST', `${base}/attempt/finish`, {}), loadedAt: Date.now() });
      retry();
    });
  const expire = () =>
    void api<Attempt>('GET', `${base}/attempt`).then((a) => setAttempt({ a, loadedAt: Date.now() }));
  const choose = (qid: string, chosen: number[]) =>
    run(async () => {
      await api('POST', `${base}/attempt/answers`, { questionId: qid, chosen });
      if (!attempt) return;
      setAttempt({
        ...attempt,
        a: { ...attempt.a, questions: attempt.a.questions.map((q) => (q.id === qid ? { ...q, chosen } : q)) },
      });
    });
  const lead = (
    <p class="lead">
      {c.orgName} · {c.documentTitle}
    </p>
  );
  if (attempt?.a.finished)
    return (
      <Screen title={c.title} lead={lead}>
        <Results contest={{ ...c, attempt: 'finished' }} attempt={attempt.a} />
      </Screen>
    );
  if (attempt) {
    const q = attempt.a.questions[index]!;
    const answered = attempt.a.questions.filter((x) => x.chosen.length > 0).length;
    return (
      <Screen
        title={c.title}
        lead={
          <Countdown
            remainingSeconds={attempt.a.remainingSeconds}
            loadedAt={attempt.loadedAt}
            onExpire={expire}
          />
        }
      >
        <p class="quiz-counter">
          {t('quiz.questionOf', { n: index + 1, total: attempt.a.questions.length })} ·{' '}
          {t('quiz.answered', { n: answered })}
        </p>
        <h2 class="quiz-stem">{q.stem}</h2>
        <Options
          name={`c-${q.id}`}
          kind={q.kind}
          options={q.options}
          chosen={q.chosen}
          disabled={busy}
          onChange={(ch) => void choose(q.id, ch)}
        />
        {error && <p role="alert">{error}</p>}
        <p class="actions">
          <button type="button" class="button" disabled={index === 0} onClick={() => setIndex(index - 1)}>
            {t('quiz.previous')}
          </button>
          {index + 1 < attempt.a.questions.length ? (
            <button type="button" class="button button-primary" onClick={() => setIndex(index + 1)}>
              {t('quiz.next')}
            </button>
          ) : (
            <button type="button" class="button button-primary" disabled={busy} onClick={() => void submit()}>
              {t('quiz.submit')}
            </button>
          )}
        </p>
      </Screen>
    );
  }
  return (
    <Screen title={c.title} lead={lead}>
      <ul class="quiz-rules">
        <li>{t('quiz.rulesCount', { n: c.questionCount, m: Math.round(c.timeLimitSeconds / 60) })}</li>
        <li>{t('quiz.rulesWindow', { from: formatDate(c.startsAt), to: formatDate(c.endsAt) })}</li>
        <li>{t('quiz.rulesOnce')}</li>
      </ul>
      {error && <p role="alert">{error}</p>}
      {c.attempt === 'none' && !c.canTake && <p>{t('quizAdmin.runnerOnly')}</p>}
      {c.attempt === 'none' && c.open && c.canTake && (
        <button type="button" class="button button-primary" disabled={busy} onClick={() => void start()}>
          {t('quiz.start')}
        </button>
      )}
      {c.attempt === 'none' && !c.open && <p>{t('quiz.notOpen')}</p>}
      {c.attempt === 'none' && <Leaderboards contest={c} />}
    </Screen>
  );
}
