import { useEffect, useState } from 'preact/hooks';
import { api, errorMessage } from '../api/client.ts';
import { Alert } from '../components/Alert.tsx';
import { LoadError, Loading } from '../components/Loading.tsx';
import { Screen } from '../components/Screen.tsx';
import { useAsync } from '../components/useAsync.ts';
import { t } from '../i18n/i18n.ts';
import { navigate } from '../router.ts';
import {
  AGGREGATIONS,
  AdminCrumbs,
  VALUE_TYPES,
  adminHref,
  aggregationLabel,
  codeFromName,
  parseNumber,
  slug,
  valueTypeLabel,
  type Aggregation,
  type Category,
  type Indicator,
  type ValueType,
} from './admin-shared.tsx';
import './reports.css';

interface CategoryDraft {
  name: string;
  /** One group per line. */
  options: string;
  /** Codes of the stored options by name, kept when an indicator is edited. */
  known: Map<string, string>;
  code: string;
}

interface Draft {
  kind: 'data' | 'formula';
  code: string;
  codeTouched: boolean;
  name: string;
  unit: string;
  valueType: ValueType;
  aggregation: Aggregation;
  min: string;
  max: string;
  categories: CategoryDraft[];
  numerator: string;
  denominator: string;
  factor: string;
  decimals: string;
}

const EMPTY: Draft = {
  kind: 'data',
  code: '',
  codeTouched: false,
  name: '',
  unit: '',
  valueType: 'non_negative_integer',
  aggregation: 'sum',
  min: '',
  max: '',
  categories: [],
  numerator: '',
  denominator: '',
  factor: '100',
  decimals: '1',
};

function toDraft(i: Indicator): Draft {
  const common = { ...EMPTY, code: i.code, codeTouched: true, name: i.name, unit: i.unit ?? '' };
  if (i.kind === 'formula')
    return {
      ...common,
      kind: 'formula',
      numerator: i.numerator,
      denominator: i.denominator,
      factor: String(i.factor),
      decimals: i.decimals === undefined ? '' : String(i.decimals),
    };
  return {
    ...common,
    valueType: i.valueType,
    aggregation: i.aggregation,
    min: i.min === undefined ? '' : String(i.min),
    max: i.max === undefined ? '' : String(i.max),
    categories: (i.categories ?? []).map((c) => ({
      code: c.code,
      name: c.name,
      options: c.options.map((o) => o.name).join('\n'),
      known: new Map(c.options.map((o) => [o.name, o.code])),
    })),
  };
}

/** The indicator the API takes, or the first problem a person can fix before sending. */
function fromDraft(d: Draft): Indicator | string {
  if (d.name.trim() === '') return t('reportAdmin.nameRequired');
  if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(d.code)) return t('reportAdmin.codeInvalid');
  const unit = d.unit.trim() || undefined;
  if (d.kind === 'formula') {
    const factor = parseNumber(d.factor);
    const decimals = parseNumber(d.decimals);
    if (!d.numerator.trim() || !d.denominator.trim()) return t('reportAdmin.formulaRequired');
    if (factor === null || Number.isNaN(factor)) return t('reportAdmin.factorInvalid');
    return {
      kind: 'formula',
      code: d.code,
      name: d.name.trim(),
      unit,
      numerator: d.numerator.trim(),
      denominator: d.denominator.trim(),
      factor,
      ...(decimals === null || Number.isNaN(decimals) ? {} : { decimals }),
    };
  }
  const min = parseNumber(d.min);
  const max = parseNumber(d.max);
  if (Number.isNaN(min) || Number.isNaN(max)) return t('reportAdmin.boundsInvalid');
  const categories: Category[] = [];
  for (const c of d.categories) {
    const names = c.options
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    if (!c.name.trim() || names.length < 2) return t('reportAdmin.categoryInvalid');
    categories.push({
      code: c.code || slug(c.name) || `pt${categories.length + 1}`,
      name: c.name.trim(),
      options: names.map((n, k) => ({ code: c.known.get(n) ?? (slug(n) || `nhom${k + 1}`), name: n })),
    });
  }
  return {
    kind: 'data',
    code: d.code,
    name: d.name.trim(),
    unit,
    valueType: d.valueType,
    aggregation: d.aggregation,
    ...(categories.length > 0 ? { categories } : {}),
    ...(min === null ? {} : { min }),
    ...(max === null ? {} : { max }),
  };
}

