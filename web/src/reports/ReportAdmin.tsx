import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import {
  AdminCrumbs,
  periodTypeLabel,
  valueTypeLabel,
  type Assignment,
  type Indicator,
  type OrgType,
  type Template,
} from './admin-shared.tsx';
import './reports.css';

/** Today in Vietnam (UTC+7), "YYYY-MM-DD". */
function today(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A committee's reporting set-up: the indicator catalogue, its report templates and the assignments it made. */
export default function ReportAdmin(props: { orgId: string }) {
  const id = encodeURIComponent(props.orgId);
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<{ items: Indicator[] }>('GET', '/api/v1/report-indicators'),
        api<{ items: Template[] }>('GET', '/api/v1/report-templates'),
        api<{ items: Assignment[] }>('GET', `/api/v1/orgs/${id}/report-assignments`),
        api<{ items: OrgType[] }>('GET', '/api/v1/org-types'),
        api<{ name: string }>('GET', `/api/v1/orgs/${id}`),
      ]),
    [id],
  );
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={t('reportAdmin.title')} before={<AdminCrumbs orgId={props.orgId} here />}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  const [indicators, templates, assignments, types, org] = state.value;
  const templateName = new Map(templates.items.map((x) => [x.code, x.name]));
  const typeName = new Map(types.items.map((x) => [x.code, x.nameVi]));
  const base = `/orgs/${id}/reports`;

  async function end(a: Assignment) {
    setError(null);
    setDone(null);
    if (!window.confirm(t('reportAdmin.endConfirm'))) return;
    try {
      await api('POST', `/api/v1/report-assignments/${encodeURIComponent(a.id)}/end`, { activeTo: today() });
      setDone(t('reportAdmin.ended'));
      retry();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const targetText = (a: Assignment) =>
    a.target.kind === 'org_types'
      ? a.target.orgTypes.map((c) => typeName.get(c) ?? c).join(', ')
      : t('reportAdmin.targetCount', { count: a.target.orgIds.length });

  return (
    <Screen
      title={t('reportAdmin.title')}
      before={<AdminCrumbs orgId={props.orgId} here />}
      lead={<p class="lead">{org.name}</p>}
    >
      <Alert message={error} />
      <Alert message={done} kind="success" />
      <section aria-labelledby="ra-assign">
        <h2 id="ra-assign">{t('reportAdmin.assignments')}</h2>
        <p>
          <a class="button button-primary admin-add" href={`${base}/assignments/new`}>
            {t('reportAdmin.newAssignment')}
          </a>
        </p>
        {assignments.items.length === 0 ? (
          <p>{t('reportAdmin.noAssignments')}</p>
        ) : (
          <ul class="list">
            {assignments.items.map((a) => (
              <li key={a.id} class="admin-row">
                <span class="list-text">
                  <span class="list-title">{templateName.get(a.templateCode) ?? a.templateCode}</span>
                  <span class="list-meta">
                    {t('reportAdmin.assignmentMeta', {
                      target: targetText(a),
                      period: periodTypeLabel(a.periodType),
                      days: a.deadline.deadlineDays,
                      lock: a.deadline.lockAfterDays,
                    })}
                  </span>
                  <span class="list-meta">
                    {a.activeTo
                      ? t('reportAdmin.activeRange', {
                          from: formatDate(a.activeFrom),
                          to: formatDate(a.activeTo),
                        })
                      : t('reportAdmin.activeFrom', { from: formatDate(a.activeFrom) })}
                  </span>
                </span>
                {(!a.activeTo || a.activeTo > today()) && (
                  <button type="button" class="button button-danger" onClick={() => void end(a)}>
                    {t('reportAdmin.end')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="ra-templates">
        <h2 id="ra-templates">{t('reportAdmin.templates')}</h2>
        <p>
          <a class="button admin-add" href={`${base}/templates/new`}>
            {t('reportAdmin.newTemplate')}
          </a>
        </p>
        <ul class="list">
          {templates.items.map((x) => (
            <li key={x.code}>
              <a class="list-link" href={`${base}/templates/${encodeURIComponent(x.code)}`}>
                <span class="list-text">
                  <span class="list-title">{x.name}</span>
                  <span class="list-meta">
                    {t('reportAdmin.templateMeta', {
                      code: x.code,
                      version: x.version,
                      period: periodTypeLabel(x.periodType),
                    })}
                  </span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="ra-indicators">
        <h2 id="ra-indicators">{t('reportAdmin.indicators')}</h2>
        <p>
          <a class="button admin-add" href={`${base}/indicators/new`}>
            {t('reportAdmin.newIndicator')}
          </a>
        </p>
        <ul class="list">
          {indicators.items.map((i) => (
            <li key={i.code}>
              <a class="list-link" href={`${base}/indicators/${encodeURIComponent(i.code)}`}>
                <span class="list-text">
                  <span class="list-title">{i.name}</span>
                  <span class="list-meta">
                    {[
                      i.code,
                      i.unit,
                      i.kind === 'formula' ? t('reportAdmin.formula') : valueTypeLabel(i.valueType),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </Screen>
  );
}
