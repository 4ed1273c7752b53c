// The indicator catalogue: what can be reported, how a raw entry is checked, and how it aggregates.

import { fail, ok, type Result } from './errors.ts';
import { ExpressionSyntaxError, parseExpression, referencesOf, type Expr } from './expressions.ts';
import { formatViNumber, parseLocaleNumber } from './numbers.ts';

export type ValueType = 'integer' | 'non_negative_integer' | 'decimal' | 'percentage' | 'yes_no' | 'text';

/**
 * - sum: sum over organisations and over time (meetings held, new members admitted).
 * - average_over_time_sum_over_orgs: each organisation's values are averaged over the periods it
 *   reported in, then summed over organisations (members on the roll: a quarter's figure is the
 *   average month, not three months added up).
 * - last_value: each organisation's latest reported value in the span, summed over organisations
 *   (stock at the end of the span).
 * - none: never aggregated (free text, ratios entered as such).
 */
export type AggregationRule = 'sum' | 'average_over_time_sum_over_orgs' | 'last_value' | 'none';

export interface CategoryOption {
  code: string;
  name: string;
}

/** A disaggregation axis, e.g. sex (nam / nữ) or age band. */
export interface Category {
  code: string;
  name: string;
  options: CategoryOption[];
}

export interface DataIndicator {
  kind: 'data';
  code: string;
  name: string;
  unit?: string;
  valueType: ValueType;
  aggregation: AggregationRule;
  /** Entered per combination of options (cartesian product, in this order). */
  categories?: Category[];
  min?: number;
  max?: number;
  /** Text only; defaults to TEXT_MAX_LENGTH. */
  maxLength?: number;
}

/** Computed after aggregation: factor × numerator / denominator, both expressions over data indicators. */
export interface FormulaIndicator {
  kind: 'formula';
  code: string;
  name: string;
  unit?: string;
  numerator: string;
  denominator: string;
  factor: number;
  /** Rounding of the displayed result; stored results are not rounded. */
  decimals?: number;
}

export type Indicator = DataIndicator | FormulaIndicator;

/** A parsed, valid value: numbers for numeric types, booleans for yes/no, NFC text for text. */
export type Value = number | boolean | string;

export const TEXT_MAX_LENGTH = 4000;
/** Combo key of an indicator without disaggregation, and of the total over all combos. */
export const TOTAL = '';

const CODE_RE = /^[A-Z][A-Z0-9_]{0,63}$/;
const OPTION_RE = /^[a-z0-9_]{1,32}$/;
const RESERVED = new Set(['AND', 'OR', 'NOT']);

export function isNumericType(type: ValueType): boolean {
  return type !== 'text' && type !== 'yes_no';
}

/** All combo keys of an indicator, e.g. ["nam.duoi_30", "nam.tu_30", "nu.duoi_30", "nu.tu_30"]; [""] if none. */
export function comboKeys(indicator: DataIndicator): string[] {
  let keys = [''];
  for (const category of indicator.categories ?? []) {
    keys = keys.flatMap((prefix) =>
      category.options.map((option) => (prefix === '' ? option.code : `${prefix}.${option.code}`)),
    );
  }
  return keys;
}

/** Vietnamese label of a combo, e.g. "Nữ, Dưới 30 tuổi". */
export function comboLabel(indicator: DataIndicator, combo: string): string {
  if (combo === TOTAL) return 'Tổng số';
  const parts = combo.split('.');
  return parts
    .map((code, i) => indicator.categories?.[i]?.options.find((option) => option.code === code)?.name ?? code)
    .join(', ');
}

/** Key of one entered cell: "CODE" or "CODE[combo]" — the same syntax expressions use. */
export function valueKey(code: string, combo: string = TOTAL): string {
  return combo === TOTAL ? code : `${code}[${combo}]`;
}