function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  hint?: string;
  numeric?: boolean;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      )}
      <input
        id={props.id}
        type="text"
        value={props.value}
        inputMode={props.numeric ? 'decimal' : undefined}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** Adds or edits one indicator of the catalogue: what is counted, its type, how it adds up, its groups. */
export default function IndicatorForm(props: { orgId: string; code?: string }) {
  const [state, retry] = useAsync(
    () => api<{ items: Indicator[] }>('GET', '/api/v1/report-indicators'),
    [props.code ?? ''],
  );
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing =
    state.status === 'done' && props.code ? state.value.items.find((i) => i.code === props.code) : undefined;
  useEffect(() => {
    if (existing) setDraft(toDraft(existing));
  }, [existing?.code, state.status]);

  const title = props.code ? t('reportAdmin.editIndicator') : t('reportAdmin.newIndicator');
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error' || (props.code && !existing))
    return (
      <Screen title={title} before={<AdminCrumbs orgId={props.orgId} />}>
        <LoadError
          message={state.status === 'error' ? state.message : t('reportAdmin.notFound')}
          retry={retry}
        />
      </Screen>
    );
  const dataCodes = state.value.items.filter((i) => i.kind === 'data').map((i) => i.code);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setCategory = (k: number, patch: Partial<CategoryDraft>) =>
    set({ categories: draft.categories.map((c, i) => (i === k ? { ...c, ...patch } : c)) });

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    const indicator = fromDraft(draft);
    if (typeof indicator === 'string') {
      setError(indicator);
      return;
    }
    setBusy(true);
    try {
      if (props.code)
        await api('PUT', `/api/v1/report-indicators/${encodeURIComponent(props.code)}`, {
          orgId: props.orgId,
          indicator,
        });
      else await api('POST', '/api/v1/report-indicators', { orgId: props.orgId, indicator });
      navigate(adminHref(props.orgId));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Screen title={title} before={<AdminCrumbs orgId={props.orgId} />}>
      <form class="report-form admin-form" onSubmit={(e) => void save(e)} noValidate>
        {!props.code && (
          <fieldset>
            <legend>{t('reportAdmin.kind')}</legend>
            <div class="choices">
              {(['data', 'formula'] as const).map((k) => (
                <label key={k} class="choice">
                  <input
                    type="radio"
                    name="kind"
                    checked={draft.kind === k}
                    onChange={() => set({ kind: k })}
                  />
                  <span>{t(k === 'data' ? 'reportAdmin.kindData' : 'reportAdmin.kindFormula')}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <TextInput
          id="ind-name"
          label={t('reportAdmin.name')}
          value={draft.name}
          onInput={(v) => set({ name: v, ...(draft.codeTouched ? {} : { code: codeFromName(v) }) })}
        />
        {props.code ? (
          <p>
            {t('reportAdmin.code')}: <strong>{draft.code}</strong>
          </p>
        ) : (
          <TextInput
            id="ind-code"
            label={t('reportAdmin.code')}
            hint={t('reportAdmin.codeHint')}
            value={draft.code}
            onInput={(v) => set({ code: v.toUpperCase().replace(/\s/g, '_'), codeTouched: true })}
          />
        )}
        <TextInput
          id="ind-unit"
          label={t('reportAdmin.unit')}
          hint={t('reportAdmin.unitHint')}
          value={draft.unit}
          onInput={(v) => set({ unit: v })}
        />
        {draft.kind === 'data' ? (
          <>
            <div class="field">
              <label for="ind-type">{t('reportAdmin.valueType')}</label>
              <select
                id="ind-type"
                value={draft.valueType}
                onChange={(e) => set({ valueType: e.currentTarget.value as ValueType })}
              >
                {VALUE_TYPES.map((v) => (
                  <option key={v} value={v}>
                    {valueTypeLabel(v)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="ind-agg">{t('reportAdmin.aggregation')}</label>
              <p class="hint" id="ind-agg-hint">
                {t('reportAdmin.aggregationHint')}
              </p>
              <select
                id="ind-agg"
                aria-describedby="ind-agg-hint"
                value={draft.aggregation}
                onChange={(e) => set({ aggregation: e.currentTarget.value as Aggregation })}
              >
                {AGGREGATIONS.map((v) => (
                  <option key={v} value={v}>
                    {aggregationLabel(v)}
                  </option>
                ))}
              </select>
            </div>
            {draft.valueType !== 'text' && draft.valueType !== 'yes_no' && (
              <div class="admin-pair">
                <TextInput
                  id="ind-min"
                  label={t('reportAdmin.min')}
                  value={draft.min}
                  numeric
                  onInput={(v) => set({ min: v })}
                />
                <TextInput
                  id="ind-max"
                  label={t('reportAdmin.max')}
                  value={draft.max}
                  numeric
                  onInput={(v) => set({ max: v })}
                />
              </div>
            )}
            <fieldset class="admin-group">
              <legend>{t('reportAdmin.categories')}</legend>
              <p class="hint">{t('reportAdmin.categoriesHint')}</p>
              {draft.categories.map((c, k) => (
                <div key={k} class="admin-category">
                  <TextInput
                    id={`cat-${k}-name`}
                    label={t('reportAdmin.categoryName', { n: k + 1 })}
                    value={c.name}
                    onInput={(v) => setCategory(k, { name: v })}
                  />
                  <div class="field">
                    <label for={`cat-${k}-options`}>{t('reportAdmin.categoryOptions')}</label>
                    <textarea
                      id={`cat-${k}-options`}
                      rows={3}
                      value={c.options}
                      onInput={(e) => setCategory(k, { options: e.currentTarget.value })}
                    />
                  </div>
                  <button
                    type="button"
                    class="button button-danger"
                    onClick={() => set({ categories: draft.categories.filter((_, i) => i !== k) })}
                  >
                    {t('reportAdmin.removeCategory', { n: k + 1 })}
                  </button>
                </div>
              ))}
              {draft.categories.length < 3 && (
                <button
                  type="button"
                  class="button"
                  onClick={() =>
                    set({
                      categories: [
                        ...draft.categories,
                        { name: '', options: '', known: new Map(), code: '' },
                      ],
                    })
                  }
                >
                  {t('reportAdmin.addCategory')}
                </button>
              )}
            </fieldset>
          </>
        ) : (
          <>
            <p class="hint">{t('reportAdmin.formulaHint', { codes: dataCodes.slice(0, 4).join(', ') })}</p>
            <TextInput
              id="ind-num"
              label={t('reportAdmin.numerator')}
              value={draft.numerator}
              onInput={(v) => set({ numerator: v })}
            />
            <TextInput
              id="ind-den"
              label={t('reportAdmin.denominator')}
              value={draft.denominator}
              onInput={(v) => set({ denominator: v })}
            />
            <div class="admin-pair">
              <TextInput
                id="ind-factor"
                label={t('reportAdmin.factor')}
                value={draft.factor}
                numeric
                onInput={(v) => set({ factor: v })}
              />
              <TextInput
                id="ind-decimals"
                label={t('reportAdmin.decimals')}
                value={draft.decimals}
                numeric
                onInput={(v) => set({ decimals: v })}
              />
            </div>
          </>
        )}
        <Alert message={error} />
        <div class="actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t('reportAdmin.saveIndicator')}
          </button>
          <a class="button" href={adminHref(props.orgId)}>
            {t('reportAdmin.cancel')}
          </a>
        </div>
      </form>
    </Screen>
  );
}
