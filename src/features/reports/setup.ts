// Writing reporting configuration outside HTTP (demo data, benchmarks, test samples), through the same
// domain checks the routes use.

import type { UnitOfWork } from '../../platform/context.ts';
import { nowIso } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import {
  buildCatalogue,
  compileRules,
  createTemplate,
  type AssignmentTarget,
  type Indicator,
  type PeriodType,
  type TemplateDraft,
  type ValidationRule,
} from './domain/index.ts';
import { unwrap } from './errors.ts';
import { bumpStamp } from './stamps.ts';
import { loadCatalogue } from './store.ts';

type OrgRef = { id: string; path: string };

export async function addIndicators(
  uow: UnitOfWork,
  owner: OrgRef,
  indicators: readonly Indicator[],
): Promise<void> {
  const { list } = await loadCatalogue(uow.trx);
  const known = new Set(list.map((i) => i.code));
  const fresh = indicators.filter((i) => !known.has(i.code));
  unwrap(buildCatalogue([...list, ...fresh]));
  const now = nowIso();
  for (const i of fresh) {
    await uow.trx
      .insertInto('report_indicators')
      .values({
        code: i.code,
        owner_org_id: owner.id,
        owner_path: owner.path,
        definition: JSON.stringify(i),
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  if (fresh.length > 0) await bumpStamp(uow.trx, 'views');
}

export async function addTemplate(
  uow: UnitOfWork,
  owner: OrgRef,
  draft: TemplateDraft,
  rules: ValidationRule[] = [],
): Promise<string> {
  const { catalogue } = await loadCatalogue(uow.trx);
  const template = unwrap(createTemplate(draft, catalogue));
  unwrap(compileRules(rules, catalogue));
  const id = newId();
  await uow.trx
    .insertInto('report_templates')
    .values({
      id,
      code: template.code,
      version: 1,
      owner_org_id: owner.id,
      owner_path: owner.path,
      definition: JSON.stringify({ ...template, rules }),
      created_at: nowIso(),
    })
    .execute();
  return id;
}

export async function addAssignment(
  uow: UnitOfWork,
  committee: OrgRef,
  input: {
    templateCode: string;
    target: AssignmentTarget;
    periodType: PeriodType;
    deadlineDays: number;
    lockAfterDays: number;
    activeFrom: string;
  },
): Promise<string> {
  const id = newId();
  await uow.trx
    .insertInto('report_assignments')
    .values({
      id,
      committee_id: committee.id,
      committee_path: committee.path,
      template_code: input.templateCode,
      target: JSON.stringify(input.target),
      period_type: input.periodType,
      deadline_days: input.deadlineDays,
      lock_after_days: input.lockAfterDays,
      active_from: input.activeFrom,
      active_to: null,
      created_at: nowIso(),
    })
    .execute();
  return id;
}
