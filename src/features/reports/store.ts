// Loading the reporting configuration (catalogue, templates, assignments) and the organisation tree
// around an organisation, in the shapes the domain layer takes.

import type { DbOrTx } from '../../platform/db/database.ts';
import { subtreeBounds } from '../../platform/permissions/check.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import {
  buildCatalogue,
  buildTree,
  compileRules,
  type Assignment,
  type AssignmentTarget,
  type Catalogue,
  type CompiledRule,
  type Indicator,
  type OrgTree,
  type OrgUnit,
  type PeriodType,
  type ReportTemplate,
  type ValidationRule,
} from './domain/index.ts';
import { unwrap } from './errors.ts';
import type { ReportAssignmentTable } from './tables.ts';

export interface StoredTemplate extends ReportTemplate {
  id: string;
  ownerOrgId: string;
  rules: ValidationRule[];
  createdAt: string;
}

export interface LoadedCatalogue {
  list: Indicator[];
  catalogue: Catalogue;
}

export async function loadCatalogue(db: DbOrTx): Promise<LoadedCatalogue> {
  const rows = await db.selectFrom('report_indicators').select(['definition']).orderBy('code').execute();
  const list = rows.map((r) => JSON.parse(r.definition) as Indicator);
  return { list, catalogue: unwrap(buildCatalogue(list)) };
}

function toTemplate(row: {
  id: string;
  code: string;
  version: number;
  owner_org_id: string;
  definition: string;
  created_at: string;
}): StoredTemplate {
  const def = JSON.parse(row.definition) as ReportTemplate & { rules?: ValidationRule[] };
  return {
    ...def,
    id: row.id,
    code: row.code,
    version: row.version,
    ownerOrgId: row.owner_org_id,
    rules: def.rules ?? [],
    createdAt: row.created_at,
  };
}

const TEMPLATE_COLUMNS = ['id', 'code', 'version', 'owner_org_id', 'definition', 'created_at'] as const;

export async function templateVersion(db: DbOrTx, code: string, version: number): Promise<StoredTemplate> {
  const row = await db
    .selectFrom('report_templates')
    .select(TEMPLATE_COLUMNS)
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound();
  return toTemplate(row);
}

export async function templateById(db: DbOrTx, id: string): Promise<StoredTemplate | null> {
  const row = await db
    .selectFrom('report_templates')
    .select(TEMPLATE_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toTemplate(row) : null;
}

export async function latestTemplate(db: DbOrTx, code: string): Promise<StoredTemplate | null> {
  const row = await db
    .selectFrom('report_templates')
    .select(TEMPLATE_COLUMNS)
    .where('code', '=', code)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toTemplate(row) : null;
}

/** The latest version of every template. */
export async function latestTemplates(db: DbOrTx): Promise<StoredTemplate[]> {
  const rows = await db
    .selectFrom('report_templates')
    .select(TEMPLATE_COLUMNS)
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
  const seen = new Set<string>();
  const out: StoredTemplate[] = [];
  for (const r of rows) {
    if (seen.has(r.code)) continue;
    seen.add(r.code);
    out.push(toTemplate(r));
  }
  return out;
}

export function compiled(template: StoredTemplate, catalogue: Catalogue): CompiledRule[] {
  return unwrap(compileRules(template.rules, catalogue));
}

export function toAssignment(row: ReportAssignmentTable): Assignment {
  return {
    id: row.id,
    committeeId: row.committee_id,
    templateCode: row.template_code,
    target: JSON.parse(row.target) as AssignmentTarget,
    periodType: row.period_type as PeriodType,
    deadline: { deadlineDays: row.deadline_days, lockAfterDays: row.lock_after_days },
    activeFrom: row.active_from,
    activeTo: row.active_to,
  };
}

function pathsAbove(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Assignments that can target organisations in `path`'s subtree: made above it, at it or inside it. */
export async function assignmentsAround(
  db: DbOrTx,
  path: string,
  withSubtree: boolean,
): Promise<Assignment[]> {
  const [lo, hi] = subtreeBounds(path);
  const rows = await db
    .selectFrom('report_assignments')
    .selectAll()
    .where((eb) =>
      withSubtree
        ? eb.or([
            eb('committee_path', 'in', pathsAbove(path)),
            eb.and([eb('committee_path', '>=', lo), eb('committee_path', '<', hi)]),
          ])
        : eb('committee_path', 'in', pathsAbove(path)),
    )
    .execute();
  return rows.map(toAssignment);
}

type OrgRow = {
  id: string;
  parent_id: string | null;
  type_code: string;
  name: string;
  closed_at: string | null;
};

function toUnit(r: OrgRow): OrgUnit {
  // The tree has no founding dates yet, so organisations count as existing since always.
  return {
    id: r.id,
    parentId: r.parent_id,
    type: r.type_code,
    name: r.name,
    closedOn: r.closed_at ? r.closed_at.slice(0, 10) : null,
  };
}

/** The organisation's ancestors and, when asked, its whole subtree, as a domain tree. */
export async function treeAround(db: DbOrTx, path: string, withSubtree: boolean): Promise<OrgTree> {
  const cols = ['id', 'parent_id', 'type_code', 'name', 'closed_at'] as const;
  const above = pathsAbove(path);
  const ancestors = await db.selectFrom('orgs').select(cols).where('path', 'in', above).execute();
  let below: OrgRow[] = [];
  if (withSubtree) {
    const [lo, hi] = subtreeBounds(path);
    below = await db.selectFrom('orgs').select(cols).where('path', '>', lo).where('path', '<', hi).execute();
  }
  return buildTree([...ancestors, ...below].map(toUnit));
}

export async function orgOrThrow(db: DbOrTx, id: string) {
  const org = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'type_code', 'parent_id', 'depth'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!org) throw notFound();
  return org;
}

export function assertPeriodType(type: string): PeriodType {
  if (!['monthly', 'quarterly', 'half_yearly', 'yearly'].includes(type))
    throw new AppError('REPORT_PERIOD_INVALID');
  return type as PeriodType;
}
