import { randomBytes } from 'node:crypto';
import { syncMeetingSearch } from './search.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import './errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Org } from '../orgs/queries.ts';
import {
  advanceStep,
  castVote,
  DEFAULT_TEMPLATES,
  materialsWarning,
  MEETING_NOTICES,
  tallyVote,
  validateTemplate,
  voteEligibility,
  type Ballot,
  type MeetingAction,
  type MeetingKind,
  type MeetingState,
  type ProcedureTemplate,
  type RollCallMark,
  type StepTemplate,
  type VoteChoice,
  type VoteCounts,
} from './domain/index.ts';
import { createMeetingState } from './domain/index.ts';
import { issueCheckIn, newMeetingSecret, verifyCheckInToken, type IssuedCheckIn } from './checkin.ts';
import {
  attendanceOf,
  findMeeting,
  latestDraft,
  liveSnapshot,
  stateOf,
  type MeetingRow,
  type StoredDraft,
} from './queries.ts';

const now = () => new Date().toISOString();

export function isClosed(m: Pick<MeetingRow, 'status'>): boolean {
  return m.status === 'ended' || m.status === 'minutes_approved';
}

export function assertOpen(m: Pick<MeetingRow, 'status'>): void {
  if (isClosed(m)) throw new AppError('MEETING_CLOSED');
}

function assertLive(m: Pick<MeetingRow, 'status'>): void {
  assertOpen(m);
  if (m.status !== 'live') throw new AppError('MEETING_NOT_LIVE');
}

// ── Templates ───────────────────────────────────────────────────────────────────────────────────────────────

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

// ── Meetings ────────────────────────────────────────────────────────────────────────────────────────────────

export interface MeetingInput {
  kind: MeetingKind;
  title?: string;
  theme?: string | null;
  startsAt: string;
  place: string;
  online: boolean;
  templateId?: string;
}

const KIND_TITLES: Record<MeetingKind, string> = {
  regular: 'Sinh hoạt chi bộ thường kỳ',
  themed: 'Sinh hoạt chuyên đề',
  regular_and_themed: 'Sinh hoạt thường kỳ kết hợp chuyên đề',
};

function checkStart(startsAt: string): string {
  const d = new Date(startsAt);
  if (Number.isNaN(d.getTime()))
    throw new AppError('MEETING_INVALID', {
      details: [{ field: 'startsAt', message: 'Thời gian không hợp lệ' }],
    });
  return d.toISOString();
}

