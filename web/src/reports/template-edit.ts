// Pure helpers of the template form: moving parts and items up or down, and checking a validation rule as it is
// typed with the server's own expression parser (the same messages the server gives when it refuses).
import {
  ExpressionSyntaxError,
  parseExpression,
  referencesOf,
} from '../../../src/features/reports/domain/expressions.ts';
import { t } from '../i18n/i18n.ts';
import type { Indicator } from './admin-shared.tsx';

export type RuleSeverity = 'error' | 'warning';

/** A template's validation rule as the API gives and takes it (other fields are kept as they were). */
export interface Rule {
  code: string;
  name: string;
  expression: string;
  severity: RuleSeverity;
  instruction?: string;
  missingValues?: string;
}

/** The list with the entry at `index` moved one place up (-1) or down (+1); the same list at either end. */
export function moveEntry<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** A rule code no other rule of the template uses: QT_1, QT_2 … */
export function freshRuleCode(rules: readonly Rule[]): string {
  const taken = new Set(rules.map((r) => r.code));
  for (let n = 1; ; n++) if (!taken.has(`QT_${n}`)) return `QT_${n}`;
}

/**
 * What is wrong with a rule's expression, in the user's language (syntax errors in Vietnamese, as the server
 * words them), or null when the server will accept it: a comparison over numeric or yes/no data indicators of
 * the catalogue, and only the disaggregations they have.
 */
export function ruleExpressionProblem(expression: string, indicators: readonly Indicator[]): string | null {
  if (!expression.trim()) return t('reportAdmin.ruleExpressionRequired');
  let refs: Array<{ code: string; combo: string }>;
  try {
    refs = referencesOf(parseExpression(expression, 'boolean'));
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return error.message;
    throw error;
  }
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  for (const ref of refs) {
    const indicator = byCode.get(ref.code);
    if (!indicator) return t('reportAdmin.ruleUnknownCode', { code: ref.code });
    if (indicator.kind !== 'data' || indicator.valueType === 'text')
      return t('reportAdmin.ruleNotData', { code: ref.code, name: indicator.name });
    if (ref.combo) {
      const combos = (indicator.categories ?? []).reduce<string[]>(
        (acc, c) => acc.flatMap((a) => c.options.map((o) => (a ? `${a}.${o.code}` : o.code))),
        [''],
      );
      if (!combos.includes(ref.combo))
        return t('reportAdmin.ruleUnknownCombo', { combo: ref.combo, name: indicator.name });
    }
  }
  return null;
}
