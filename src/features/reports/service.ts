// Report operations: open a draft for an expected report, save values, submit, approve, return, reopen,
// grant an exception. Each runs inside the caller's unit of work; totals move in the same transaction.

import type { Selectable } from 'kysely';
import type { UnitOfWork } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/db/database.ts';
import { AppError, type ErrorDetail } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  checkSubmission,
  countsInTotals,
  enterableIndicators,
  expectedReports,
  missingRequired,
  newReport,
  parsePeriod,
  parseValueKey,
  periodDates,
  transition,
  validateCell,
  valueKey,
  type Catalogue,
  type DataIndicator,
  type ExpectedReport,
  type PeriodDates,
  type ReportAction,
  type ReportEntry,
  type ReportState,
  type SubmissionCheck,
  type Value,
  type WorkflowContext,
} from './domain/index.ts';
import { reportError, unwrap } from './errors.ts';
import { readPrefill } from './prefill.ts';
import { withTotals } from './rollup.ts';
import {
  assignmentsAround,
  compiled,
  latestTemplate,
  loadCatalogue,
  templateVersion,
  toAssignment,
  treeAround,
  type StoredTemplate,
} from './store.ts';
import type { ReportTable } from './tables.ts';

export type ReportRow = Selectable<ReportTable>;

type StoredState = Omit<
  ReportState,
  'firstSubmittedAt' | 'lastSubmittedAt' | 'approvedAt' | 'exception' | 'history'
> & {
  firstSubmittedAt: string | null;
  lastSubmittedAt: string | null;
  approvedAt: string | null;
  exception: { grantedBy: string; reason: string; grantedAt: string; until: string } | null;
  history: Array<{ action: string; at: string; actor: string; comment?: string }>;
};

export function stateOf(row: Pick<ReportRow, 'state'>): ReportState {
  const s = JSON.parse(row.state) as StoredState;
  const d = (v: string | null) => (v ? new Date(v) : null);
  return {
    ...s,
    firstSubmittedAt: d(s.firstSubmittedAt),
    lastSubmittedAt: d(s.lastSubmittedAt),
    approvedAt: d(s.approvedAt),
    exception: s.exception
      ? { ...s.exception, grantedAt: new Date(s.exception.grantedAt), until: new Date(s.exception.until) }
      : null,
    history: s.history.map((h) => ({ ...h, at: new Date(h.at) }) as ReportState['history'][number]),
  };
}

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

function stateColumns(state: ReportState) {
  return {
    status: state.status,
    first_submitted_at: iso(state.firstSubmittedAt),
    last_submitted_at: iso(state.lastSubmittedAt),
    approved_at: iso(state.approvedAt),
    state: JSON.stringify(state),
  };
}

