import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { apiUrl, meetingUrl, type LiveState, type MeetingDetail, type Motion } from './types.ts';
import './meetings.css';

/** Follows the meeting over server-sent events; the first event is always the full current state. */
function useLive(meetingId: string, initial: LiveState | null) {
  const [live, setLive] = useState<LiveState | null>(initial);
  const [lost, setLost] = useState(false);
  useEffect(() => {
    const source = new EventSource(`${apiUrl(meetingId)}/live`);
    source.addEventListener('state', (e) => {
      const next = JSON.parse((e as MessageEvent<string>).data) as LiveState;
      setLive((prev) => (prev && prev.version > next.version ? prev : next));
      setLost(false);
    });
    source.onerror = () => setLost(true);
    return () => source.close();
  }, [meetingId]);
  return { live, setLive, lost };
}

export default function Live(props: { meetingId: string }) {
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<MeetingDetail>('GET', apiUrl(props.meetingId)),
        api<LiveState>('GET', `${apiUrl(props.meetingId)}/state`),
      ]),
    [props.meetingId],
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('meeting.live')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  return <LiveScreen meeting={state.value[0]} initial={state.value[1]} />;
}

function LiveScreen(props: { meeting: MeetingDetail; initial: LiveState }) {
  const m = props.meeting;
  const { live, setLive, lost } = useLive(m.id, props.initial);
  const [error, setError] = useState<string | null>(null);
  const s = live ?? props.initial;
  const manage = m.permissions.manage;
  const act = async (path: string, body: unknown) => {
    setError(null);
    try {
      const next = await api<LiveState>('POST', `${apiUrl(m.id)}/${path}`, body);
      if (next && typeof next.version === 'number') setLive(next);
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };
  const open = s.steps.find((x) => x.state === 'open');
  const next = s.steps.find((x) => x.state === 'pending');
  const current = open ?? next;
  const a = s.attendance;
  return (
    <Screen
      before={
        <p>
          <a href={meetingUrl(m.id)}>{t('meeting.back')}</a>
        </p>
      }
      title={t('meeting.live')}
      lead={<p class="lead">{m.title}</p>}
    >
      {lost && <p class="mt-banner">{t('meeting.connection')}</p>}
      <p aria-live="polite">
        {t('meeting.quorum', { present: a.present, base: a.base, required: a.required })} —{' '}
        <strong>{a.quorumMet ? t('meeting.quorumMet') : t('meeting.quorumNotMet')}</strong>
      </p>
      {s.status === 'published' && (
        <p>
          {t('meeting.notStarted')}{' '}
          {manage && (
            <button
              type="button"
              class="button button-primary"
              onClick={() => act('start', { expectedVersion: s.version })}
            >
              {t('meeting.start')}
            </button>
          )}
        </p>
      )}
      {s.status === 'live' && (
        <section class="mt-current" aria-live="polite" aria-labelledby="mt-cur">
          <h2 id="mt-cur">
            {open ? t('meeting.currentStep') : next ? t('meeting.nextStep') : t('meeting.allDone')}
          </h2>
          {current && (
            <>
              <p data-testid="current-step">
                <strong>{current.title}</strong>
              </p>
              <p>{current.description}</p>
            </>
          )}
          {manage && (
            <div class="mt-row">
              {open && (
                <button
                  type="button"
                  class="button button-primary"
                  onClick={() =>
                    act('steps', { action: 'close', stepId: open.id, expectedVersion: s.version })
                  }
                >
                  {t('meeting.closeStep')}
                </button>
              )}
              {!open && next && (
                <button
                  type="button"
                  class="button button-primary"
                  onClick={() =>
                    act('steps', { action: 'open', stepId: next.id, expectedVersion: s.version })
                  }
                >
                  {t('meeting.openStep', { title: next.title })}
                </button>
              )}
              {!open && next?.optional && (
                <button
                  type="button"
                  class="button"
                  onClick={() =>
                    act('steps', { action: 'skip', stepId: next.id, expectedVersion: s.version })
                  }
                >
                  {t('meeting.skipStep')}
                </button>
              )}
              {!open && !next && (
                <button
                  type="button"
                  class="button button-primary"
                  onClick={async () =>
                    (await act('end', { expectedVersion: s.version })) &&
                    navigate(`${meetingUrl(m.id)}/minutes`)
                  }
                >
                  {t('meeting.end')}
                </button>
              )}
            </div>
          )}
        </section>
      )}
      <Alert message={error} />
      {s.status === 'live' && !manage && m.permissions.attend && <CheckIn meetingId={m.id} />}
      {s.status === 'live' && (
        <Votes meetingId={m.id} motions={s.motions} manage={manage} voteBase={a.voteBase} />
      )}
      {s.status === 'live' && manage && <Qr meetingId={m.id} />}
      {s.status === 'live' && manage && (
        <RollCall meetingId={m.id} version={`${s.version}:${a.present}:${a.base}`} />
      )}
      {s.status === 'live' && open && m.permissions.minuteTaker && (
        <Notes meetingId={m.id} stepId={open.id} />
      )}
      <section aria-labelledby="mt-prog">
        <h2 id="mt-prog">{t('meeting.programme')}</h2>
        <ol class="mt-steps">
          {s.steps.map((x) => (
            <li
              key={x.id}
              class={`mt-step-${x.state}`}
              aria-current={x.state === 'open' ? 'step' : undefined}
            >
              {x.title}
            </li>
          ))}
        </ol>
      </section>
    </Screen>
  );
}

function CheckIn(props: { meetingId: string }) {
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const send = async (body: { code?: string; token?: string }) => {
    setError(null);
    try {
      await api('POST', `${apiUrl(props.meetingId)}/check-in`, body);
      setDone(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const Detector = (
    window as unknown as {
      BarcodeDetector?: new (o: { formats: string[] }) => {
        detect(v: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
      };
    }
  ).BarcodeDetector;
  const scan = async () => {
    if (!Detector || !navigator.mediaDevices) return;
    setScanning(true);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      const v = video.current!;
      v.srcObject = stream;
      await v.play();
      const detector = new Detector({ formats: ['qr_code'] });
      for (let i = 0; i < 300; i++) {
        const found = (await detector.detect(v))[0]?.rawValue;
        const match = found && /^sotay:checkin:([^:]+):(.+)$/.exec(found);
        if (match) {
          stream.getTracks().forEach((tr) => tr.stop());
          setScanning(false);
          await send({ token: match[2] });
          return;
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      stream.getTracks().forEach((tr) => tr.stop());
    } catch (e) {
      setError(errorMessage(e));
    }
    setScanning(false);
  };
  if (done) return <p class="alert alert-success">{t('meeting.checkedInDone')}</p>;
  return (
    <section aria-labelledby="mt-ci" class="mt-form">
      <h2 id="mt-ci">{t('meeting.checkIn')}</h2>
      {Detector && (
        <button type="button" class="button" onClick={scan} disabled={scanning}>
          {t('meeting.checkInScan')}
        </button>
      )}
      {scanning && <video ref={video} muted playsInline style={{ width: '100%' }} />}
      <form
        class="mt-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send({ code: code.trim() });
        }}
      >
        <label for="mt-code">{t('meeting.checkInCode')}</label>
        <input
          id="mt-code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onInput={(e) => setCode((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="button button-primary">
          {t('meeting.checkInSubmit')}
        </button>
      </form>
      <Alert message={error} />
    </section>
  );
}

function Qr(props: { meetingId: string }) {
  const [qr, setQr] = useState<{ svg: string; code: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    try {
      setQr(await api<{ svg: string; code: string }>('POST', `${apiUrl(props.meetingId)}/check-in-code`));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useEffect(() => {
    if (!qr) return;
    // The code lives two minutes; a fresh one keeps the screen usable for late arrivals.
    const timer = setInterval(() => void show(), 100_000);
    return () => clearInterval(timer);
  }, [qr !== null]);
  return (
    <section aria-labelledby="mt-qr">
      <h2 id="mt-qr">{t('meeting.qrTitle')}</h2>
      {!qr ? (
        <button type="button" class="button" onClick={show}>
          {t('meeting.qrShow')}
        </button>
      ) : (
        <div class="mt-qr">
          <div role="img" aria-label={t('meeting.qrTitle')} dangerouslySetInnerHTML={{ __html: qr.svg }} />
          <p class="mt-code" data-testid="checkin-code">
            {qr.code}
          </p>
          <p>{t('meeting.qrHint')}</p>
        </div>
      )}
      <Alert message={error} />
    </section>
  );
}

interface RollMember {
  memberId: string;
  name: string;
  state: string;
  reason: string | null;
  checkedIn: boolean;
}

function RollCall(props: { meetingId: string; version: string }) {
  const [state, retry] = useAsync(
    () => api<{ members: RollMember[] }>('GET', `${apiUrl(props.meetingId)}/attendance`),
    [props.meetingId, props.version],
  );
  const [error, setError] = useState<string | null>(null);
  if (state.status !== 'done') return null;
  const mark = async (memberId: string, value: string, reason?: string) => {
    setError(null);
    try {
      await api('PUT', `${apiUrl(props.meetingId)}/attendance`, {
        marks: [
          value === 'absent_with_reason'
            ? { memberId, mark: value, reason: reason || '…' }
            : { memberId, mark: value },
        ],
      });
      retry();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const marks = ['present', 'absent_with_reason', 'absent_without_reason', 'exempt'] as const;
  return (
    <section aria-labelledby="mt-roll">
      <h2 id="mt-roll">{t('meeting.rollCall')}</h2>
      <Alert message={error} />
      <ul class="mt-roll">
        {state.value.members.map((x) => (
          <li key={x.memberId}>
            <label for={`mt-r-${x.memberId}`}>
              {x.name}
              {x.checkedIn && <span class="badge"> {t('meeting.checkedIn')}</span>}
            </label>
            <select
              id={`mt-r-${x.memberId}`}
              value={x.state === 'exempt_not_attending' ? 'exempt' : x.state}
              onChange={(e) => {
                const value = (e.target as HTMLSelectElement).value;
                const reason =
                  value === 'absent_with_reason'
                    ? (window.prompt(t('meeting.reason', { name: x.name })) ?? '')
                    : undefined;
                void mark(x.memberId, value, reason);
              }}
            >
              {x.state === 'unmarked' && <option value="unmarked">{t('meeting.mark.unmarked')}</option>}
              {marks.map((k) => (
                <option key={k} value={k}>
                  {t(`meeting.mark.${k}`)}
                </option>
              ))}
            </select>
            {x.reason && <span> — {x.reason}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Notes(props: { meetingId: string; stepId: string }) {
  const [text, setText] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [message, setMessage] = useState<{ text: string; kind: 'error' | 'success' } | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await api('POST', `${apiUrl(props.meetingId)}/notes`, {
        stepId: props.stepId,
        text,
        speaker: speaker || null,
      });
      setText('');
      setMessage({ text: t('meeting.saved'), kind: 'success' });
    } catch (err) {
      setMessage({ text: errorMessage(err), kind: 'error' });
    }
  };
  return (
    <form class="mt-form" onSubmit={save} aria-labelledby="mt-notes">
      <h2 id="mt-notes">{t('meeting.notes')}</h2>
      <label for="mt-sp">{t('meeting.speaker')}</label>
      <input id="mt-sp" value={speaker} onInput={(e) => setSpeaker((e.target as HTMLInputElement).value)} />
      <label for="mt-nt">{t('meeting.noteText')}</label>
      <textarea
        id="mt-nt"
        rows={4}
        required
        value={text}
        onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
      />
      <button type="submit" class="button">
        {t('meeting.addNote')}
      </button>
      <Alert message={message?.text} kind={message?.kind} />
    </form>
  );
}

function Votes(props: { meetingId: string; motions: Motion[]; manage: boolean; voteBase: number }) {
  const openMotion = props.motions.find((x) => x.status === 'open');
  const [mine, retry] = useAsync(
    () =>
      api<{ items: Array<Motion & { myChoice: string | null }> }>(
        'GET',
        `${apiUrl(props.meetingId)}/motions`,
      ),
    [props.meetingId, openMotion?.id, openMotion?.ballots],
  );
  const [title, setTitle] = useState('Thông qua nghị quyết');
  const [method, setMethod] = useState<'app' | 'show_of_hands'>('app');
  const [hands, setHands] = useState({ for: 0, against: 0, abstain: 0 });
  const [error, setError] = useState<string | null>(null);
  const call = async (method2: 'POST' | 'PUT', path: string, body?: unknown) => {
    setError(null);
    try {
      await api(method2, `${apiUrl(props.meetingId)}/${path}`, body);
      retry();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const myChoice =
    mine.status === 'done' && openMotion
      ? mine.value.items.find((x) => x.id === openMotion.id)?.myChoice
      : null;
  const choices = ['for', 'against', 'abstain'] as const;
  return (
    <section aria-labelledby="mt-vote">
      <h2 id="mt-vote">{t('meeting.vote')}</h2>
      {props.motions
        .filter((x) => x.status === 'closed' && x.outcome)
        .map((x) => (
          <p key={x.id}>
            <strong>{x.title}</strong>:{' '}
            {t('meeting.result', {
              for: x.outcome!.for,
              base: x.outcome!.base,
              verdict: x.outcome!.passed ? t('meeting.passed') : t('meeting.failed'),
            })}
          </p>
        ))}
      {openMotion && (
        <div class="mt-form">
          <p>
            <strong>{openMotion.title}</strong> — {t('meeting.ballots', { n: openMotion.ballots })}
          </p>
          {openMotion.method === 'app' && !props.manage && myChoice && (
            <p>{t('meeting.myVote', { choice: t(`meeting.choice.${myChoice as 'for'}`) })}</p>
          )}
          {openMotion.method === 'app' && !myChoice && (
            <div class="mt-row">
              {choices.map((c) => (
                <button
                  key={c}
                  type="button"
                  class={c === 'for' ? 'button button-primary' : 'button'}
                  onClick={() => call('POST', `motions/${openMotion.id}/ballots`, { choice: c })}
                >
                  {t(`meeting.choice.${c}`)}
                </button>
              ))}
            </div>
          )}
          {props.manage && openMotion.method === 'show_of_hands' && (
            <form
              class="mt-form"
              onSubmit={(e) => {
                e.preventDefault();
                void call('PUT', `motions/${openMotion.id}/hands`, hands);
              }}
            >
              {choices.map((c) => (
                <div key={c}>
                  <label for={`mt-h-${c}`}>{t(`meeting.choice.${c}`)}</label>
                  <input
                    id={`mt-h-${c}`}
                    type="number"
                    min={0}
                    max={props.voteBase}
                    value={hands[c]}
                    onInput={(e) => setHands({ ...hands, [c]: Number((e.target as HTMLInputElement).value) })}
                  />
                </div>
              ))}
              <button type="submit" class="button">
                {t('meeting.recordHands')}
              </button>
            </form>
          )}
          {props.manage && (
            <button
              type="button"
              class="button button-primary"
              onClick={() => call('POST', `motions/${openMotion.id}/close`)}
            >
              {t('meeting.closeMotion')}
            </button>
          )}
        </div>
      )}
      {!openMotion && props.manage && (
        <form
          class="mt-form"
          onSubmit={(e) => {
            e.preventDefault();
            void call('POST', 'motions', { title, method, isResolution: /nghị quyết/i.test(title) });
          }}
        >
          <label for="mt-mo">{t('meeting.motionTitle')}</label>
          <input
            id="mt-mo"
            required
            value={title}
            onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
          />
          <label for="mt-mm">{t('meeting.vote')}</label>
          <select
            id="mt-mm"
            value={method}
            onChange={(e) => setMethod((e.target as HTMLSelectElement).value as 'app')}
          >
            <option value="app">{t('meeting.motionApp')}</option>
            <option value="show_of_hands">{t('meeting.motionHands')}</option>
          </select>
          <button type="submit" class="button">
            {t('meeting.openMotion')}
          </button>
        </form>
      )}
      <Alert message={error} />
    </section>
  );
}