export async function createMeeting(
  uow: UnitOfWork,
  org: Org,
  input: MeetingInput,
  by: { accountId: string; memberId: string | null },
): Promise<string> {
  const templates = await effectiveTemplates(uow.trx, org);
  const template = input.templateId
    ? templates.find((t) => t.id === input.templateId)
    : templates.find((t) => t.meetingKind === input.kind);
  if (!template)
    throw new AppError('MEETING_INVALID', {
      details: [{ field: 'templateId', message: 'Không có quy trình này' }],
    });
  const startsAt = checkStart(input.startsAt);
  const state = createMeetingState(template.steps);
  const local = new Date(new Date(startsAt).getTime() + 7 * 3600_000);
  const title =
    input.title?.normalize('NFC').trim() ||
    `${KIND_TITLES[input.kind]} tháng ${local.getUTCMonth() + 1}/${local.getUTCFullYear()}`;
  const id = newId();
  const at = now();
  await uow.trx
    .insertInto('meetings')
    .values({
      id,
      org_id: org.id,
      org_path: org.path,
      kind: input.kind,
      title,
      theme: input.theme?.normalize('NFC').trim() || null,
      starts_at: startsAt,
      place: input.place.normalize('NFC').trim(),
      online: input.online ? 1 : 0,
      status: state.status,
      version: state.version,
      state: JSON.stringify(state),
      published_at: null,
      started_at: null,
      ended_at: null,
      chair_member_id: by.memberId,
      minute_taker_member_id: null,
      minutes: null,
      minutes_approved_at: null,
      qr_secret: newMeetingSecret(),
      qr_code: null,
      qr_expires_at: null,
      created_by: by.accountId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await uow.audit({ action: 'meeting.create', entityType: 'meeting', entityId: id, orgPath: org.path });
  return id;
}

export async function updateMeeting(
  uow: UnitOfWork,
  m: MeetingRow,
  input: Partial<Omit<MeetingInput, 'templateId' | 'kind'>> & {
    chairMemberId?: string | null;
    minuteTakerMemberId?: string | null;
  },
): Promise<void> {
  assertOpen(m);
  await uow.trx
    .updateTable('meetings')
    .set({
      ...(input.title !== undefined ? { title: input.title.normalize('NFC').trim() } : {}),
      ...(input.theme !== undefined ? { theme: input.theme?.normalize('NFC').trim() || null } : {}),
      ...(input.startsAt !== undefined ? { starts_at: checkStart(input.startsAt) } : {}),
      ...(input.place !== undefined ? { place: input.place.normalize('NFC').trim() } : {}),
      ...(input.online !== undefined ? { online: input.online ? 1 : 0 } : {}),
      ...(input.chairMemberId !== undefined ? { chair_member_id: input.chairMemberId } : {}),
      ...(input.minuteTakerMemberId !== undefined
        ? { minute_taker_member_id: input.minuteTakerMemberId }
        : {}),
      updated_at: now(),
    })
    .where('id', '=', m.id)
    .execute();
  await uow.audit({ action: 'meeting.update', entityType: 'meeting', entityId: m.id, orgPath: m.org_path });
}

/** Publishes the live state of the meeting to every process (members' devices follow it). */
async function emitLive(uow: UnitOfWork, meetingId: string, what: string): Promise<void> {
  const fresh = await findMeeting(uow.trx, meetingId);
  if (!fresh) return;
  uow.emit({
    topic: `meeting.${meetingId}.${what}`,
    payload: (await liveSnapshot(uow.trx, fresh)) as unknown as Record<string, unknown>,
  });
}

/**
 * Applies one state-machine action and stores it only if nobody else changed the meeting since it was read:
 * the version in the WHERE clause is the optimistic lock between two secretaries.
 */
export async function transition(
  uow: UnitOfWork,
  m: MeetingRow,
  action: MeetingAction,
  topic = 'step',
): Promise<MeetingState> {
  const before = stateOf(m);
  const result = advanceStep(before, action);
  if (!result.ok) throw new AppError(result.code);
  const s = result.state;
  const updated = await uow.trx
    .updateTable('meetings')
    .set({
      state: JSON.stringify(s),
      version: s.version,
      status: s.status,
      published_at: s.publishedAt ?? m.published_at,
      started_at: s.startedAt ?? m.started_at,
      ended_at: s.endedAt ?? m.ended_at,
      minutes_approved_at: s.minutesApprovedAt ?? m.minutes_approved_at,
      updated_at: now(),
    })
    .where('id', '=', m.id)
    .where('version', '=', before.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('MEETING_VERSION_CONFLICT');
  await uow.audit({
    action: `meeting.${action.type}`,
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
    after: 'stepId' in action ? { stepId: action.stepId } : undefined,
  });
  await emitLive(uow, m.id, topic);
  if (s.status !== before.status) await syncMeetingSearch(uow, m.id);
  return s;
}

export function publishWarning(m: MeetingRow, publishedAt: string | null) {
  const check = materialsWarning(publishedAt, m.starts_at);
  if (!check.warning || !check.code) return null;
  return {
    code: check.code,
    message: MEETING_NOTICES[check.code].vi,
    leadMinutes: check.leadMinutes ?? null,
  };
}

// ── Materials and reading ───────────────────────────────────────────────────────────────────────────────────

export interface MaterialInput {
  kind: 'document' | 'link' | 'file' | 'guidance';
  title: string;
  documentId?: string | null;
  url?: string | null;
  file?: { key: string; name: string; mime: string } | null;
}

export async function addMaterial(uow: UnitOfWork, m: MeetingRow, input: MaterialInput): Promise<string> {
  assertOpen(m);
  const title = input.title.normalize('NFC').trim();
  const hasTarget = Boolean(input.documentId || input.url || input.file);
  if (!title || !hasTarget) throw new AppError('MEETING_MATERIAL_INVALID');
  if (input.url && !/^https?:\/\//i.test(input.url)) throw new AppError('MEETING_MATERIAL_INVALID');
  const count = await uow.trx
    .selectFrom('meeting_materials')
    .select(uow.trx.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', m.id)
    .executeTakeFirstOrThrow();
  const id = newId();
  await uow.trx
    .insertInto('meeting_materials')
    .values({
      id,
      meeting_id: m.id,
      kind: input.kind,
      title,
      document_id: input.documentId ?? null,
      url: input.url ?? null,
      file_key: input.file?.key ?? null,
      file_name: input.file?.name ?? null,
      file_mime: input.file?.mime ?? null,
      position: Number(count.n),
      created_at: now(),
    })
    .execute();
  await uow.audit({
    action: 'meeting.material.add',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  await syncMeetingSearch(uow, m.id);
  return id;
}

export async function removeMaterial(uow: UnitOfWork, m: MeetingRow, materialId: string): Promise<void> {
  assertOpen(m);
  await uow.trx
    .deleteFrom('meeting_materials')
    .where('id', '=', materialId)
    .where('meeting_id', '=', m.id)
    .execute();
  await uow.audit({
    action: 'meeting.material.remove',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  await syncMeetingSearch(uow, m.id);
}

/** Records that a member opened the materials (first and last time). */
export async function markRead(db: DbOrTx, meetingId: string, memberId: string): Promise<void> {
  const at = now();
  await db
    .insertInto('meeting_reads')
    .values({ meeting_id: meetingId, member_id: memberId, first_at: at, last_at: at })
    .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doUpdateSet({ last_at: at }))
    .execute();
}

// ── Draft resolution ────────────────────────────────────────────────────────────────────────────────────────

export interface DraftInput {
  title: string;
  assessment: Array<{ id?: string; text: string }>;
  tasks: Array<{ id?: string; content: string; owner: string; deadline?: string | null }>;
}

const shortId = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`;

function normaliseDraft(input: DraftInput): StoredDraft {
  const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const seen = new Set<string>();
  const keep = (id: string | undefined, prefix: string) => {
    const ok = id && /^[a-z0-9-]{2,40}$/.test(id) && !seen.has(id) ? id : shortId(prefix);
    seen.add(ok);
    return ok;
  };
  return {
    title: clean(input.title),
    assessment: input.assessment
      .map((p) => ({ id: p.id, text: clean(p.text) }))
      .filter((p) => p.text !== '')
      .map((p) => ({ id: keep(p.id, 'p-'), text: p.text })),
    tasks: input.tasks
      .filter((t) => clean(t.content) !== '')
      .map((t) => {
        const task: StoredDraft['tasks'][number] = {
          id: keep(t.id, 't-'),
          content: clean(t.content),
          owner: clean(t.owner),
        };
        if (t.deadline) task.deadline = t.deadline;
        return task;
      }),
  };
}

/** Saves the working draft: edits the unpublished version, or starts a new version after a published one. */
export async function saveDraft(uow: UnitOfWork, m: MeetingRow, input: DraftInput): Promise<number> {
  assertOpen(m);
  const draft = normaliseDraft(input);
  const latest = await latestDraft(uow.trx, m.id, false);
  const at = now();
  if (latest && latest.published_at === null) {
    await uow.trx
      .updateTable('meeting_drafts')
      .set({ content: JSON.stringify(draft), updated_at: at })
      .where('id', '=', latest.id)
      .execute();
    return latest.version;
  }
  const version = (latest?.version ?? 0) + 1;
  await uow.trx
    .insertInto('meeting_drafts')
    .values({
      id: newId(),
      meeting_id: m.id,
      version,
      content: JSON.stringify(draft),
      note: null,
      published_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await uow.audit({
    action: 'meeting.draft.save',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  return version;
}

export async function publishDraft(uow: UnitOfWork, m: MeetingRow, note: string | null): Promise<number> {
  assertOpen(m);
  const latest = await latestDraft(uow.trx, m.id, false);
  if (!latest) throw new AppError('MEETING_DRAFT_MISSING');
  if (latest.published_at !== null) return latest.version;
  await uow.trx
    .updateTable('meeting_drafts')
    .set({ published_at: now(), note: note?.normalize('NFC').trim() || null })
    .where('id', '=', latest.id)
    .execute();
  await uow.audit({
    action: 'meeting.draft.publish',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
    after: { version: latest.version },
  });
  uow.emit({ topic: `meeting.${m.id}.draft`, payload: { meetingId: m.id, version: latest.version } });
  await syncMeetingSearch(uow, m.id);
  return latest.version;
}

// ── Comments ────────────────────────────────────────────────────────────────────────────────────────────────

export interface CommentInput {
  targetKind: 'agenda' | 'paragraph' | 'general';
  targetId: string;
  parentId?: string | null;
  body: string;
}

export async function addComment(
  uow: UnitOfWork,
  m: MeetingRow,
  input: CommentInput,
  author: { accountId: string; memberId: string | null; name: string },
): Promise<string> {
  if (isClosed(m)) throw new AppError('MEETING_COMMENTS_CLOSED');
  const body = input.body.normalize('NFC').trim();
  if (!body) throw new AppError('MEETING_INVALID', { details: [{ field: 'body', message: 'Góp ý trống' }] });
  let draftVersion: number | null = null;
  if (input.parentId) {
    const parent = await uow.trx
      .selectFrom('meeting_comments')
      .select(['id', 'target_kind', 'target_id'])
      .where('id', '=', input.parentId)
      .where('meeting_id', '=', m.id)
      .executeTakeFirst();
    if (!parent || parent.target_kind !== input.targetKind || parent.target_id !== input.targetId)
      throw new AppError('MEETING_COMMENT_TARGET_UNKNOWN');
  }
  if (input.targetKind === 'agenda') {
    if (!stateOf(m).steps.some((s) => s.id === input.targetId))
      throw new AppError('MEETING_COMMENT_TARGET_UNKNOWN');
  } else if (input.targetKind === 'paragraph') {
    const draft = await latestDraft(uow.trx, m.id, true);
    const ids = draft
      ? [...draft.draft.assessment.map((p) => p.id), ...draft.draft.tasks.map((t) => t.id)]
      : [];
    if (!draft || !ids.includes(input.targetId)) throw new AppError('MEETING_COMMENT_TARGET_UNKNOWN');
    draftVersion = draft.version;
  }
  const id = newId();
  const at = now();
  await uow.trx
    .insertInto('meeting_comments')
    .values({
      id,
      meeting_id: m.id,
      target_kind: input.targetKind,
      target_id: input.targetId,
      parent_id: input.parentId ?? null,
      draft_version: draftVersion,
      author_account_id: author.accountId,
      author_member_id: author.memberId,
      author_name: author.name,
      body,
      status: 'open',
      answer: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await uow.audit({
    action: 'meeting.comment.add',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  uow.emit({ topic: `meeting.${m.id}.comment`, payload: { meetingId: m.id, commentId: id } });
  return id;
}

export async function markComment(
  uow: UnitOfWork,
  m: MeetingRow,
  commentId: string,
  input: { status: 'open' | 'accepted' | 'answered'; answer?: string | null },
): Promise<void> {
  if (isClosed(m)) throw new AppError('MEETING_COMMENTS_CLOSED');
  const res = await uow.trx
    .updateTable('meeting_comments')
    .set({
      status: input.status,
      ...(input.answer !== undefined ? { answer: input.answer?.normalize('NFC').trim() || null } : {}),
      updated_at: now(),
    })
    .where('id', '=', commentId)
    .where('meeting_id', '=', m.id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND');
  await uow.audit({
    action: 'meeting.comment.mark',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
}

// ── Live: attendance, check-in, notes ───────────────────────────────────────────────────────────────────────

export async function saveAttendance(uow: UnitOfWork, m: MeetingRow, marks: RollCallMark[]): Promise<void> {
  assertLive(m);
  const { members } = await attendanceOf(uow.trx, m);
  const ids = new Set(members.map((x) => x.id));
  const at = now();
  for (const mark of marks) {
    if (!ids.has(mark.memberId))
      throw new AppError('MEETING_INVALID', {
        details: [{ field: 'memberId', message: MEETING_NOTICES.ROLL_CALL_UNKNOWN_MEMBER.vi }],
      });
    if (mark.mark === 'absent_with_reason' && mark.reason.trim() === '')
      throw new AppError('MEETING_INVALID', {
        details: [{ field: 'reason', message: MEETING_NOTICES.ROLL_CALL_REASON_MISSING.vi }],
      });
    const row = {
      mark: mark.mark,
      reason: mark.mark === 'absent_with_reason' ? mark.reason.normalize('NFC').trim() : null,
      remote: mark.mark === 'present' && mark.remote ? 1 : 0,
      source: 'secretary' as const,
      at,
    };
    await uow.trx
      .insertInto('meeting_attendance')
      .values({ meeting_id: m.id, member_id: mark.memberId, ...row })
      .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doUpdateSet(row))
      .execute();
  }
  await uow.audit({
    action: 'meeting.roll_call',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  await emitLive(uow, m.id, 'attendance');
}

export async function issueQr(uow: UnitOfWork, m: MeetingRow, at: number): Promise<IssuedCheckIn> {
  assertLive(m);
  const issued = issueCheckIn(m.qr_secret, m.id, at);
  await uow.trx
    .updateTable('meetings')
    .set({ qr_code: issued.code, qr_expires_at: issued.expiresAt })
    .where('id', '=', m.id)
    .execute();
  return issued;
}

export async function checkIn(
  uow: UnitOfWork,
  m: MeetingRow,
  memberId: string | null,
  proof: { token?: string; code?: string },
  at: number,
): Promise<void> {
  assertLive(m);
  if (proof.token) {
    const verdict = verifyCheckInToken(m.qr_secret, m.id, proof.token, at);
    if (verdict === 'invalid') throw new AppError('MEETING_CHECKIN_INVALID');
    if (verdict === 'expired') throw new AppError('MEETING_CHECKIN_EXPIRED');
  } else if (proof.code) {
    if (!m.qr_code || proof.code.trim() !== m.qr_code) throw new AppError('MEETING_CHECKIN_INVALID');
    if (!m.qr_expires_at || Date.parse(m.qr_expires_at) < at) throw new AppError('MEETING_CHECKIN_EXPIRED');
  } else throw new AppError('MEETING_CHECKIN_INVALID');
  const { members } = await attendanceOf(uow.trx, m);
  if (!memberId || !members.some((x) => x.id === memberId)) throw new AppError('MEETING_CHECKIN_NOT_MEMBER');
  const row = {
    mark: 'present' as const,
    reason: null,
    remote: 0,
    source: 'check_in' as const,
    at: new Date(at).toISOString(),
  };
  await uow.trx
    .insertInto('meeting_attendance')
    .values({ meeting_id: m.id, member_id: memberId, ...row })
    .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doUpdateSet(row))
    .execute();
  await uow.audit({ action: 'meeting.check_in', entityType: 'meeting', entityId: m.id, orgPath: m.org_path });
  await emitLive(uow, m.id, 'attendance');
}

export async function addNote(
  uow: UnitOfWork,
  m: MeetingRow,
  input: { stepId: string; text: string; speaker?: string | null; kind?: 'note' | 'conclusion' },
): Promise<string> {
  assertLive(m);
  if (!stateOf(m).steps.some((s) => s.id === input.stepId)) throw new AppError('MEETING_STEP_NOT_FOUND');
  const text = input.text.normalize('NFC').trim();
  if (!text)
    throw new AppError('MEETING_INVALID', { details: [{ field: 'text', message: 'Ghi chép trống' }] });
  const id = newId();
  await uow.trx
    .insertInto('meeting_notes')
    .values({
      id,
      meeting_id: m.id,
      step_id: input.stepId,
      speaker: input.speaker?.normalize('NFC').trim() || null,
      text,
      kind: input.kind ?? 'note',
      created_at: now(),
    })
    .execute();
  return id;
}

// ── Votes ───────────────────────────────────────────────────────────────────────────────────────────────────

export async function createMotion(
  uow: UnitOfWork,
  m: MeetingRow,
  input: { title: string; method: 'show_of_hands' | 'app'; isResolution: boolean },
): Promise<string> {
  assertLive(m);
  const open = await uow.trx
    .selectFrom('meeting_motions')
    .select('id')
    .where('meeting_id', '=', m.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) throw new AppError('MEETING_VOTE_OPEN_EXISTS');
  const id = newId();
  await uow.trx
    .insertInto('meeting_motions')
    .values({
      id,
      meeting_id: m.id,
      title: input.title.normalize('NFC').trim(),
      method: input.method,
      is_resolution: input.isResolution ? 1 : 0,
      status: 'open',
      hands: null,
      outcome: null,
      created_at: now(),
      closed_at: null,
    })
    .execute();
  await uow.audit({
    action: 'meeting.motion.open',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  await emitLive(uow, m.id, 'vote');
  return id;
}

async function loadMotion(db: DbOrTx, m: MeetingRow, motionId: string) {
  const motion = await db
    .selectFrom('meeting_motions')
    .selectAll()
    .where('id', '=', motionId)
    .where('meeting_id', '=', m.id)
    .executeTakeFirst();
  if (!motion) throw new AppError('MEETING_MOTION_NOT_FOUND');
  return motion;
}

export async function castBallot(
  uow: UnitOfWork,
  m: MeetingRow,
  motionId: string,
  memberId: string | null,
  choice: VoteChoice,
): Promise<void> {
  const motion = await loadMotion(uow.trx, m, motionId);
  if (motion.status === 'closed' || isClosed(m)) throw new AppError('VOTE_CLOSED');
  assertLive(m);
  if (motion.method !== 'app') throw new AppError('MEETING_VOTE_METHOD');
  const { members, attendance, rules } = await attendanceOf(uow.trx, m);
  const member = members.find((x) => x.id === memberId);
  if (!member || !memberId) throw new AppError('VOTE_NOT_A_MEMBER');
  const ballots = await uow.trx
    .selectFrom('meeting_ballots')
    .select(['member_id', 'choice'])
    .where('motion_id', '=', motionId)
    .execute();
  const result = castVote(
    { closed: false, ballots: ballots.map((b): Ballot => ({ memberId: b.member_id, choice: b.choice })) },
    { memberId, choice },
    voteEligibility(member, attendance, rules),
  );
  if (!result.ok) throw new AppError(result.code);
  const inserted = await uow.trx
    .insertInto('meeting_ballots')
    .values({ motion_id: motionId, member_id: memberId, choice, at: now() })
    .onConflict((oc) => oc.columns(['motion_id', 'member_id']).doNothing())
    .executeTakeFirst();
  // A concurrent second vote loses on the primary key.
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw new AppError('VOTE_DUPLICATE');
  await uow.audit({ action: 'meeting.vote', entityType: 'meeting', entityId: m.id, orgPath: m.org_path });
  await emitLive(uow, m.id, 'vote');
}

export async function recordHands(
  uow: UnitOfWork,
  m: MeetingRow,
  motionId: string,
  counts: VoteCounts,
): Promise<void> {
  const motion = await loadMotion(uow.trx, m, motionId);
  if (motion.status === 'closed' || isClosed(m)) throw new AppError('VOTE_CLOSED');
  assertLive(m);
  if (motion.method !== 'show_of_hands') throw new AppError('MEETING_VOTE_METHOD');
  const { attendance } = await attendanceOf(uow.trx, m);
  if (counts.for + counts.against + counts.abstain > attendance.voteBase)
    throw new AppError('MEETING_VOTE_COUNTS_INVALID');
  await uow.trx
    .updateTable('meeting_motions')
    .set({ hands: JSON.stringify(counts) })
    .where('id', '=', motionId)
    .execute();
  await emitLive(uow, m.id, 'vote');
}

/** Closes a vote: the outcome is computed by the rules and final. An adopted resolution publishes its tasks. */
export async function closeMotion(uow: UnitOfWork, m: MeetingRow, motionId: string) {
  const motion = await loadMotion(uow.trx, m, motionId);
  if (motion.status === 'closed') throw new AppError('VOTE_CLOSED');
  assertLive(m);
  const { attendance, rules } = await attendanceOf(uow.trx, m);
  let votes: VoteCounts | Ballot[];
  if (motion.method === 'show_of_hands') {
    votes = motion.hands ? (JSON.parse(motion.hands) as VoteCounts) : { for: 0, against: 0, abstain: 0 };
  } else {
    const rows = await uow.trx
      .selectFrom('meeting_ballots')
      .select(['member_id', 'choice'])
      .where('motion_id', '=', motionId)
      .execute();
    votes = rows.map((b) => ({ memberId: b.member_id, choice: b.choice }));
  }
  const outcome = tallyVote({ votes, eligibleBase: attendance.voteBase, rules });
  const at = now();
  const res = await uow.trx
    .updateTable('meeting_motions')
    .set({ status: 'closed', outcome: JSON.stringify(outcome), closed_at: at })
    .where('id', '=', motionId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('VOTE_CLOSED');
  await uow.audit({
    action: 'meeting.motion.close',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
    after: { passed: outcome.passed, for: outcome.for, base: outcome.base },
  });
  if (motion.is_resolution === 1 && outcome.passed) await adoptResolution(uow, m, at);
  await emitLive(uow, m.id, 'vote');
  return outcome;
}

async function adoptResolution(uow: UnitOfWork, m: MeetingRow, at: string): Promise<void> {
  const draft = (await latestDraft(uow.trx, m.id, true)) ?? (await latestDraft(uow.trx, m.id, false));
  if (!draft) return;
  await uow.trx.deleteFrom('meeting_resolution_tasks').where('meeting_id', '=', m.id).execute();
  const tasks = draft.draft.tasks.map((t, i) => ({
    id: newId(),
    meeting_id: m.id,
    org_id: m.org_id,
    org_path: m.org_path,
    content: t.content,
    owner: t.owner,
    deadline: t.deadline ?? null,
    position: i,
    created_at: at,
  }));
  if (tasks.length > 0) await uow.trx.insertInto('meeting_resolution_tasks').values(tasks).execute();
  uow.emit({
    topic: 'meeting.resolution.adopted',
    payload: {
      meetingId: m.id,
      orgId: m.org_id,
      orgPath: m.org_path,
      draftVersion: draft.version,
      title: draft.draft.title,
      tasks: tasks.map((t) => ({ id: t.id, content: t.content, owner: t.owner, deadline: t.deadline })),
    },
  });
}

export async function reloadMeeting(db: DbOrTx, id: string): Promise<MeetingRow> {
  const m = await findMeeting(db, id);
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}
