import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { formatDate, t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import {
  AdminCrumbs,
  PERIOD_TYPES,
  codeFromName,
  periodTypeLabel,
  type Indicator,
  type PeriodType,
  type Template,
  type TemplateItem,
  type TemplateSection,
} from './admin-shared.tsx';
import './reports.css';

interface Version {
  id: string;
  version: number;
  createdAt: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** A code for a new section or free part that no other part of the template uses. */
function freshCode(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const code = `${prefix}_${n}`;
    if (!taken.has(code)) return code;
  }
}

function takenCodes(sections: TemplateSection[]): Set<string> {
  const out = new Set<string>();
  for (const s of sections) {
    out.add(s.code);
    for (const i of s.items) out.add(i.kind === 'indicator' ? i.indicator : i.code);
  }
  return out;
}

/** One past or current version, shown read-only when opened. */
function VersionView(props: { version: Version; names: Map<string, string>; current: boolean }) {
  const [open, setOpen] = useState(false);
  const [state] = useAsync(
    () =>
      open
        ? api<Template>('GET', `/api/v1/report-template-versions/${encodeURIComponent(props.version.id)}`)
        : Promise.resolve(null),
    [open, props.version.id],
  );
  return (
    <li>
      <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
        <summary class="admin-summary">
          {t('reportAdmin.versionLine', {
            version: props.version.version,
            date: formatDate(props.version.createdAt),
          })}
          {props.current ? ` — ${t('reportAdmin.current')}` : ''}
        </summary>
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <p class="alert alert-error">{state.message}</p>}
        {state.status === 'done' && state.value && (
          <div class="admin-version">
            <p>
              <strong>{state.value.name}</strong> · {periodTypeLabel(state.value.periodType)}
            </p>
            {state.value.sections.map((s) => (
              <div key={s.code}>
                <p class="admin-version-title">{s.title}</p>
                <ul>
                  {s.items.map((i) => (
                    <li key={i.kind === 'indicator' ? i.indicator : i.code}>
                      {i.kind === 'indicator' ? (props.names.get(i.indicator) ?? i.indicator) : i.label}
                      {i.kind === 'attachment' ? ` (${t('reportAdmin.itemAttachment')})` : ''}
                      {i.kind === 'text' ? ` (${t('reportAdmin.itemText')})` : ''}
                      {i.required ? ` — ${t('report.required')}` : ''}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </details>
    </li>
  );
}

/** Creates a report template or edits one; every save of an existing template is a new version. */
export default function TemplateForm(props: { orgId: string; code?: string }) {
  const code = props.code;
  const [state, retry] = useAsync(
    () =>
      Promise.all([
        api<{ items: Indicator[] }>('GET', '/api/v1/report-indicators'),
        api<{ items: Template[] }>('GET', '/api/v1/report-templates'),
        code
          ? api<{ items: Version[] }>('GET', `/api/v1/report-templates/${encodeURIComponent(code)}/versions`)
          : Promise.resolve({ items: [] as Version[] }),
      ]),
    [code ?? ''],
  );
  const [name, setName] = useState('');
  const [newCode, setNewCode] = useState('');
  const [periodType, setPeriodType] = useState<PeriodType>('monthly');
  const [sections, setSections] = useState<TemplateSection[]>([{ code: 'I', title: '', items: [] }]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing =
    state.status === 'done' && code ? state.value[1].items.find((x) => x.code === code) : undefined;
  useEffect(() => {
    if (!existing) return;
    setName(existing.name);
    setPeriodType(existing.periodType);
    setSections(existing.sections.map((s) => ({ ...s, items: [...s.items] })));
  }, [existing?.id]);

  const title = code ? t('reportAdmin.editTemplate') : t('reportAdmin.newTemplate');
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error' || (code && !existing))
    return (
      <Screen title={title} before={<AdminCrumbs orgId={props.orgId} />}>
        <LoadError
          message={state.status === 'error' ? state.message : t('reportAdmin.notFound')}
          retry={retry}
        />
      </Screen>
    );
  const [indicators, , versions] = state.value;
  const names = new Map(indicators.items.map((i) => [i.code, i.name]));

  const setSection = (k: number, next: TemplateSection) =>
    setSections(sections.map((s, i) => (i === k ? next : s)));
  const setItem = (k: number, j: number, next: TemplateItem) =>
    setSection(k, { ...sections[k]!, items: sections[k]!.items.map((it, i) => (i === j ? next : it)) });
  const removeItem = (k: number, j: number) =>
    setSection(k, { ...sections[k]!, items: sections[k]!.items.filter((_, i) => i !== j) });
  const addItem = (k: number, kind: TemplateItem['kind']) => {
    const taken = takenCodes(sections);
    const used = new Set(
      sections.flatMap((s) => s.items.map((i) => (i.kind === 'indicator' ? i.indicator : ''))),
    );
    const item: TemplateItem | null =
      kind === 'indicator'
        ? (() => {
            const free = indicators.items.find((i) => !used.has(i.code));
            return free ? { kind, indicator: free.code, required: true } : null;
          })()
        : kind === 'text'
          ? { kind, code: freshCode('PHAN_VIET', taken), label: '', required: false }
          : { kind, code: freshCode('TEP', taken), label: '', required: false, maxFiles: 5 };
    if (item) setSection(k, { ...sections[k]!, items: [...sections[k]!.items, item] });
  };

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    setSaved(null);
    if (!name.trim()) return setError(t('reportAdmin.nameRequired'));
    if (sections.some((s) => !s.title.trim())) return setError(t('reportAdmin.sectionTitleRequired'));
    if (sections.some((s) => s.items.some((i) => i.kind !== 'indicator' && !i.label.trim())))
      return setError(t('reportAdmin.itemLabelRequired'));
    const body = {
      name: name.trim(),
      periodType,
      sections: sections.map((s) => ({ ...s, title: s.title.trim() })),
    };
    setBusy(true);
    try {
      if (code) {
        const out = await api<{ version: number }>(
          'PUT',
          `/api/v1/report-templates/${encodeURIComponent(code)}`,
          body,
        );
        setSaved(t('reportAdmin.savedVersion', { version: out.version }));
        retry();
      } else {
        const templateCode = newCode || codeFromName(name);
        await api('POST', '/api/v1/report-templates', { orgId: props.orgId, code: templateCode, ...body });
        navigate(
          `/orgs/${encodeURIComponent(props.orgId)}/reports/templates/${encodeURIComponent(templateCode)}`,
        );
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen
      title={title}
      before={<AdminCrumbs orgId={props.orgId} />}
      lead={
        existing ? (
          <p class="lead">
            {t('reportAdmin.templateMeta', {
              code: existing.code,
              version: existing.version,
              period: periodTypeLabel(existing.periodType),
            })}
          </p>
        ) : undefined
      }
    >
      {code && <p class="hint">{t('reportAdmin.versionHint')}</p>}
      <form class="report-form admin-form" onSubmit={(e) => void save(e)} noValidate>
        <div class="field">
          <label for="tpl-name">{t('reportAdmin.templateName')}</label>
          <input id="tpl-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        {!code && (
          <div class="field">
            <label for="tpl-code">{t('reportAdmin.code')}</label>
            <p class="hint" id="tpl-code-hint">
              {t('reportAdmin.codeHint')}
            </p>
            <input
              id="tpl-code"
              type="text"
              aria-describedby="tpl-code-hint"
              value={newCode || codeFromName(name)}
              onInput={(e) => setNewCode(e.currentTarget.value.toUpperCase().replace(/\s/g, '_'))}
            />
          </div>
        )}
        <div class="field">
          <label for="tpl-period">{t('reportAdmin.periodType')}</label>
          <select
            id="tpl-period"
            value={periodType}
            onChange={(e) => setPeriodType(e.currentTarget.value as PeriodType)}
          >
            {PERIOD_TYPES.map((p) => (
              <option key={p} value={p}>
                {periodTypeLabel(p)}
              </option>
            ))}
          </select>
        </div>
        {sections.map((s, k) => (
          <fieldset key={s.code} class="report-section admin-section">
            <legend>{t('reportAdmin.sectionN', { n: k + 1 })}</legend>
            <div class="field">
              <label for={`sec-${k}-title`}>{t('reportAdmin.sectionTitle')}</label>
              <input
                id={`sec-${k}-title`}
                type="text"
                value={s.title}
                onInput={(e) => setSection(k, { ...s, title: e.currentTarget.value })}
              />
            </div>
            <ol class="admin-items">
              {s.items.map((item, j) => {
                const id = `sec-${k}-item-${j}`;
                return (
                  <li key={item.kind === 'indicator' ? `i-${j}` : item.code} class="admin-item">
                    {item.kind === 'indicator' ? (
                      <div class="field">
                        <label for={id}>{t('reportAdmin.itemIndicator', { n: j + 1 })}</label>
                        <select
                          id={id}
                          value={item.indicator}
                          onChange={(e) =>
                            setItem(k, j, {
                              kind: 'indicator',
                              indicator: e.currentTarget.value,
                              required: item.required,
                            })
                          }
                        >
                          {indicators.items.map((i) => (
                            <option key={i.code} value={i.code}>
                              {i.name}
                            </option>
                          ))}
                        </select>
                      </div>
                    ) : (
                      <div class="field">
                        <label for={id}>
                          {t(item.kind === 'text' ? 'reportAdmin.itemTextN' : 'reportAdmin.itemAttachmentN', {
                            n: j + 1,
                          })}
                        </label>
                        <input
                          id={id}
                          type="text"
                          value={item.label}
                          onInput={(e) => setItem(k, j, { ...item, label: e.currentTarget.value })}
                        />
                      </div>
                    )}
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={item.required}
                        onChange={(e) => setItem(k, j, { ...item, required: e.currentTarget.checked })}
                      />
                      <span>{t('reportAdmin.required')}</span>
                    </label>
                    <button type="button" class="button button-danger" onClick={() => removeItem(k, j)}>
                      {t('reportAdmin.removeItem', { n: j + 1 })}
                    </button>
                  </li>
                );
              })}
            </ol>
            <div class="actions">
              <button type="button" class="button" onClick={() => addItem(k, 'indicator')}>
                {t('reportAdmin.addIndicator')}
              </button>
              <button type="button" class="button" onClick={() => addItem(k, 'text')}>
                {t('reportAdmin.addText')}
              </button>
              <button type="button" class="button" onClick={() => addItem(k, 'attachment')}>
                {t('reportAdmin.addAttachment')}
              </button>
              {sections.length > 1 && (
                <button
                  type="button"
                  class="button button-danger"
                  onClick={() => setSections(sections.filter((_, i) => i !== k))}
                >
                  {t('reportAdmin.removeSection', { n: k + 1 })}
                </button>
              )}
            </div>
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            class="button"
            onClick={() => {
              const taken = takenCodes(sections);
              const roman = ROMAN.find((r) => !taken.has(r));
              setSections([...sections, { code: roman ?? freshCode('PHAN', taken), title: '', items: [] }]);
            }}
          >
            {t('reportAdmin.addSection')}
          </button>
        </p>
        <Alert message={error} />
        <Alert message={saved} kind="success" />
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {code ? t('reportAdmin.saveVersion') : t('reportAdmin.saveTemplate')}
          </button>
        </div>
      </form>
      {versions.items.length > 0 && (
        <section aria-labelledby="tpl-versions">
          <h2 id="tpl-versions">{t('reportAdmin.versions')}</h2>
          <p class="hint">{t('reportAdmin.versionsHint')}</p>
          <ul class="admin-versions">
            {versions.items.map((v, i) => (
              <VersionView key={v.id} version={v} names={names} current={i === 0} />
            ))}
          </ul>
        </section>
      )}
    </Screen>
  );
}
