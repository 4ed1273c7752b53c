import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatNumber, t, type MessageKey } from '../i18n/i18n.ts';
import { addMonths, currentMonth, type ReviewView } from './types.ts';
import './reports.css';

export function PeriodPicker(props: {
  id: string;
  value: string;
  onChange: (p: string) => void;
  back?: number;
}) {
  const now = currentMonth();
  const options = Array.from({ length: props.back ?? 12 }, (_, i) => addMonths(now, -i));
  return (
    <div class="field report-controls">
      <label for={props.id}>{t('report.period')}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {options.map((p) => (
          <option key={p} value={p}>
            {`Tháng ${Number(p.slice(5))}/${p.slice(0, 4)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A committee's view of one period: expected, sent, on time, late, missing, and the reports to review. */
export default function ReportReview(props: { orgId: string }) {
  const [period, setPeriod] = useState(addMonths(currentMonth(), -1));
  const url = `/api/v1/orgs/${encodeURIComponent(props.orgId)}/report-review?period=${period}`;
  const [state, retry] = useAsync(() => api<ReviewView>('GET', url), [url]);
  const body = () => {
    if (state.status === 'loading') return <Loading />;
    if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
    const v = state.value;
    const counts: Array<[MessageKey, number]> = [
      ['report.expected', v.expected],
      ['report.sent', v.submitted],
      ['report.onTime', v.onTime],
      ['report.late', v.late],
      ['report.notSent', v.missing],
      ['report.awaiting', v.awaitingReview],
    ];
    return (
      <>
        <ul class="report-counts" aria-label={v.periodLabel}>
          {counts.map(([k, n]) => (
            <li key={k}>
              <strong>{formatNumber(n)}</strong>
              {t(k)}
            </li>
          ))}
        </ul>
        <p>
          <a
            class="button"
            href={`/api/v1/orgs/${encodeURIComponent(props.orgId)}/report-completeness?period=${period}&format=xlsx`}
            download
          >
            {t('report.exportXlsx')}
          </a>
        </p>
        <section aria-labelledby="rv-received">
          <h2 id="rv-received">{t('report.received')}</h2>
          {v.reports.length === 0 ? (
            <p>{t('report.noneReceived')}</p>
          ) : (
            <ul class="list">
              {v.reports.map((r) => (
                <li key={r.id}>
                  <a class="list-link" href={`/reports/${encodeURIComponent(r.id)}`}>
                    <span class="list-text">
                      <span class="list-title">{r.orgName}</span>
                      <span class="list-meta">
                        <span class={`badge status-${r.status}`}>
                          {t(`report.status.${r.status}` as MessageKey)}
                        </span>
                      </span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
        {v.missingOrgs.length > 0 && (
          <section aria-labelledby="rv-missing">
            <h2 id="rv-missing">{t('report.missingOrgs')}</h2>
            <ul>
              {v.missingOrgs.map((o) => (
                <li key={o.orgId}>{o.name}</li>
              ))}
            </ul>
          </section>
        )}
        {v.lateOrgs.length > 0 && (
          <section aria-labelledby="rv-late">
            <h2 id="rv-late">{t('report.lateOrgs')}</h2>
            <ul>
              {v.lateOrgs.map((o) => (
                <li key={o.orgId}>{o.name}</li>
              ))}
            </ul>
          </section>
        )}
      </>
    );
  };
  return (
    <Screen
      title={t('report.review')}
      before={
        <nav class="crumbs" aria-label={t('report.title')}>
          <a href={`/orgs/${encodeURIComponent(props.orgId)}/reports`}>{t('report.title')}</a>
        </nav>
      }
    >
      <PeriodPicker id="rv-period" value={period} onChange={setPeriod} />
      {body()}
    </Screen>
  );
}
