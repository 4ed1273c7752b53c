// Validation rules over a report's values: an error blocks submission, a warning needs a comment.

import { fail, ok, type Result } from './errors.ts';
import {
  evaluate,
  ExpressionSyntaxError,
  formatExpression,
  parseExpression,
  referencesOf,
  type Expr,
} from './expressions.ts';
import { comboKeys, TOTAL, valueKey, type Catalogue, type DataIndicator, type Value } from './indicators.ts';
import { formatViNumber } from './numbers.ts';

export type RuleSeverity = 'error' | 'warning';

/**
 * What to do when a referenced value is empty (DHIS2's "missing value strategy"):
 * - skip_if_any_missing (default): the rule is not checked until every value it uses is entered;
 * - skip_if_all_missing: empty values count as 0 once at least one is entered;
 * - never_skip: empty values count as 0.
 */
export type MissingValueStrategy = 'skip_if_any_missing' | 'skip_if_all_missing' | 'never_skip';

export interface ValidationRule {
  code: string;
  /** Vietnamese name, e.g. "Số đảng viên dự họp không vượt quá tổng số". */
  name: string;
  /** e.g. "DV_CO_MAT <= DV_TONG", "DV_NAM + DV_NU == DV_TONG". */
  expression: string;
  severity: RuleSeverity;
  /** Optional Vietnamese instruction appended to the message ("Kiểm tra lại số đảng viên miễn sinh hoạt."). */
  instruction?: string;
  missingValues?: MissingValueStrategy;
}

export interface CompiledRule extends ValidationRule {
  expr: Expr;
}

export interface RuleViolation {
  rule: string;
  severity: RuleSeverity;
  /** Vietnamese message naming the rule and the values that broke it. */
  message: string;
  /** The values the rule used, by value key (null = empty). */
  values: Record<string, number | null>;
}

/** One problem of one rule, by its place in the list and the field to fix (shown beside that field). */
export interface RuleProblem {
  index: number;
  field: 'code' | 'name' | 'expression';
  message: string;
}

/**
 * Parses every rule and checks it only uses numeric or yes/no data indicators of the catalogue. Refusals list
 * every problem in `details.problems` (messages) and `details.ruleProblems` (by rule and field).
 */
export function compileRules(rules: readonly ValidationRule[], catalogue: Catalogue): Result<CompiledRule[]> {
  const found: RuleProblem[] = [];
  const compiled: CompiledRule[] = [];
  const codes = new Set<string>();
  for (const [index, rule] of rules.entries()) {
    const problem = (field: RuleProblem['field'], message: string) => found.push({ index, field, message });
    if (codes.has(rule.code)) problem('code', `Mã quy tắc “${rule.code}” bị trùng.`);
    codes.add(rule.code);
    if (!rule.name.trim()) problem('name', `Quy tắc thứ ${index + 1} chưa có thông báo.`);
    const label = rule.name.trim() || `thứ ${index + 1}`;
    let expr: Expr;
    try {
      expr = parseExpression(rule.expression, 'boolean');
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      problem('expression', `Quy tắc «${label}»: ${error.message}`);
      continue;
    }
    for (const ref of referencesOf(expr)) {
      const indicator = catalogue.indicators.get(ref.code);
      if (!indicator || indicator.kind !== 'data' || indicator.valueType === 'text') {
        problem('expression', `Quy tắc «${label}» dùng “${ref.code}”, không phải chỉ tiêu số liệu.`);
      } else if (ref.combo !== TOTAL && !comboKeys(indicator).includes(ref.combo)) {
        problem(
          'expression',
          `Quy tắc «${label}» dùng phân tổ không có “${ref.combo}” của «${indicator.name}».`,
        );
      }
    }
    compiled.push({ ...rule, expr });
  }
  if (found.length > 0) {
    const problems = found.map((p) => p.message);
    return fail('REPORT_RULE_SYNTAX', problems.join(' '), { problems, ruleProblems: found });
  }
  return ok(compiled);
}

function numeric(value: Value | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return undefined;
}

/**
 * The number a reference stands for in one report: the entered cell, or for a disaggregated indicator
 * referenced without a combo, the sum of its entered combos (undefined when none is entered).
 */
export function referenceValue(
  indicator: DataIndicator,
  combo: string,
  values: Readonly<Record<string, Value>>,
): number | undefined {
  const combos = comboKeys(indicator);
  if (combo !== TOTAL || (combos.length === 1 && combos[0] === TOTAL)) {
    return numeric(values[valueKey(indicator.code, combo)]);
  }
  let total: number | undefined;
  for (const c of combos) {
    const v = numeric(values[valueKey(indicator.code, c)]);
    if (v !== undefined) total = (total ?? 0) + v;
  }
  return total;
}

/** Runs every rule over one report's values; returns the broken ones (rules not applicable are skipped). */
export function checkRules(
  rules: readonly CompiledRule[],
  catalogue: Catalogue,
  values: Readonly<Record<string, Value>>,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  for (const rule of rules) {
    const refs = referencesOf(rule.expr);
    const used: Record<string, number | null> = {};
    for (const ref of refs) {
      const indicator = catalogue.indicators.get(ref.code);
      const v = indicator?.kind === 'data' ? referenceValue(indicator, ref.combo, values) : undefined;
      used[valueKey(ref.code, ref.combo)] = v ?? null;
    }
    const present = Object.values(used).filter((v) => v !== null).length;
    const strategy = rule.missingValues ?? 'skip_if_any_missing';
    if (strategy === 'skip_if_any_missing' && present < refs.length) continue;
    if (strategy === 'skip_if_all_missing' && present === 0) continue;
    const result = evaluate(rule.expr, (code, combo) => used[valueKey(code, combo)] ?? 0);
    // undefined here means a division by zero: the rule cannot be judged, so it does not block.
    if (result !== false) continue;
    violations.push({
      rule: rule.code,
      severity: rule.severity,
      message: violationMessage(rule, catalogue, used),
      values: used,
    });
  }
  return violations;
}

function violationMessage(
  rule: CompiledRule,
  catalogue: Catalogue,
  used: Record<string, number | null>,
): string {
  const parts = Object.entries(used).map(([key, v]) => {
    const name = catalogue.indicators.get(key.replace(/\[.*$/, ''))?.name ?? key;
    const combo = /\[(.*)\]$/.exec(key)?.[1];
    return `${name}${combo ? ` [${combo}]` : ''} = ${v === null ? 'trống' : formatViNumber(v, 4)}`;
  });
  const kind = rule.severity === 'error' ? 'Lỗi' : 'Cảnh báo';
  const head = `${kind}: quy tắc «${rule.name}» (${formatExpression(rule.expr)}) không được thỏa mãn`;
  const tail = rule.instruction ? ` ${rule.instruction}` : '';
  return `${head}${parts.length ? `: ${parts.join('; ')}` : ''}.${tail}`;
}
