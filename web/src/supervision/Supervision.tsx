import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import '../tasks/tasks.css';

interface Figures {
  branches: number;
  meetingsHeld: number;
  regularRate: number | null;
  materialsEarlyRate: number | null;
  attendanceRate: number | null;
  openedBeforeRate: number | null;
  commentsPerMember: number | null;
  voteParticipation: number | null;
  avgDurationMinutes: number | null;
  quality: number | null;
  tasksOnTime: number;
  tasksOverdue: number;
  activeRate: number | null;
  lagging: boolean;
}
interface View {
  org: { id: string; name: string };
  breadcrumb: Array<{ id: string; name: string }>;
  period: string;
  total: Figures;
  children: Array<{ id: string; name: string; hasChildren: boolean; figures: Figures }>;
  trend: Array<{ month: string; regularRate: number | null; attendanceRate: number | null }>;
  definitions: Record<string, string>;
}

const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

/** Attendance by month as an inline SVG line: small, no library, readable at 360 px. */
function Trend(props: { points: View['trend'] }) {
  const w = 320;
  const h = 120;
  const step = w / Math.max(1, props.points.length - 1);
  const ys = props.points.map((p) =>
    p.attendanceRate === null ? null : h - 10 - p.attendanceRate * (h - 20),
  );
  const d = ys
    .map((y, i) => (y === null ? null : `${i * step},${y}`))
    .filter((s): s is string => s !== null)
    .join(' ');
  const summary = props.points.map((p) => `${p.month}: ${pct(p.attendanceRate)}`).join('; ');
  return (
    <figure>
      <svg viewBox={`0 0 ${w} ${h}`} width="100%" role="img" aria-label={`${t('sup.trend')}. ${summary}`}>
        <line x1="0" y1={h - 10} x2={w} y2={h - 10} stroke="currentColor" stroke-width="1" />
        <polyline points={d} fill="none" stroke="#a50e0e" stroke-width="3" />
        {ys.map((y, i) => (y === null ? null : <circle key={i} cx={i * step} cy={y} r="4" fill="#a50e0e" />))}
      </svg>
      <figcaption>{t('sup.trend')}</figcaption>
    </figure>
  );
}

/** Supervision of a committee's subtree: one row per child organisation, lagging ones first on demand. */
export default function Supervision(props: { orgId: string; query: URLSearchParams }) {
  const [period, setPeriod] = useState(props.query.get('period') ?? new Date().toISOString().slice(0, 7));
  const [laggingOnly, setLaggingOnly] = useState(false);
  const base = `/api/v1/orgs/${encodeURIComponent(props.orgId)}/supervision`;
  const [state, retry] = useAsync(
    () => api<View>('GET', `${base}?period=${encodeURIComponent(period)}`),
    [base, period],
  );
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError message={state.message} retry={retry} />;
  const v = state.value;
  const rows = [...v.children]
    .filter((c) => !laggingOnly || c.figures.lagging)
    .sort(
      (a, b) =>
        Number(b.figures.lagging) - Number(a.figures.lagging) ||
        (a.figures.regularRate ?? 0) - (b.figures.regularRate ?? 0),
    );
  const records = (figure: string) => `${base}/records?figure=${figure}&period=${encodeURIComponent(period)}`;
  return (
    <Screen
      title={t('sup.title', { org: v.org.name })}
      before={
        v.breadcrumb.length > 0 ? (
          <nav aria-label={t('sup.up')}>
            {v.breadcrumb.map((b) => (
              <a key={b.id} href={`/orgs/${encodeURIComponent(b.id)}/supervision?period=${period}`}>
                {b.name}
              </a>
            ))}
          </nav>
        ) : undefined
      }
    >
      <div class="field">
        <label for="sup-period">{t('sup.period')}</label>
        <input
          id="sup-period"
          value={period}
          pattern="\d{4}(-(0[1-9]|1[0-2]|Q[1-4]))?"
          onChange={(e) => setPeriod(e.currentTarget.value)}
        />
      </div>
      <p>
        {t('sup.totals', {
          regular: pct(v.total.regularRate),
          attendance: pct(v.total.attendanceRate),
          overdue: v.total.tasksOverdue,
        })}{' '}
        <a href={records('meetings')}>{t('sup.meetingRecords')}</a> ·{' '}
        <a href={records('tasks')}>{t('sup.taskRecords')}</a>
      </p>
      <label class="check">
        <input
          type="checkbox"
          checked={laggingOnly}
          onChange={(e) => setLaggingOnly(e.currentTarget.checked)}
        />
        <span>{t('sup.laggingOnly')}</span>
      </label>
      <div class="sup-scroll">
        <table class="sup-table">
          <thead>
            <tr>
              <th scope="col">{t('sup.org')}</th>
              <th scope="col">{t('sup.regular')}</th>
              <th scope="col">{t('sup.attendance')}</th>
              <th scope="col">{t('sup.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={`/orgs/${encodeURIComponent(c.id)}/supervision?period=${period}`}>{c.name}</a>
                  {c.figures.lagging && <span class="sup-lagging"> · {t('sup.lagging')}</span>}
                </th>
                <td>{pct(c.figures.regularRate)}</td>
                <td>{pct(c.figures.attendanceRate)}</td>
                <td>{c.figures.tasksOverdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Trend points={v.trend} />
      <p>
        <a class="button" href={`${base}/export?period=${encodeURIComponent(period)}`} download>
          {t('sup.export')}
        </a>
      </p>
      <section aria-labelledby="sup-defs">
        <h2 id="sup-defs">{t('sup.definitions')}</h2>
        <dl class="sup-defs">
          <dt>{t('sup.regular')}</dt>
          <dd>{v.definitions.regularRate}</dd>
          <dt>{t('sup.attendance')}</dt>
          <dd>{v.definitions.attendanceRate}</dd>
          <dt>{t('sup.overdue')}</dt>
          <dd>{v.definitions.tasks}</dd>
          <dt>{t('sup.lagging')}</dt>
          <dd>{v.definitions.lagging}</dd>
        </dl>
      </section>
    </Screen>
  );
}
