import { useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import {
  AdminCrumbs,
  adminHref,
  parseNumber,
  periodTypeLabel,
  type OrgType,
  type Template,
} from './admin-shared.tsx';
import './reports.css';

interface Child {
  id: string;
  name: string;
  type: string;
  typeName: string;
  childCount: number;
}

/** Organisations to tick, each able to open its own organisations below (loaded when opened). */
function OrgChecks(props: { items: Child[]; chosen: string[]; onToggle: (id: string, on: boolean) => void }) {
  const [open, setOpen] = useState<Record<string, Child[] | 'loading' | 'error'>>({});
  async function expand(c: Child) {
    if (open[c.id]) {
      const { [c.id]: _closed, ...rest } = open;
      return setOpen(rest);
    }
    setOpen((o) => ({ ...o, [c.id]: 'loading' }));
    try {
      const r = await api<{ items: Child[] }>('GET', `/api/v1/orgs/${encodeURIComponent(c.id)}/children`);
      setOpen((o) => ({ ...o, [c.id]: r.items }));
    } catch {
      setOpen((o) => ({ ...o, [c.id]: 'error' }));
    }
  }
  return (
    <ul class="admin-orgs">
      {props.items.map((c) => {
        const below = open[c.id];
        return (
          <li key={c.id}>
            <label class="check">
              <input
                type="checkbox"
                checked={props.chosen.includes(c.id)}
                onChange={(e) => props.onToggle(c.id, e.currentTarget.checked)}
              />
              <span>{c.name}</span>
            </label>
            {c.childCount > 0 && (
              <button
                type="button"
                class="button admin-expand"
                aria-expanded={Array.isArray(below)}
                onClick={() => void expand(c)}
              >
                {t(below ? 'reportAdmin.hideBelow' : 'reportAdmin.showBelow', { count: c.childCount })}
              </button>
            )}
            {below === 'loading' && <Loading />}
            {below === 'error' && <p class="alert alert-error">{t('error.unknown')}</p>}
            {Array.isArray(below) && (
              <OrgChecks items={below} chosen={props.chosen} onToggle={props.onToggle} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** First day of this month in Vietnam (UTC+7). */
function monthStart(): string {
  return `${new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7)}-01`;
}

/** A committee gives a report template to organisations below it: by type, or one by one. */
export default function AssignmentForm(props: { orgId: string }) {
  const id = encodeURIComponent(props.orgId);
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<{ items: Template[] }>('GET', '/api/v1/report-templates'),
        api<{ items: OrgType[] }>('GET', '/api/v1/org-types'),
        api<{ items: Child[] }>('GET', `/api/v1/orgs/${id}/children`),
        api<{ type: string; name: string }>('GET', `/api/v1/orgs/${id}`),
      ]),
    [id],
  );
  const [templateCode, setTemplateCode] = useState('');
  const [kind, setKind] = useState<'org_types' | 'orgs'>('org_types');
  const [types, setTypes] = useState<string[]>([]);
  const [orgIds, setOrgIds] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('5');
  const [lock, setLock] = useState('10');
  const [from, setFrom] = useState(monthStart());
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const title = t('reportAdmin.newAssignment');
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <Screen title={title} before={<AdminCrumbs orgId={props.orgId} />}>
        <LoadError message={state.message} retry={retry} />
      </Screen>
    );
  const [templates, orgTypes, children, org] = state.value;
  const template = templates.items.find((x) => x.code === templateCode) ?? templates.items[0];
  // Only types ranked below the committee's own can be below it.
  const ownRank = orgTypes.items.find((x) => x.code === org.type)?.rank ?? -1;
  const lowerTypes = orgTypes.items.filter((x) => x.rank > ownRank);
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    if (!template) return setError(t('reportAdmin.noTemplates'));
    const target = kind === 'org_types' ? { kind, orgTypes: types } : { kind, orgIds };
    if ((kind === 'org_types' ? types : orgIds).length === 0)
      return setError(t('reportAdmin.targetRequired'));
    const deadlineDays = parseNumber(deadline);
    const lockAfterDays = parseNumber(lock);
    if (
      deadlineDays === null ||
      lockAfterDays === null ||
      !Number.isInteger(deadlineDays) ||
      !Number.isInteger(lockAfterDays) ||
      deadlineDays < 0 ||
      lockAfterDays < 0
    )
      return setError(t('reportAdmin.daysInvalid'));
    if (!from) return setError(t('reportAdmin.fromRequired'));
    setBusy(true);
    try {
      await api('POST', '/api/v1/report-assignments', {
        committeeId: props.orgId,
        templateCode: template.code,
        target,
        periodType: template.periodType,
        deadlineDays,
        lockAfterDays,
        activeFrom: from,
        activeTo: to || null,
      });
      navigate(adminHref(props.orgId));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={title} before={<AdminCrumbs orgId={props.orgId} />} lead={<p class="lead">{org.name}</p>}>
      <form class="report-form admin-form" onSubmit={(e) => void save(e)} noValidate>
        <div class="field">
          <label for="asg-template">{t('reportAdmin.template')}</label>
          <select
            id="asg-template"
            value={template?.code ?? ''}
            onChange={(e) => setTemplateCode(e.currentTarget.value)}
          >
            {templates.items.map((x) => (
              <option key={x.code} value={x.code}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        {template && (
          <p>
            {t('reportAdmin.periodOfTemplate', {
              period: periodTypeLabel(template.periodType),
              version: template.version,
            })}
          </p>
        )}
        <fieldset>
          <legend>{t('reportAdmin.target')}</legend>
          <div class="choices">
            <label class="choice">
              <input
                type="radio"
                name="target"
                checked={kind === 'org_types'}
                onChange={() => setKind('org_types')}
              />
              <span>{t('reportAdmin.byType')}</span>
            </label>
            <label class="choice">
              <input type="radio" name="target" checked={kind === 'orgs'} onChange={() => setKind('orgs')} />
              <span>{t('reportAdmin.byList')}</span>
            </label>
          </div>
        </fieldset>
        {kind === 'org_types' ? (
          <fieldset>
            <legend>{t('reportAdmin.orgTypes')}</legend>
            <p class="hint">{t('reportAdmin.orgTypesHint')}</p>
            {lowerTypes.map((x) => (
              <label key={x.code} class="check">
                <input
                  type="checkbox"
                  checked={types.includes(x.code)}
                  onChange={(e) => {
                    setError(null);
                    setTypes(toggle(types, x.code, e.currentTarget.checked));
                  }}
                />
                <span>{x.nameVi}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          <fieldset>
            <legend>{t('reportAdmin.orgs')}</legend>
            <p class="hint">{t('reportAdmin.orgsHint')}</p>
            {children.items.length === 0 && <p>{t('reportAdmin.noChildren')}</p>}
            <OrgChecks
              items={children.items}
              chosen={orgIds}
              onToggle={(orgId, on) => {
                setError(null);
                setOrgIds((list) => toggle(list, orgId, on));
              }}
            />
          </fieldset>
        )}
        <div class="admin-pair">
          <div class="field">
            <label for="asg-deadline">{t('reportAdmin.deadlineDays')}</label>
            <input
              id="asg-deadline"
              type="text"
              inputMode="numeric"
              value={deadline}
              onInput={(e) => setDeadline(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="asg-lock">{t('reportAdmin.lockAfterDays')}</label>
            <input
              id="asg-lock"
              type="text"
              inputMode="numeric"
              value={lock}
              onInput={(e) => setLock(e.currentTarget.value)}
            />
          </div>
        </div>
        <p class="hint">{t('reportAdmin.daysHint')}</p>
        <div class="admin-pair">
          <div class="field">
            <label for="asg-from">{t('reportAdmin.from')}</label>
            <input id="asg-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="asg-to">{t('reportAdmin.to')}</label>
            <input id="asg-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          </div>
        </div>
        <Alert message={error} />
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('reportAdmin.assign')}
          </button>
          <a class="button" href={adminHref(props.orgId)}>
            {t('reportAdmin.cancel')}
          </a>
        </div>
      </form>
    </Screen>
  );
}
