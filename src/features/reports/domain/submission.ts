// Whether a report's content may be submitted: complete, no error-level rule broken, every warning
// explained by a comment.

import type { Catalogue } from './indicators.ts';
import { checkRules, type CompiledRule, type RuleViolation } from './rules.ts';
import { missingRequired, type MissingItem, type ReportEntry, type ReportTemplate } from './templates.ts';

export interface SubmissionCheck {
  /** True when the content may be submitted. */
  ok: boolean;
  complete: boolean;
  missing: MissingItem[];
  errors: RuleViolation[];
  warnings: RuleViolation[];
  /** Warnings that still lack a comment; they block submission like errors until explained. */
  uncommentedWarnings: RuleViolation[];
}

export function checkSubmission(input: {
  template: ReportTemplate;
  catalogue: Catalogue;
  rules: readonly CompiledRule[];
  entry: ReportEntry;
  /** Sender's explanation per warning rule code. */
  warningComments?: Readonly<Record<string, string>>;
}): SubmissionCheck {
  const missing = missingRequired(input.template, input.catalogue, input.entry);
  const violations = checkRules(input.rules, input.catalogue, input.entry.values);
  const errors = violations.filter((v) => v.severity === 'error');
  const warnings = violations.filter((v) => v.severity === 'warning');
  const uncommentedWarnings = warnings.filter((w) => (input.warningComments?.[w.rule] ?? '').trim() === '');
  return {
    ok: missing.length === 0 && errors.length === 0 && uncommentedWarnings.length === 0,
    complete: missing.length === 0,
    missing,
    errors,
    warnings,
    uncommentedWarnings,
  };
}
