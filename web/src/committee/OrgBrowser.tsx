import { api } from '../api/client.ts';
import type { Org, OrgSummary } from '../api/types.ts';
import { Icon } from '../components/Icon.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { session } from '../state/session.ts';
import { canImportAt, canReadMembersAt } from '../state/roles.ts';
import { Breadcrumbs } from './OrgHeader.tsx';

const orgUrl = (id: string) => `/orgs/${encodeURIComponent(id)}`;

/** The organisation tree, one level at a time: the organisation, its figures, and the organisations below it. */
export default function OrgBrowser(props: { orgId: string }) {
  const [state, retry] = useAsync(async () => {
    const base = `/api/v1/orgs/${encodeURIComponent(props.orgId)}`;
    const [org, children] = await Promise.all([
      api<Org>('GET', base),
      api<{ items: OrgSummary[] }>('GET', `${base}/children`),
    ]);
    return { org, children: children.items };
  }, [props.orgId]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('tile.orgs')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );

  const { org, children } = state.value;
  const me = session.get();
  const canImport = me.status === 'ready' && canImportAt(me.me, org.path);
  const canExport = me.status === 'ready' && canReadMembersAt(me.me, org.path);
  return (
    <Screen
      before={<Breadcrumbs org={org} />}
      title={org.name}
      lead={
        <>
          <p class="lead">
            {org.typeName}
            {org.status === 'closed' && <span class="badge badge-muted"> {t('org.closed')}</span>}
          </p>
          <p>
            {t('org.members', { count: org.memberCount })} · {t('org.children', { count: org.childCount })}
          </p>
        </>
      }
    >
      <ul class="actions">
        <li>
          <a class="button" href={`${orgUrl(org.id)}/members`}>
            {t('org.memberList')}
          </a>
        </li>
        {canImport && (
          <li>
            <a class="button" href={`${orgUrl(org.id)}/import`}>
              {t('org.import')}
            </a>
          </li>
        )}
        {canExport && (
          <li>
            <a class="button" href={`/api/v1/orgs/${encodeURIComponent(org.id)}/members/export`} download>
              {t('org.export')}
            </a>
          </li>
        )}
      </ul>
      <section aria-labelledby="org-children">
        <h2 id="org-children">{t('org.childrenTitle')}</h2>
        {children.length === 0 ? (
          <p>{t('org.noChildren')}</p>
        ) : (
          <ul class="list">
            {children.map((child) => (
              <li key={child.id}>
                <a class="list-link" href={orgUrl(child.id)}>
                  <span class="list-text">
                    <span class="list-title">{child.name}</span>
                    <span class="list-meta">
                      {child.typeName} · {t('org.members', { count: child.memberCount })}
                      {child.childCount > 0 && <> · {t('org.children', { count: child.childCount })}</>}
                    </span>
                  </span>
                  <Icon name="chevron" />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Screen>
  );
}
