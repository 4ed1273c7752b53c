import { api, errorMessage } from '../api/client.ts';
import { useState } from 'preact/hooks';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { Tile } from '../components/Tile.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t, type MessageKey } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import type { ExpectedItem, Report } from './types.ts';
import './reports.css';

/** An organisation's reporting: what it must send, and for committees the review and totals of those below. */
export default function ReportsHome(props: { orgId: string }) {
  const url = `/api/v1/orgs/${encodeURIComponent(props.orgId)}/reports`;
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<{ orgName: string; items: ExpectedItem[] }>('GET', url),
        api<{ childCount: number }>('GET', `/api/v1/orgs/${encodeURIComponent(props.orgId)}`),
      ]).then(([list, org]) => ({ ...list, hasChildren: org.childCount > 0 })),
    [url],
  );
  const [error, setError] = useState<string | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('report.title')}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  const { orgName, items, hasChildren } = state.value;
  const base = `/orgs/${encodeURIComponent(props.orgId)}/reports`;

  async function start(item: ExpectedItem) {
    setError(null);
    try {
      const r = await api<Report>('POST', '/api/v1/reports', {
        orgId: props.orgId,
        templateCode: item.templateCode,
        period: item.period,
      });
      navigate(`/reports/${encodeURIComponent(r.id)}`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Screen title={t('report.title')} lead={<p class="lead">{orgName}</p>}>
      {hasChildren && (
        <ul class="tiles">
          <Tile
            href={`${base}/review`}
            icon="orgs"
            title={t('report.review')}
            hint={t('report.reviewHint')}
          />
          <Tile
            href={`${base}/totals`}
            icon="members"
            title={t('report.totals')}
            hint={t('report.totalsHint')}
          />
          <Tile
            href={`${base}/admin`}
            icon="tasks"
            title={t('reportAdmin.tile')}
            hint={t('reportAdmin.tileHint')}
          />
        </ul>
      )}
      <ul class="tiles report-narrative-tile">
        <Tile
          href={`/orgs/${encodeURIComponent(props.orgId)}/narratives`}
          icon="documents"
          title={t('narrative.title')}
          hint={t('narrative.hint')}
        />
      </ul>
      <section aria-labelledby="rep-send">
        <h2 id="rep-send">{t('report.toSend')}</h2>
        <Alert message={error} />
        {items.length === 0 ? (
          <p>{t('report.noneToSend')}</p>
        ) : (
          <ul class="list">
            {items.map((item) => (
              <li key={`${item.templateCode}-${item.period}`}>
                {item.reportId ? (
                  <a class="list-link" href={`/reports/${encodeURIComponent(item.reportId)}`}>
                    <ItemText item={item} />
                  </a>
                ) : (
                  <button type="button" class="list-link list-button" onClick={() => void start(item)}>
                    <ItemText item={item} />
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Screen>
  );
}

function ItemText(props: { item: ExpectedItem }) {
  const { item } = props;
  const late = item.timeliness === 'missing' || item.timeliness === 'late';
  return (
    <span class="list-text">
      <span class="list-title">
        {item.periodLabel} — {item.templateName}
      </span>
      <span class="list-meta">
        <span class={`badge status-${item.status}`}>{t(`report.status.${item.status}` as MessageKey)}</span>{' '}
        {late ? (
          <span class="badge badge-late">{t(`report.time.${item.timeliness}` as MessageKey)}</span>
        ) : (
          t('report.deadline', { date: formatDate(item.deadline) })
        )}
      </span>
    </span>
  );
}
