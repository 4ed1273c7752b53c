import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, errorMessage } from '../api/client.ts';
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
import {
  freshRuleCode,
  moveEntry,
  ruleExpressionProblem,
  type Rule,
  type RuleSeverity,
} from './template-edit.ts';
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

/** Focuses a control once the moved list is drawn: the same button, or the other one when it has reached an end. */
function focusAfterMove(id: string, other: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id) as HTMLButtonElement | null;
    (el && !el.disabled ? el : document.getElementById(other))?.focus();
  });
}

/** Up and down buttons of one part or item: large, labelled with what they move (no dragging needed). */
function MoveButtons(props: {
  id: string;
  index: number;
  count: number;
  upLabel: string;
  downLabel: string;
  onMove: (delta: -1 | 1) => void;
}) {
  return (
    <div class="admin-move">
      <button
        type="button"
        id={`${props.id}-up`}
        class="button"
        aria-label={props.upLabel}
        disabled={props.index === 0}
        onClick={() => props.onMove(-1)}
      >
        <span aria-hidden="true">↑ </span>
        {t('reportAdmin.moveUp')}
      </button>
      <button
        type="button"
        id={`${props.id}-down`}
        class="button"
        aria-label={props.downLabel}
        disabled={props.index === props.count - 1}
        onClick={() => props.onMove(1)}
      >
        <span aria-hidden="true">↓ </span>
        {t('reportAdmin.moveDown')}
      </button>
    </div>
  );
}

