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
      <LinkSection
        id="ra-templates"
        title={t('reportAdmin.templates')}
        addHref={`${base}/templates/new`}
        addLabel={t('reportAdmin.newTemplate')}
        items={templates.items.map((x) => ({
          key: x.code,
          href: `${base}/templates/${encodeURIComponent(x.code)}`,
          title: x.name,
          meta: t('reportAdmin.templateMeta', {
            code: x.code,
            version: x.version,
            period: periodTypeLabel(x.periodType),
          }),
        }))}
      />
      <LinkSection
        id="ra-indicators"
        title={t('reportAdmin.indicators')}
        addHref={`${base}/indicators/new`}
        addLabel={t('reportAdmin.newIndicator')}
        items={indicators.items.map((i) => ({
          key: i.code,
          href: `${base}/indicators/${encodeURIComponent(i.code)}`,
          title: i.name,
          meta: [
            i.code,
            i.unit,
            i.kind === 'formula' ? t('reportAdmin.formula') : valueTypeLabel(i.valueType),
          ]
            .filter(Boolean)
            .join(' · '),
        }))}
      />
    </Screen>
  );
}

/** A catalogue section: its heading, a button to add one, and each entry as a link to its edit screen. */
function LinkSection(props: {
  id: string;
  title: string;
  addHref: string;
  addLabel: string;
  items: Array<{ key: string; href: string; title: string; meta: string }>;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <p>
        <a class="button admin-add" href={props.addHref}>
          {props.addLabel}
        </a>
      </p>
      <ul class="list">
        {props.items.map((item) => (
          <li key={item.key}>
            <a class="list-link" href={item.href}>
              <span class="list-text">
                <span class="list-title">{item.title}</span>
                <span class="list-meta">{item.meta}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
