import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import type { Me, MemberRow, Org, Page } from '../api/types.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t, tEnum } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import { isAdminAt } from '../state/roles.ts';
import { Breadcrumbs } from './OrgHeader.tsx';

const PAGE_SIZE = 30;
const STATUSES = ['active', 'working_away', 'exempt', 'temporarily_transferred'] as const;
const KINDS = ['full', 'probationary'] as const;

interface Filters {
  q: string;
  status: string;
  kind: string;
}

function listUrl(orgId: string, filters: Filters, cursor?: string | null): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (cursor) params.set('cursor', cursor);
  return `/api/v1/orgs/${encodeURIComponent(orgId)}/members?${params}`;
}

/** Members of an organisation's whole subtree; the filters live in the address so Back restores them. */
export default function MemberList(props: { orgId: string; query: URLSearchParams; me: Me }) {
  const filters: Filters = {
    q: props.query.get('q') ?? '',
    status: props.query.get('status') ?? '',
    kind: props.query.get('kind') ?? '',
  };
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters.q, filters.status, filters.kind]);

  const [orgState, retryOrg] = useAsync(
    () => api<Org>('GET', `/api/v1/orgs/${encodeURIComponent(props.orgId)}`),
    [props.orgId],
  );
  const [firstPage, retryFirst] = useAsync(
    () => api<Page<MemberRow>>('GET', listUrl(props.orgId, filters)),
    [props.orgId, filters.q, filters.status, filters.kind],
  );
  const [more, setMore] = useState<MemberRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setMore([]);
    setMoreError(null);
    setCursor(firstPage.status === 'done' ? (firstPage.value.nextCursor ?? null) : null);
  }, [firstPage]);

  function apply(event: Event) {
    event.preventDefault();
    const params = new URLSearchParams();
    if (draft.q.trim()) params.set('q', draft.q.trim());
    if (draft.status) params.set('status', draft.status);
    if (draft.kind) params.set('kind', draft.kind);
    const search = params.toString();
    navigate(`/orgs/${encodeURIComponent(props.orgId)}/members${search ? `?${search}` : ''}`, {
      replace: true,
    });
  }

  async function loadMore() {
    if (!cursor || busy) return;
    setBusy(true);
    setMoreError(null);
    try {
      const page = await api<Page<MemberRow>>('GET', listUrl(props.orgId, filters, cursor));
      setMore((rows) => [...rows, ...page.items]);
      setCursor(page.nextCursor ?? null);
    } catch (e) {
      setMoreError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (orgState.status === 'loading') return <Loading />;
  if (orgState.status === 'error')
    return (
      <Screen title={t('members.title')}>
        <LoadError message={orgState.message} retry={retryOrg} />
      </Screen>
    );
  const org = orgState.value;
  const rows = firstPage.status === 'done' ? [...firstPage.value.items, ...more] : [];

  return (
    <Screen
      before={<Breadcrumbs org={org} subPage />}
      title={t('members.title')}
      lead={
        <>
          <p class="lead">{t('members.of', { org: org.name })}</p>
        </>
      }
    >
      <form class="stack filters" role="search" onSubmit={apply}>
        <div class="field">
          <label for="member-q">{t('members.search')}</label>
          <input
            id="member-q"
            type="search"
            value={draft.q}
            onInput={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            autocomplete="off"
            enterkeyhint="search"
          />
        </div>
        {/* Folded away unless in use: at large text sizes the list should not start a screen further down. */}
        <details class="filters-more" open={!!(filters.status || filters.kind)}>
          <summary>{t('members.filters')}</summary>
          <div class="row">
            <div class="field">
              <label for="member-status">{t('members.status')}</label>
              <select
                id="member-status"
                value={draft.status}
                onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value })}
              >
                <option value="">{t('members.all')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {tEnum('status', s)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="member-kind">{t('members.kind')}</label>
              <select
                id="member-kind"
                value={draft.kind}
                onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value })}
              >
                <option value="">{t('members.all')}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tEnum('kind', k)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </details>
        <button type="submit" class="button button-primary">
          {t('members.searchButton')}
        </button>
      </form>

      {firstPage.status === 'loading' && <Loading />}
      {firstPage.status === 'error' && <LoadError message={firstPage.message} retry={retryFirst} />}
      {firstPage.status === 'done' && (
        <>
          <p role="status" class="count">
            {rows.length === 0
              ? t('members.none')
              : cursor
                ? t('members.shown', { count: rows.length })
                : t('members.shownAll', { count: rows.length })}
          </p>
          <ul class="list members">
            {rows.map((m) => (
              <li key={m.id} class="member">
                <p class="list-title">{m.fullName}</p>
                <p class="list-meta">
                  {[m.position, m.orgId === org.id ? null : m.orgName].filter(Boolean).join(' · ')}
                </p>
                <p class="list-meta">
                  {[
                    m.cardNumber && t('members.card', { card: m.cardNumber }),
                    m.phone,
                    formatDate(m.birthDate),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                <p class="badges">
                  <span class={`badge badge-kind-${m.kind}`}>{tEnum('kind', m.kind)}</span>
                  <span class={`badge badge-status-${m.status}`}>{tEnum('status', m.status)}</span>
                </p>
                {isAdminAt(props.me, org.path) && (
                  <p>
                    <a href={`/members/${encodeURIComponent(m.id)}/erase`}>
                      {t('erase.link', { name: m.fullName })}
                    </a>
                  </p>
                )}
              </li>
            ))}
          </ul>
          <Alert message={moreError} />
          {cursor && (
            <button type="button" class="button" onClick={loadMore} disabled={busy}>
              {busy ? t('app.loading') : t('members.more')}
            </button>
          )}
        </>
      )}
    </Screen>
  );
}