/** One validation rule: its message, its expression (checked as it is typed) and its severity. */
function RuleFields(props: {
  index: number;
  rule: Rule;
  indicators: Indicator[];
  serverErrors: Record<string, string>;
  onChange: (rule: Rule) => void;
  onRemove: () => void;
}) {
  const { index: k, rule } = props;
  const id = `rule-${k}`;
  const local =
    rule.expression.trim() === '' ? null : ruleExpressionProblem(rule.expression, props.indicators);
  const expressionError = local ?? props.serverErrors[`rules.${k}.expression`] ?? null;
  const nameError = props.serverErrors[`rules.${k}.name`] ?? props.serverErrors[`rules.${k}.code`] ?? null;
  return (
    <li class="admin-item admin-rule">
      <p class="admin-rule-title">{t('reportAdmin.ruleN', { n: k + 1 })}</p>
      <div class="field">
        <label for={`${id}-name`}>{t('reportAdmin.ruleName')}</label>
        <input
          id={`${id}-name`}
          type="text"
          value={rule.name}
          aria-invalid={nameError ? 'true' : undefined}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
          onInput={(e) => props.onChange({ ...rule, name: e.currentTarget.value })}
        />
        {nameError && (
          <p id={`${id}-name-error`} class="field-error">
            {nameError}
          </p>
        )}
      </div>
      <div class="field">
        <label for={`${id}-expr`}>{t('reportAdmin.ruleExpression')}</label>
        <p class="hint" id={`${id}-expr-hint`}>
          {t('reportAdmin.ruleExpressionHint')}
        </p>
        <input
          id={`${id}-expr`}
          type="text"
          class="admin-expression"
          value={rule.expression}
          autocapitalize="characters"
          autocorrect="off"
          spellcheck={false}
          aria-invalid={expressionError ? 'true' : undefined}
          aria-describedby={`${id}-expr-hint ${id}-expr-check`}
          onInput={(e) => props.onChange({ ...rule, expression: e.currentTarget.value })}
        />
        <p
          id={`${id}-expr-check`}
          class={expressionError ? 'field-error' : rule.expression.trim() ? 'field-ok' : 'hint'}
          aria-live="polite"
        >
          {expressionError ?? (rule.expression.trim() ? t('reportAdmin.ruleOk') : '')}
        </p>
      </div>
      <div class="field">
        <label for={`${id}-severity`}>{t('reportAdmin.ruleSeverity')}</label>
        <select
          id={`${id}-severity`}
          value={rule.severity}
          onChange={(e) => props.onChange({ ...rule, severity: e.currentTarget.value as RuleSeverity })}
        >
          <option value="error">{t('reportAdmin.ruleSeverity.error')}</option>
          <option value="warning">{t('reportAdmin.ruleSeverity.warning')}</option>
        </select>
      </div>
      <button type="button" class="button button-danger" onClick={props.onRemove}>
        {t('reportAdmin.removeRule', { n: k + 1 })}
      </button>
    </li>
  );
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
  const [rules, setRules] = useState<Rule[]>([]);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [moved, setMoved] = useState<string | null>(null);
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
    setRules((existing.rules ?? []).map((r) => ({ ...r })));
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
  const itemName = (item: TemplateItem) =>
    item.kind === 'indicator' ? (names.get(item.indicator) ?? item.indicator) : item.label;
  const moveSection = (k: number, delta: -1 | 1) => {
    setSections(moveEntry(sections, k, delta));
    setMoved(t('reportAdmin.movedTo', { name: sections[k]!.title || `${k + 1}`, n: k + delta + 1 }));
    focusAfterMove(
      `sec-${k + delta}-${delta < 0 ? 'up' : 'down'}`,
      `sec-${k + delta}-${delta < 0 ? 'down' : 'up'}`,
    );
  };
  const moveItem = (k: number, j: number, delta: -1 | 1) => {
    const section = sections[k]!;
    setSection(k, { ...section, items: moveEntry(section.items, j, delta) });
    setMoved(t('reportAdmin.movedTo', { name: itemName(section.items[j]!), n: j + delta + 1 }));
    const id = `sec-${k}-item-${j + delta}`;
    focusAfterMove(`${id}-${delta < 0 ? 'up' : 'down'}`, `${id}-${delta < 0 ? 'down' : 'up'}`);
  };
  const setRule = (k: number, next: Rule) => {
    setRules(rules.map((r, i) => (i === k ? next : r)));
    // A field the server refused is checked again from what is typed now.
    setServerErrors({});
  };
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
    setMoved(null);
    if (!name.trim()) return setError(t('reportAdmin.nameRequired'));
    if (sections.some((s) => !s.title.trim())) return setError(t('reportAdmin.sectionTitleRequired'));
    if (sections.some((s) => s.items.some((i) => i.kind !== 'indicator' && !i.label.trim())))
      return setError(t('reportAdmin.itemLabelRequired'));
    if (rules.some((r) => !r.name.trim())) return setError(t('reportAdmin.ruleNameRequired'));
    if (rules.some((r) => ruleExpressionProblem(r.expression, indicators.items)))
      return setError(t('reportAdmin.rulesInvalid'));
    setServerErrors({});
    const body = {
      name: name.trim(),
      periodType,
      sections: sections.map((s) => ({ ...s, title: s.title.trim() })),
      rules: rules.map((r) => ({ ...r, name: r.name.trim(), expression: r.expression.trim() })),
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
      // Refusals of one rule's field come back with the field's name ("rules.2.expression"): shown beside it.
      if (err instanceof ApiError && Array.isArray(err.details)) {
        const byField: Record<string, string> = {};
        for (const d of err.details as Array<{ field?: string; message?: string }>)
          if (d.field?.startsWith('rules.') && d.message) byField[d.field] = d.message;
        setServerErrors(byField);
      }
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
            {sections.length > 1 && (
              <MoveButtons
                id={`sec-${k}`}
                index={k}
                count={sections.length}
                upLabel={t('reportAdmin.moveSectionUp', { n: k + 1 })}
                downLabel={t('reportAdmin.moveSectionDown', { n: k + 1 })}
                onMove={(delta) => moveSection(k, delta)}
              />
            )}
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
                    {s.items.length > 1 && (
                      <MoveButtons
                        id={id}
                        index={j}
                        count={s.items.length}
                        upLabel={t('reportAdmin.moveItemUp', { n: j + 1, s: k + 1 })}
                        downLabel={t('reportAdmin.moveItemDown', { n: j + 1, s: k + 1 })}
                        onMove={(delta) => moveItem(k, j, delta)}
                      />
                    )}
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
        <fieldset class="report-section admin-section" aria-describedby="tpl-rules-hint">
          <legend>{t('reportAdmin.rules')}</legend>
          <p class="hint" id="tpl-rules-hint">
            {t('reportAdmin.rulesHint')}
          </p>
          {rules.length === 0 && <p>{t('reportAdmin.rulesNone')}</p>}
          <ol class="admin-items">
            {rules.map((rule, k) => (
              <RuleFields
                key={rule.code}
                index={k}
                rule={rule}
                indicators={indicators.items}
                serverErrors={serverErrors}
                onChange={(next) => setRule(k, next)}
                onRemove={() => {
                  setRules(rules.filter((_, i) => i !== k));
                  setServerErrors({});
                }}
              />
            ))}
          </ol>
          <div class="actions">
            <button
              type="button"
              class="button"
              onClick={() =>
                setRules([
                  ...rules,
                  { code: freshRuleCode(rules), name: '', expression: '', severity: 'error' },
                ])
              }
            >
              {t('reportAdmin.addRule')}
            </button>
          </div>
        </fieldset>
        <Alert message={moved} kind="success" />
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
