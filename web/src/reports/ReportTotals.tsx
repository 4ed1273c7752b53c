import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatNumber, t } from '../i18n/i18n.ts';
import { PeriodPicker } from './ReportReview.tsx';
import { addMonths, currentMonth, type TotalsView } from './types.ts';
import './reports.css';

function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return formatNumber(Math.round(v * 10) / 10);
}

/** A line chart of one series, drawn as inline SVG (no chart library). */
export function TrendChart(props: { points: Array<{ label: string; value: number | null }>; title: string }) {
  const w = 320;
  const h = 140;
  const pad = { l: 8, r: 8, t: 12, b: 22 };
  const vals = props.points.map((p) => p.value).filter((v): v is number => v !== null);
  if (vals.length === 0) return <p>{t('report.noData')}</p>;
  const max = Math.max(...vals);
  const min = Math.min(0, ...vals);
  const span = max - min || 1;
  const x = (i: number) => pad.l + (i * (w - pad.l - pad.r)) / Math.max(1, props.points.length - 1);
  const y = (v: number) => pad.t + (1 - (v - min) / span) * (h - pad.t - pad.b);
  const path = props.points
    .map((p, i) => (p.value === null ? null : `${x(i).toFixed(1)},${y(p.value).toFixed(1)}`))
    .filter(Boolean)
    .join(' ');
  return (
    <svg class="report-chart" viewBox={`0 0 ${w} ${h}`} role="img" aria-label={props.title}>
      <line
        x1={pad.l}
        x2={w - pad.r}
        y1={h - pad.b}
        y2={h - pad.b}
        stroke="currentColor"
        stroke-opacity="0.3"
      />
      <polyline points={path} fill="none" stroke="currentColor" stroke-width="2.5" />
      {props.points.map((p, i) =>
        p.value === null ? null : <circle key={i} cx={x(i)} cy={y(p.value)} r="3.5" fill="currentColor" />,
      )}
      <text x={pad.l} y={h - 6}>
        {props.points[0]?.label}
      </text>
      <text x={w - pad.r} y={h - 6} text-anchor="end">
        {props.points.at(-1)?.label}
      </text>
      <text x={w - pad.r} y={pad.t} text-anchor="end">
        {fmt(max)}
      </text>
    </svg>
  );
}

/** Totals by organisation one level down for a month, and a 12-month trend of the chosen indicator. */
export default function ReportTotals(props: { orgId: string }) {
  const [period, setPeriod] = useState(addMonths(currentMonth(), -1));
  const [indicator, setIndicator] = useState('');
  const from = addMonths(period, -11);
  const base = `/api/v1/orgs/${encodeURIComponent(props.orgId)}/report-totals`;
  const query = `from=${from}&to=${period}`;
  const [state, retry] = useAsync(() => api<TotalsView>('GET', `${base}?${query}`), [base, query]);
  const body = () => {
    if (state.status === 'loading') return <Loading />;
    if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
    const v = state.value;
    const chosen = v.indicators.find((i) => i.code === indicator) ?? v.indicators[0];
    if (!chosen) return <p>{t('report.noData')}</p>;
    const cell = (orgId: string, p: string, code: string) =>
      v.cells.find((c) => c.orgId === orgId && c.period === p && c.indicator === code && c.combo === '');
    const points = v.periods.map((p) => ({
      label: p.label.replace(/^Tháng /, ''),
      value: cell(v.org.id, p.id, chosen.code)?.value ?? null,
    }));
    const rows = [{ id: v.org.id, name: t('report.whole', { org: v.org.name }) }, ...v.rows];
    return (
      <>
        <div class="field report-controls">
          <label for="tt-indicator">{t('report.indicator')}</label>
          <select id="tt-indicator" value={chosen.code} onChange={(e) => setIndicator(e.currentTarget.value)}>
            {v.indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <div class="report-table-wrap">
          <table class="report-table">
            <thead>
              <tr>
                <th scope="col">{t('report.unit')}</th>
                <th scope="col">
                  {chosen.name}
                  {chosen.unit ? ` (${chosen.unit})` : ''}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => {
                const c = cell(o.id, period, chosen.code);
                return (
                  <tr key={o.id}>
                    <th scope="row">
                      {o.id === v.org.id ? (
                        o.name
                      ) : (
                        <a href={`/orgs/${encodeURIComponent(o.id)}/reports/totals`}>{o.name}</a>
                      )}
                    </th>
                    <td class="num" data-org={o.id}>
                      {fmt(c?.value)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <h2>{t('report.trend')}</h2>
        <TrendChart points={points} title={`${chosen.name} — ${t('report.trend')}`} />
        <p>
          <a class="button" href={`${base}/export?${query}`} download>
            {t('report.exportXlsx')}
          </a>
        </p>
      </>
    );
  };
  return (
    <Screen
      title={t('report.totals')}
      before={
        <nav class="crumbs" aria-label={t('report.title')}>
          <a href={`/orgs/${encodeURIComponent(props.orgId)}/reports`}>{t('report.title')}</a>
        </nav>
      }
    >
      <PeriodPicker id="tt-period" value={period} onChange={setPeriod} back={13} />
      {body()}
    </Screen>
  );
}