export async function findReport(db: DbOrTx, id: string): Promise<ReportRow | null> {
  return (await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

function toValue(indicator: DataIndicator | undefined, num: number | null, text: string | null): Value {
  if (indicator?.valueType === 'yes_no') return Number(num) === 1;
  if (num !== null) return Number(num);
  return text ?? '';
}

export async function reportValues(
  db: DbOrTx,
  reportId: string,
  catalogue: Catalogue,
): Promise<Record<string, Value>> {
  const rows = await db
    .selectFrom('report_values')
    .select(['indicator', 'combo', 'num', 'text'])
    .where('report_id', '=', reportId)
    .execute();
  const out: Record<string, Value> = {};
  for (const r of rows) {
    const indicator = catalogue.indicators.get(r.indicator);
    out[valueKey(r.indicator, r.combo)] = toValue(
      indicator?.kind === 'data' ? indicator : undefined,
      r.num === null ? null : Number(r.num),
      r.text,
    );
  }
  return out;
}

export function entryOf(row: ReportRow, values: Record<string, Value>): ReportEntry {
  return { values, texts: JSON.parse(row.texts) as Record<string, string> };
}

/** Deadline and lock of a report, from the assignment that made it expected. */
export async function datesOf(db: DbOrTx, row: ReportRow): Promise<PeriodDates> {
  const a = await db
    .selectFrom('report_assignments')
    .selectAll()
    .where('id', '=', row.assignment_id)
    .executeTakeFirstOrThrow();
  return periodDates(row.period, toAssignment(a).deadline);
}

/** Is this organisation expected to send this template for the period? */
export async function expectationFor(
  db: DbOrTx,
  org: { id: string; path: string },
  templateCode: string,
  period: string,
): Promise<ExpectedReport | null> {
  unwrap(parsePeriod(period));
  const [assignments, tree] = await Promise.all([
    assignmentsAround(db, org.path, false),
    treeAround(db, org.path, false),
  ]);
  return (
    expectedReports(assignments, tree, period).find(
      (e) => e.orgId === org.id && e.templateCode === templateCode,
    ) ?? null
  );
}

/** The report of an expected (org, template, period), created as a draft pre-filled with what is known. */
export async function openReport(
  uow: UnitOfWork,
  org: { id: string; path: string },
  templateCode: string,
  period: string,
): Promise<{ row: ReportRow; created: boolean }> {
  const existing = await uow.trx
    .selectFrom('reports')
    .selectAll()
    .where('org_id', '=', org.id)
    .where('template_code', '=', templateCode)
    .where('period', '=', period)
    .executeTakeFirst();
  if (existing) return { row: existing, created: false };
  const expected = await expectationFor(uow.trx, org, templateCode, period);
  if (!expected) throw new AppError('REPORT_NOT_ASSIGNED');
  const template = await latestTemplate(uow.trx, templateCode);
  if (!template) throw new AppError('REPORT_NOT_ASSIGNED');
  const { catalogue } = await loadCatalogue(uow.trx);
  const now = nowIso();
  const row: ReportRow = {
    id: newId(),
    org_id: org.id,
    org_path: org.path,
    period,
    template_code: templateCode,
    template_version: template.version,
    assignment_id: expected.assignmentId,
    reviewer_id: expected.reviewerId,
    status: 'draft',
    first_submitted_at: null,
    last_submitted_at: null,
    approved_at: null,
    complete: 0,
    state: JSON.stringify(newReport()),
    texts: '{}',
    warning_comments: '{}',
    created_at: now,
    updated_at: now,
  };
  await uow.trx.insertInto('reports').values(row).execute();
  const prefill = await prefillValues(uow.trx, org, period, template, catalogue);
  if (prefill.size > 0) {
    await uow.trx
      .insertInto('report_values')
      .values(
        [...prefill].map(([code, { value }]) => ({
          report_id: row.id,
          org_id: org.id,
          period,
          indicator: code,
          combo: '',
          num: value,
          text: null,
          counted: 0,
        })),
      )
      .execute();
  }
  row.complete =
    missingRequired(template, catalogue, {
      values: Object.fromEntries([...prefill].map(([k, v]) => [k, v.value])),
    }).length === 0
      ? 1
      : 0;
  if (row.complete)
    await uow.trx.updateTable('reports').set({ complete: 1 }).where('id', '=', row.id).execute();
  await uow.audit({
    action: 'report.open',
    entityType: 'report',
    entityId: row.id,
    orgPath: org.path,
    after: { templateCode, period, version: template.version },
  });
  return { row, created: true };
}

/** Pre-fill values by indicator code for the template's items that name a source (only plain cells). */
export async function prefillValues(
  db: DbOrTx,
  org: { id: string; path: string },
  period: string,
  template: StoredTemplate,
  catalogue: Catalogue,
): Promise<Map<string, { value: number; label: string }>> {
  const items = template.sections.flatMap((s) =>
    s.items.flatMap((i) =>
      i.kind === 'indicator' && i.prefill ? [{ code: i.indicator, source: i.prefill }] : [],
    ),
  );
  const known = await readPrefill(
    db,
    org,
    period,
    items.map((i) => i.source),
  );
  const out = new Map<string, { value: number; label: string }>();
  for (const item of items) {
    const ind = catalogue.indicators.get(item.code);
    const v = known.get(item.source);
    if (v && ind?.kind === 'data' && !ind.categories?.length) out.set(item.code, v);
  }
  return out;
}

export interface EntryInput {
  values?: Record<string, unknown>;
  texts?: Record<string, string>;
  warningComments?: Record<string, string>;
}

export interface CellProblem extends ErrorDetail {
  field: string;
}

/** Checks every cell of an input against the catalogue and the template; lists all problems at once. */
export function checkCells(
  template: StoredTemplate,
  catalogue: Catalogue,
  values: Record<string, unknown>,
): { parsed: Array<{ code: string; combo: string; value: Value | null }>; problems: CellProblem[] } {
  const allowed = new Set(enterableIndicators(template, catalogue));
  const parsed: Array<{ code: string; combo: string; value: Value | null }> = [];
  const problems: CellProblem[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const { code, combo } = parseValueKey(key);
    if (!allowed.has(code)) {
      const computed = catalogue.indicators.get(code)?.kind === 'formula';
      problems.push({
        field: key,
        code: computed ? 'REPORT_VALUE_NOT_ENTERABLE' : 'REPORT_UNKNOWN_INDICATOR',
        message: computed
          ? `Chỉ tiêu “${code}” được tính tự động, không nhập trực tiếp.`
          : `Mẫu báo cáo không có chỉ tiêu “${code}”.`,
      });
      continue;
    }
    const result = validateCell(catalogue, code, combo, raw);
    if (!result.ok) problems.push({ field: key, code: result.error.code, message: result.error.message });
    else parsed.push({ code, combo, value: result.value });
  }
  return { parsed, problems };
}

export interface LoadedReport {
  row: ReportRow;
  template: StoredTemplate;
  catalogue: Catalogue;
  dates: PeriodDates;
}

export async function loadReport(db: DbOrTx, row: ReportRow): Promise<LoadedReport> {
  const [template, { catalogue }, dates] = await Promise.all([
    templateVersion(db, row.template_code, row.template_version),
    loadCatalogue(db),
    datesOf(db, row),
  ]);
  return { row, template, catalogue, dates };
}

function workflowCtx(r: LoadedReport, actor: string, now: Date): WorkflowContext {
  return { now, actor, periodStart: r.dates.start, lockAt: r.dates.lockAt };
}

async function writeEntry(uow: UnitOfWork, r: LoadedReport, input: EntryInput): Promise<void> {
  const { row, template, catalogue } = r;
  const { parsed, problems } = checkCells(template, catalogue, input.values ?? {});
  const textItems = new Map(
    template.sections.flatMap((s) =>
      s.items.flatMap((i) => (i.kind === 'text' ? [[i.code, i] as const] : [])),
    ),
  );
  for (const [code, text] of Object.entries(input.texts ?? {})) {
    const item = textItems.get(code);
    if (!item)
      problems.push({
        field: code,
        code: 'REPORT_UNKNOWN_INDICATOR',
        message: `Mẫu báo cáo không có mục “${code}”.`,
      });
    else if ([...text].length > (item.maxLength ?? 8000))
      problems.push({
        field: code,
        code: 'REPORT_VALUE_TOO_LONG',
        message: `Nội dung “${item.label}” quá dài.`,
      });
  }
  if (problems.length > 0) {
    throw new AppError('REPORT_CELLS_INVALID', {
      message: `Có ${problems.length} ô không hợp lệ; chưa lưu gì.`,
      details: problems,
    });
  }
  const counted = countsInTotals(row.status) ? 1 : 0;
  for (const p of parsed) {
    await uow.trx
      .deleteFrom('report_values')
      .where('report_id', '=', row.id)
      .where('indicator', '=', p.code)
      .where('combo', '=', p.combo)
      .execute();
    if (p.value === null) continue;
    await uow.trx
      .insertInto('report_values')
      .values({
        report_id: row.id,
        org_id: row.org_id,
        period: row.period,
        indicator: p.code,
        combo: p.combo,
        num: typeof p.value === 'number' ? p.value : typeof p.value === 'boolean' ? (p.value ? 1 : 0) : null,
        text: typeof p.value === 'string' ? p.value : null,
        counted,
      })
      .execute();
  }
  const texts = { ...(JSON.parse(row.texts) as Record<string, string>), ...(input.texts ?? {}) };
  const comments = {
    ...(JSON.parse(row.warning_comments) as Record<string, string>),
    ...(input.warningComments ?? {}),
  };
  const values = await reportValues(uow.trx, row.id, catalogue);
  const complete = missingRequired(template, catalogue, { values, texts }).length === 0 ? 1 : 0;
  const patch = {
    texts: JSON.stringify(texts),
    warning_comments: JSON.stringify(comments),
    complete,
    updated_at: nowIso(),
  };
  await uow.trx.updateTable('reports').set(patch).where('id', '=', row.id).execute();
  Object.assign(row, patch);
}

/** Saves a draft: every cell checked first, nothing written unless all are valid. */
export async function saveDraft(
  uow: UnitOfWork,
  r: LoadedReport,
  input: EntryInput,
  actor: string,
  now: Date,
): Promise<void> {
  unwrap(transition(stateOf(r.row), { type: 'edit' }, workflowCtx(r, actor, now)));
  await writeEntry(uow, r, input);
  await uow.audit({
    action: 'report.save',
    entityType: 'report',
    entityId: r.row.id,
    orgPath: r.row.org_path,
    after: { values: input.values ?? {}, texts: Object.keys(input.texts ?? {}) },
  });
}

export async function checkOf(db: DbOrTx, r: LoadedReport): Promise<SubmissionCheck> {
  const values = await reportValues(db, r.row.id, r.catalogue);
  return checkSubmission({
    template: r.template,
    catalogue: r.catalogue,
    rules: compiled(r.template, r.catalogue),
    entry: entryOf(r.row, values),
    warningComments: JSON.parse(r.row.warning_comments) as Record<string, string>,
  });
}

/** Tells whoever submitted the report that it came back, with the reviewer's comment (notifications). */
function emitReturned(uow: UnitOfWork, r: LoadedReport, state: ReportState, comment: string): void {
  const accountIds = [...new Set(state.history.filter((h) => h.action === 'submit').map((h) => h.actor))];
  if (accountIds.length === 0) return;
  uow.emit({
    topic: 'report.returned',
    payload: {
      title: `Báo cáo bị trả lại: ${r.template.name} kỳ ${r.row.period}`,
      body: comment.slice(0, 1000),
      url: `/reports/${r.row.id}`,
      accountIds,
      eventId: `report:${r.row.id}:returned:${state.returnCount}`,
    },
  });
}

async function move(
  uow: UnitOfWork,
  r: LoadedReport,
  action: ReportAction,
  actor: string,
  now: Date,
): Promise<ReportState> {
  const next = transition(stateOf(r.row), action, workflowCtx(r, actor, now));
  if (!next.ok) throw reportError(next.error);
  const state = next.value;
  const counted = countsInTotals(state.status) ? 1 : 0;
  const changesCounting = countsInTotals(state.status) !== countsInTotals(r.row.status);
  const apply = async () => {
    const cols = { ...stateColumns(state), updated_at: nowIso() };
    await uow.trx.updateTable('reports').set(cols).where('id', '=', r.row.id).execute();
    if (changesCounting)
      await uow.trx.updateTable('report_values').set({ counted }).where('report_id', '=', r.row.id).execute();
    Object.assign(r.row, cols);
  };
  if (changesCounting) {
    await withTotals(
      uow.trx,
      { catalogue: r.catalogue, orgId: r.row.org_id, orgPath: r.row.org_path, period: r.row.period },
      apply,
    );
  } else await apply();
  const comment = 'comment' in action ? action.comment : 'reason' in action ? action.reason : undefined;
  await uow.audit({
    action: `report.${action.type}`,
    entityType: 'report',
    entityId: r.row.id,
    orgPath: r.row.org_path,
    after: { status: state.status, ...(comment ? { comment } : {}) },
  });
  uow.emit({
    topic: `report.${action.type}`,
    payload: { reportId: r.row.id, orgId: r.row.org_id, period: r.row.period, status: state.status },
  });
  if (action.type === 'return') emitReturned(uow, r, state, action.comment);
  return state;
}

/** Saves the given values (if any) and submits, in one transaction: a refused submission saves nothing. */
export async function submitReport(
  uow: UnitOfWork,
  r: LoadedReport,
  input: EntryInput,
  actor: string,
  now: Date,
): Promise<ReportState> {
  if (input.values || input.texts || input.warningComments) {
    unwrap(transition(stateOf(r.row), { type: 'edit' }, workflowCtx(r, actor, now)));
    await writeEntry(uow, r, input);
  }
  const check = await checkOf(uow.trx, r);
  return move(uow, r, { type: 'submit', check }, actor, now);
}

export function reviewReport(
  uow: UnitOfWork,
  r: LoadedReport,
  action: Extract<ReportAction, { type: 'approve' | 'return' | 'reopen' | 'grant_exception' }>,
  actor: string,
  now: Date,
): Promise<ReportState> {
  return move(uow, r, action, actor, now);
}