export function parseValueKey(key: string): { code: string; combo: string } {
  const m = /^([^[]+)(?:\[(.*)\])?$/.exec(key);
  return { code: m?.[1] ?? key, combo: m?.[2] ?? TOTAL };
}

const TYPE_NAMES: Record<ValueType, string> = {
  integer: 'số nguyên',
  non_negative_integer: 'số nguyên không âm',
  decimal: 'số',
  percentage: 'tỷ lệ phần trăm',
  yes_no: '“Có” hoặc “Không”',
  text: 'văn bản',
};

const YES = new Set(['có', 'co', 'c', 'yes', 'y', 'true', '1', 'x']);
const NO = new Set(['không', 'khong', 'k', 'ko', 'no', 'n', 'false', '0']);

/** Default bounds where the type implies them; explicit min/max on the indicator win. */
function bounds(indicator: DataIndicator): { min?: number; max?: number } {
  const min =
    indicator.min ??
    (indicator.valueType === 'non_negative_integer' || indicator.valueType === 'percentage' ? 0 : undefined);
  const max = indicator.max ?? (indicator.valueType === 'percentage' ? 100 : undefined);
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

/**
 * Parses and checks one raw entry (from a form, JSON or a spreadsheet cell). Empty input gives
 * `{ ok: true, value: null }` — whether a value is required is the template's business, not the type's.
 */
export function validateValue(indicator: Indicator, raw: unknown): Result<Value | null> {
  if (indicator.kind === 'formula') {
    return fail(
      'REPORT_VALUE_NOT_ENTERABLE',
      `Chỉ tiêu «${indicator.name}» được tính tự động, không nhập trực tiếp.`,
      {
        indicator: indicator.code,
      },
    );
  }
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return ok(null);
  const typeError = (): Result<never> =>
    fail(
      'REPORT_VALUE_TYPE',
      `Giá trị của chỉ tiêu «${indicator.name}» phải là ${TYPE_NAMES[indicator.valueType]}.`,
      { indicator: indicator.code, expected: indicator.valueType },
    );

  if (indicator.valueType === 'text') {
    if (typeof raw !== 'string' && typeof raw !== 'number') return typeError();
    const text = String(raw).normalize('NFC').trim();
    const max = indicator.maxLength ?? TEXT_MAX_LENGTH;
    if ([...text].length > max) {
      return fail(
        'REPORT_VALUE_TOO_LONG',
        `Nội dung của «${indicator.name}» dài quá ${formatViNumber(max)} ký tự.`,
        { indicator: indicator.code, maxLength: max },
      );
    }
    return ok(text);
  }

  if (indicator.valueType === 'yes_no') {
    if (typeof raw === 'boolean') return ok(raw);
    if (raw === 1 || raw === 0) return ok(raw === 1);
    if (typeof raw !== 'string') return typeError();
    const word = raw.normalize('NFC').trim().toLowerCase();
    if (YES.has(word)) return ok(true);
    if (NO.has(word)) return ok(false);
    return typeError();
  }

  let n: number | null;
  if (typeof raw === 'number') n = Number.isFinite(raw) ? raw : null;
  else if (typeof raw === 'string') {
    const text = indicator.valueType === 'percentage' ? raw.trim().replace(/\s*%$/, '') : raw;
    n = parseLocaleNumber(text);
  } else n = null;
  if (n === null) return typeError();
  if (
    (indicator.valueType === 'integer' || indicator.valueType === 'non_negative_integer') &&
    !Number.isInteger(n)
  ) {
    return typeError();
  }
  if (indicator.valueType === 'non_negative_integer' && n < 0) return typeError();
  if (Object.is(n, -0)) n = 0;

  const { min, max } = bounds(indicator);
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range =
      min !== undefined && max !== undefined
        ? `từ ${formatViNumber(min)} đến ${formatViNumber(max)}`
        : min !== undefined
          ? `không nhỏ hơn ${formatViNumber(min)}`
          : `không lớn hơn ${formatViNumber(max as number)}`;
    return fail('REPORT_VALUE_RANGE', `Giá trị của chỉ tiêu «${indicator.name}» phải ${range}.`, {
      indicator: indicator.code,
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      value: n,
    });
  }
  return ok(n);
}

/** Checks that a combo key belongs to the indicator (TOTAL for indicators without disaggregation). */
export function validateCombo(indicator: DataIndicator, combo: string): Result<string> {
  if (comboKeys(indicator).includes(combo)) return ok(combo);
  return fail('REPORT_VALUE_COMBO', `Phân tổ “${combo}” không thuộc chỉ tiêu «${indicator.name}».`, {
    indicator: indicator.code,
    combo,
  });
}

/** A checked catalogue: indicators by code, with formula expressions parsed once. */
export interface Catalogue {
  indicators: ReadonlyMap<string, Indicator>;
  formulas: ReadonlyMap<string, { numerator: Expr; denominator: Expr }>;
}

/**
 * Checks a list of indicators for consistency and builds the catalogue. All problems are listed in
 * `details.problems`, so an administrator fixes them in one pass.
 */
export function buildCatalogue(list: readonly Indicator[]): Result<Catalogue> {
  const problems: string[] = [];
  const indicators = new Map<string, Indicator>();
  for (const indicator of list) {
    if (!CODE_RE.test(indicator.code) || RESERVED.has(indicator.code)) {
      problems.push(`Mã chỉ tiêu “${indicator.code}” không hợp lệ (chữ in hoa, số và dấu gạch dưới).`);
    }
    if (indicators.has(indicator.code)) problems.push(`Mã chỉ tiêu “${indicator.code}” bị trùng.`);
    if (indicator.name.trim() === '') problems.push(`Chỉ tiêu “${indicator.code}” chưa có tên.`);
    indicators.set(indicator.code, indicator);
    if (indicator.kind === 'data') problems.push(...dataIndicatorProblems(indicator));
  }

  const formulas = new Map<string, { numerator: Expr; denominator: Expr }>();
  for (const indicator of list) {
    if (indicator.kind !== 'formula') continue;
    if (!Number.isFinite(indicator.factor) || indicator.factor === 0) {
      problems.push(`Hệ số của chỉ tiêu «${indicator.name}» phải là một số khác 0.`);
    }
    const parsed: Expr[] = [];
    for (const [part, source] of [
      ['tử số', indicator.numerator],
      ['mẫu số', indicator.denominator],
    ] as const) {
      try {
        const expr = parseExpression(source, 'number');
        parsed.push(expr);
        for (const ref of referencesOf(expr)) {
          const target = indicators.get(ref.code);
          if (!target || target.kind !== 'data' || !canFeedFormula(target)) {
            problems.push(
              `${capitalise(part)} của «${indicator.name}» dùng “${ref.code}”, không phải chỉ tiêu số liệu có tổng hợp.`,
            );
          } else if (!comboKeys(target).includes(ref.combo) && ref.combo !== TOTAL) {
            problems.push(
              `${capitalise(part)} của «${indicator.name}» dùng phân tổ không có “${ref.combo}”.`,
            );
          }
        }
      } catch (error) {
        if (!(error instanceof ExpressionSyntaxError)) throw error;
        problems.push(`${capitalise(part)} của «${indicator.name}»: ${error.message}`);
      }
    }
    const [numerator, denominator] = parsed;
    if (numerator && denominator) formulas.set(indicator.code, { numerator, denominator });
  }

  if (problems.length > 0) {
    return fail('REPORT_CATALOGUE_INVALID', problems.join(' '), { problems });
  }
  return ok({ indicators, formulas });
}

function canFeedFormula(indicator: DataIndicator): boolean {
  return indicator.aggregation !== 'none' && indicator.valueType !== 'text';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function dataIndicatorProblems(indicator: DataIndicator): string[] {
  const problems: string[] = [];
  const name = `«${indicator.name}»`;
  if (indicator.valueType === 'text' && indicator.aggregation !== 'none') {
    problems.push(`Chỉ tiêu văn bản ${name} không thể tổng hợp.`);
  }
  // Summing rates over organisations gives nonsense; a rate should be a formula indicator instead.
  if (indicator.valueType === 'percentage' && indicator.aggregation !== 'none') {
    problems.push(`Tỷ lệ ${name} không cộng dồn được; hãy dùng chỉ tiêu công thức.`);
  }
  if (indicator.min !== undefined && indicator.max !== undefined && indicator.min > indicator.max) {
    problems.push(`Giá trị nhỏ nhất của ${name} lớn hơn giá trị lớn nhất.`);
  }
  const categoryCodes = new Set<string>();
  for (const category of indicator.categories ?? []) {
    if (categoryCodes.has(category.code)) problems.push(`Phân tổ “${category.code}” của ${name} bị trùng.`);
    categoryCodes.add(category.code);
    if (category.options.length === 0)
      problems.push(`Phân tổ “${category.name}” của ${name} chưa có mục nào.`);
    const optionCodes = new Set<string>();
    for (const option of category.options) {
      if (!OPTION_RE.test(option.code)) problems.push(`Mã mục phân tổ “${option.code}” không hợp lệ.`);
      if (optionCodes.has(option.code)) problems.push(`Mục phân tổ “${option.code}” bị trùng.`);
      optionCodes.add(option.code);
    }
  }
  return problems;
}

/** Convenience for callers that hold a catalogue: validate a (code, combo, raw) cell in one call. */
export function validateCell(
  catalogue: Catalogue,
  code: string,
  combo: string,
  raw: unknown,
): Result<Value | null> {
  const indicator = catalogue.indicators.get(code);
  if (!indicator) {
    return fail('REPORT_UNKNOWN_INDICATOR', `Không có chỉ tiêu mã “${code}”.`, { indicator: code });
  }
  if (indicator.kind === 'data') {
    const combo_ = validateCombo(indicator, combo);
    if (!combo_.ok) return combo_;
  }
  return validateValue(indicator, raw);
}

/** A value as shown to users: Vietnamese number format, the formula's rounding, the unit ("87,5 %"). */
export function formatValue(indicator: Indicator, value: Value | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'string') return value;
  const decimals = indicator.kind === 'formula' ? (indicator.decimals ?? 2) : 2;
  const text = formatViNumber(value, decimals);
  return indicator.unit ? `${text} ${indicator.unit}` : text;
}
