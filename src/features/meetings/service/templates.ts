// Meeting templates: the defaults, an organisation's own, published down the tree.
import type { UnitOfWork } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { Org } from '../../orgs/queries.ts';
import {
  DEFAULT_TEMPLATES,
  MEETING_NOTICES,
  validateTemplate,
  type MeetingKind,
  type ProcedureTemplate,
  type StepTemplate,
} from '../domain/index.ts';
import { now } from './common.ts';

export interface TemplateView extends ProcedureTemplate {
  source: 'default' | 'own' | 'upper';
  orgId: string | null;
  orgName: string | null;
  published: boolean;
}

/** Templates an organisation may use: the defaults, those published by committees above it, and its own. */
export async function effectiveTemplates(db: DbOrTx, org: Org): Promise<TemplateView[]> {
  const ancestorPaths: string[] = [];
  const ids = org.path.split('/').filter(Boolean);
  for (let i = 1; i <= ids.length; i++) ancestorPaths.push(`/${ids.slice(0, i).join('/')}/`);
  const rows = await db
    .selectFrom('meeting_templates')
    .innerJoin('orgs', 'orgs.id', 'meeting_templates.org_id')
    .select([
      'meeting_templates.id',
      'meeting_templates.org_id',
      'meeting_templates.org_path',
      'meeting_templates.meeting_kind',
      'meeting_templates.title',
      'meeting_templates.steps',
      'meeting_templates.published',
      'orgs.name as org_name',
    ])
    .where('meeting_templates.org_path', 'in', ancestorPaths)
    .orderBy('meeting_templates.org_path', 'desc')
    .orderBy('meeting_templates.created_at')
    .execute();
  const stored: TemplateView[] = rows
    .filter((r) => r.org_id === org.id || r.published === 1)
    .map((r) => ({
      id: r.id,
      meetingKind: r.meeting_kind,
      title: r.title,
      steps: JSON.parse(r.steps) as StepTemplate[],
      source: r.org_id === org.id ? 'own' : 'upper',
      orgId: r.org_id,
      orgName: r.org_name,
      published: r.published === 1,
    }));
  const defaults: TemplateView[] = DEFAULT_TEMPLATES.map((t) => ({
    ...t,
    steps: t.steps.map((s) => ({ ...s })),
    source: 'default',
    orgId: null,
    orgName: null,
    published: false,
  }));
  return [...stored, ...defaults];
}

export interface TemplateInput {
  meetingKind: MeetingKind;
  title: string;
  steps: StepTemplate[];
  published: boolean;
}

function checkTemplate(input: TemplateInput): void {
  const issues = validateTemplate({ id: 'x', ...input });
  if (issues.length > 0) {
    throw new AppError('MEETING_TEMPLATE_INVALID', {
      details: issues.map((i) => ({ code: i.code, field: i.key, message: MEETING_NOTICES[i.code].vi })),
    });
  }
}

export async function createTemplate(uow: UnitOfWork, org: Org, input: TemplateInput): Promise<string> {
  checkTemplate(input);
  const id = newId();
  const at = now();
  await uow.trx
    .insertInto('meeting_templates')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      org_type: org.type,
      meeting_kind: input.meetingKind,
      title: input.title.normalize('NFC').trim(),
      steps: JSON.stringify(input.steps),
      published: input.published ? 1 : 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await uow.audit({
    action: 'meeting_template.create',
    entityType: 'org',
    entityId: org.id,
    orgPath: org.path,
  });
  return id;
}

export async function updateTemplate(
  uow: UnitOfWork,
  row: { id: string; org_id: string; org_path: string },
  input: TemplateInput,
): Promise<void> {
  checkTemplate(input);
  await uow.trx
    .updateTable('meeting_templates')
    .set({
      meeting_kind: input.meetingKind,
      title: input.title.normalize('NFC').trim(),
      steps: JSON.stringify(input.steps),
      published: input.published ? 1 : 0,
      updated_at: now(),
    })
    .where('id', '=', row.id)
    .execute();
  await uow.audit({
    action: 'meeting_template.update',
    entityType: 'org',
    entityId: row.org_id,
    orgPath: row.org_path,
  });
}
