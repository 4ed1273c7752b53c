import { useEffect, useRef, useState } from 'preact/hooks';
import type { Me } from '../api/types.ts';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { ACCEPT_FILES, firstBadFile, sendingOrgs, uploadFiles } from './shared.ts';
import '../news/news.css';
import './exchange.css';

interface Pick {
  id: string;
  name: string;
  detail: string;
}
interface MemberHit {
  id: string;
  fullName: string;
  orgName: string;
}
interface OrgHit {
  id: string;
  name: string;
  parentName: string | null;
}

/** One searchable list of choices with a tick box each; what is ticked is kept while the search changes. */
function Picker(props: {
  id: string;
  label: string;
  hint: string;
  search: (q: string) => Promise<Pick[]>;
  picked: Map<string, Pick>;
  onToggle: (p: Pick) => void;
  keys: unknown[];
  /** Shown before anything is searched when the list starts empty. */
  idle?: string;
}) {
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const [state, retry] = useAsync(() => props.search(asked), [asked, ...props.keys]);
  return (
    <fieldset class="picker">
      <legend>{props.label}</legend>
      <div class="picker-search">
        <label class="visually-hidden" for={`${props.id}-q`}>
          {props.hint}
        </label>
        <input
          id={`${props.id}-q`}
          type="search"
          placeholder={props.hint}
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              setAsked(q.trim());
            }
          }}
        />
        <button type="button" class="button" onClick={() => setAsked(q.trim())}>
          {t('exchange.find')}
        </button>
      </div>
      {state.status === 'loading' && <p class="hint">{t('app.loading')}</p>}
      {state.status === 'error' && (
        <p class="hint">
          {state.message}{' '}
          <button type="button" class="button" onClick={retry}>
            {t('exchange.retry')}
          </button>
        </p>
      )}
      {state.status === 'done' &&
        (state.value.length === 0 ? (
          <p class="hint">{asked || !props.idle ? t('exchange.noMatch') : props.idle}</p>
        ) : (
          <ul class="pick-list">
            {state.value.map((p) => (
              <li key={p.id}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={props.picked.has(p.id)}
                    onChange={() => props.onToggle(p)}
                  />
                  <span class="list-text">
                    <span>{p.name}</span>
                    <span class="list-meta">{p.detail}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ))}
    </fieldset>
  );
}

function toggle(map: Map<string, Pick>, p: Pick): Map<string, Pick> {
  const next = new Map(map);
  if (next.has(p.id)) next.delete(p.id);
  else next.set(p.id, p);
  return next;
}

function FileField(props: { inputRef: { current: HTMLInputElement | null } }) {
  const [names, setNames] = useState<string[]>([]);
  return (
    <div class="field">
      <label for="exc-files">{t('exchange.files')}</label>
      <span class="hint" id="exc-files-hint">
        {t('exchange.filesHint')}
      </span>
      <input
        id="exc-files"
        ref={props.inputRef}
        type="file"
        multiple
        accept={ACCEPT_FILES}
        aria-describedby="exc-files-hint"
        onChange={(e) => setNames(Array.from(e.currentTarget.files ?? []).map((f) => f.name))}
      />
      {names.length > 0 && (
        <ul class="file-names">
          {names.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function TitleBody(props: {
  title: string;
  body: string;
  onTitle: (v: string) => void;
  onBody: (v: string) => void;
}) {
  return (
    <>
      <div class="field">
        <label for="exc-title">{t('exchange.subject')}</label>
        <input
          id="exc-title"
          required
          maxLength={300}
          value={props.title}
          onInput={(e) => props.onTitle(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="exc-body">{t('exchange.body')}</label>
        <textarea
          id="exc-body"
          rows={5}
          value={props.body}
          onInput={(e) => props.onBody(e.currentTarget.value)}
        />
      </div>
    </>
  );
}

/** After sending: uploads the files; a file refused after the letter went out is said plainly, with a way on. */
function useSend() {
  const [error, setError] = useState<string | null>(null);
  const [sentId, setSentId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function send(post: () => Promise<{ id: string }>, files: File[]) {
    setBusy(true);
    setError(null);
    try {
      const bad = await firstBadFile(files);
      if (bad) {
        setError(t(`exchange.fileProblem.${bad.problem}`, { name: bad.name }));
        return;
      }
      const m = await post();
      const failed = await uploadFiles(m.id, files);
      if (failed.length === 0) {
        navigate(`/exchange/${encodeURIComponent(m.id)}`);
        return;
      }
      setSentId(m.id);
      setError(
        t('exchange.sentFilesFailed', { files: failed.map((f) => `${f.name} (${f.message})`).join('; ') }),
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }
  return { error, sentId, busy, send };
}

function SentNotice(props: { sentId: string | null; error: string | null }) {
  return (
    <>
      <Alert message={props.error} />
      {props.sentId && (
        <p>
          <a class="button button-primary" href={`/exchange/${encodeURIComponent(props.sentId)}`}>
            {t('exchange.openSent')}
          </a>
        </p>
      )}
    </>
  );
}

/** A committee writes down: picks members of its subtree and/or lower organisations, files and a deadline. */
function SendDown(props: { me: Me; documentId: string | null }) {
  const orgs = sendingOrgs(props.me);
  const [attached, setAttached] = useState<{ id: string; title: string } | null>(null);
  useEffect(() => {
    if (!props.documentId) return;
    api<{ id: string; title: string }>('GET', `/api/v1/documents/${encodeURIComponent(props.documentId)}`)
      .then((d) => {
        setAttached({ id: d.id, title: d.title });
        setTitle((old) => old || d.title);
      })
      .catch(() => setAttached(null));
  }, [props.documentId]);
  const [orgId, setOrgId] = useState(orgs[0]?.orgId ?? '');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [deadline, setDeadline] = useState('');
  const [everyone, setEveryone] = useState(false);
  const [members, setMembers] = useState<Map<string, Pick>>(new Map());
  const [units, setUnits] = useState<Map<string, Pick>>(new Map());
  const files = useRef<HTMLInputElement>(null);
  const { error, sentId, busy, send } = useSend();
  const from = orgs.find((o) => o.orgId === orgId);
  const today = new Date().toISOString().slice(0, 10);
  const chosen = [...units.values(), ...members.values()];

  const searchMembers = async (q: string): Promise<Pick[]> => {
    if (!q) return [];
    const qs = new URLSearchParams({ q, limit: '20' });
    const page = await api<{ items: MemberHit[] }>(
      'GET',
      `/api/v1/orgs/${encodeURIComponent(orgId)}/members?${qs.toString()}`,
    );
    return page.items.map((m) => ({ id: m.id, name: m.fullName, detail: m.orgName }));
  };
  const searchOrgs = async (q: string): Promise<Pick[]> => {
    const qs = q ? `?${new URLSearchParams({ q }).toString()}` : '';
    const page = await api<{ items: OrgHit[] }>(
      'GET',
      `/api/v1/orgs/${encodeURIComponent(orgId)}/exchange-recipients${qs}`,
    );
    return page.items.map((o) => ({ id: o.id, name: o.name, detail: o.parentName ?? '' }));
  };

  function submit(e: Event) {
    e.preventDefault();
    if (sentId) return;
    void send(
      () =>
        api<{ id: string }>('POST', '/api/v1/exchange', {
          fromOrgId: orgId,
          title,
          body,
          memberIds: [...members.keys()],
          orgIds: [...units.keys()],
          allMembersOf: everyone ? [orgId] : [],
          ackDeadline: deadline || null,
          documentId: attached?.id ?? null,
        }),
      Array.from(files.current?.files ?? []),
    );
  }

  return (
    <form class="stack editor-form" onSubmit={submit}>
      {orgs.length > 1 ? (
        <div class="field">
          <label for="exc-org">{t('exchange.fromOrg')}</label>
          <select
            id="exc-org"
            value={orgId}
            onChange={(e) => {
              setOrgId(e.currentTarget.value);
              setMembers(new Map());
              setUnits(new Map());
            }}
          >
            {orgs.map((o) => (
              <option key={o.orgId} value={o.orgId}>
                {o.orgName}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p class="article-meta">{t('exchange.from', { name: from?.orgName ?? '' })}</p>
      )}
      <TitleBody title={title} body={body} onTitle={setTitle} onBody={setBody} />
      {attached && (
        <p class="label">
          {t('exchange.withDocument', { title: attached.title })}{' '}
          <button type="button" class="button" onClick={() => setAttached(null)}>
            {t('exchange.withoutDocument')}
          </button>
        </p>
      )}
      <section class="stack" aria-labelledby="exc-to">
        <h2 id="exc-to" class="section-title">
          {t('exchange.to')}
        </h2>
        <label class="check choice">
          <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.currentTarget.checked)} />
          <span>{t('exchange.everyone', { org: from?.orgName ?? '' })}</span>
        </label>
        <Picker
          id="exc-units"
          label={t('exchange.pickOrgs')}
          hint={t('exchange.findOrg')}
          search={searchOrgs}
          picked={units}
          onToggle={(p) => setUnits((m) => toggle(m, p))}
          keys={[orgId]}
        />
        <Picker
          id="exc-members"
          label={t('exchange.pickMembers')}
          hint={t('exchange.findMember')}
          search={searchMembers}
          idle={t('exchange.typeName')}
          picked={members}
          onToggle={(p) => setMembers((m) => toggle(m, p))}
          keys={[orgId]}
        />
        <div aria-live="polite">
          {chosen.length > 0 && (
            <>
              <p class="label">{t('exchange.chosen', { n: chosen.length })}</p>
              <ul class="chips">
                {chosen.map((p) => (
                  <li key={p.id}>
                    <button
                      type="button"
                      class="chip"
                      aria-label={t('exchange.unpick', { name: p.name })}
                      onClick={() =>
                        units.has(p.id) ? setUnits((m) => toggle(m, p)) : setMembers((m) => toggle(m, p))
                      }
                    >
                      {p.name} <span aria-hidden="true">×</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </section>
      <FileField inputRef={files} />
      <div class="field">
        <label for="exc-deadline">{t('exchange.deadlineField')}</label>
        <input
          id="exc-deadline"
          type="date"
          min={today}
          value={deadline}
          onInput={(e) => setDeadline(e.currentTarget.value)}
        />
      </div>
      <SentNotice sentId={sentId} error={error} />
      {!sentId && (
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('exchange.send')}
        </button>
      )}
    </form>
  );
}

/** A member writes up to their branch committee, with files if they like. */
function SendUp() {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const files = useRef<HTMLInputElement>(null);
  const { error, sentId, busy, send } = useSend();
  function submit(e: Event) {
    e.preventDefault();
    if (sentId) return;
    void send(
      () => api<{ id: string }>('POST', '/api/v1/exchange/to-committee', { title, body }),
      Array.from(files.current?.files ?? []),
    );
  }
  return (
    <form class="stack editor-form" onSubmit={submit}>
      <p class="hint">{t('exchange.toCommitteeHint')}</p>
      <TitleBody title={title} body={body} onTitle={setTitle} onBody={setBody} />
      <FileField inputRef={files} />
      <SentNotice sentId={sentId} error={error} />
      {!sentId && (
        <button type="submit" class="button button-primary" disabled={busy}>
          {t('exchange.send')}
        </button>
      )}
    </form>
  );
}

/** `/exchange/new`: a committee's letter down, or (`?to=committee`) a member's letter up. */
export default function ExchangeCompose(props: { me: Me; query: URLSearchParams }) {
  const up = props.query.get('to') === 'committee' || sendingOrgs(props.me).length === 0;
  const back = (
    <p>
      <a class="back-link" href="/exchange?box=out">
        {t('exchange.outbox')}
      </a>
    </p>
  );
  if (up && !props.me.member)
    return (
      <Screen title={t('exchange.toCommittee')} before={back}>
        <p>{t('exchange.notMember')}</p>
      </Screen>
    );
  return (
    <Screen title={up ? t('exchange.toCommittee') : t('exchange.compose')} before={back}>
      {up ? <SendUp /> : <SendDown me={props.me} documentId={props.query.get('document')} />}
    </Screen>
  );
}
