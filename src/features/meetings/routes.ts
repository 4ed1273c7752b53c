import { Type } from '@fastify/type-provider-typebox';
import type { Api } from '../../platform/http/types.ts';
import { mutate, type AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, principalOf } from '../../platform/http/request.ts';
import { can, requirePermission, subtreeBounds } from '../../platform/permissions/check.ts';
import { contentDisposition } from '../../platform/files/content-disposition.ts';
import { qrSvg } from '../../platform/qr.ts';
import {
  createFileStore,
  localFilesDir,
  saveUpload,
  DOCUMENT_KINDS,
  fileResponseHeaders,
} from '../../platform/files/index.ts';
import type { FileStore } from '../../platform/files/index.ts';
import { newId } from '../../platform/ids.ts';
import { IdParams } from '../orgs/schemas.ts';
import { loadVisibleOrg } from '../orgs/routes.ts';
import {
  automaticAnswers,
  currentStep,
  DEFAULT_QUALITY_CHECKLIST,
  diffDrafts,
  durationCheck,
  materialsWarning,
  reminderTimes,
  scoreMeeting,
  voteEligibility,
  type QualityChecklist,
  type ResolutionDraft,
  type RollCallMark,
} from './domain/index.ts';
import './errors.ts';
import { canManage, isMinuteTaker, loadMeeting, parentPath } from './access.ts';
import { liveHub, streamMeeting } from './live.ts';
import { editMinutes, generateMinutes, storedMinutes, storeGeneratedMinutes } from './minutes.ts';
import {
  attendanceOf,
  findMeeting,
  latestDraft,
  liveSnapshot,
  motionsOf,
  stateOf,
  type MeetingRow,
  type StoredDraft,
} from './queries.ts';
import * as S from './schemas.ts';
import { registerMeetingReminderJobs, scheduleMaterialReminders } from './reminders.ts';
import {
  addComment,
  addMaterial,
  addNote,
  castBallot,
  checkIn,
  closeMotion,
  createMeeting,
  createMotion,
  createTemplate,
  effectiveTemplates,
  issueQr,
  markComment,
  markRead,
  publishDraft,
  publishWarning,
  recordHands,
  reloadMeeting,
  removeMaterial,
  saveAttendance,
  saveDraft,
  transition,
  updateMeeting,
  updateTemplate,
  assertOpen,
} from './service.ts';

const tags = ['Sinh hoạt chi bộ'];

const stores = new WeakMap<AppContext, FileStore>();
function filesOf(ctx: AppContext): FileStore {
  let s = stores.get(ctx);
  if (!s) {
    s = createFileStore({ kind: 'local', dir: localFilesDir(ctx.config.dataDir) });
    stores.set(ctx, s);
  }
  return s;
}

function toDomainDraft(d: StoredDraft): ResolutionDraft {
  return {
    title: d.title,
    assessment: d.assessment.map((p) => p.text),
    tasks: d.tasks.map((t) => ({ id: t.id, content: t.content, owner: t.owner, deadline: t.deadline })),
  };
}

function summary(m: MeetingRow) {
  return {
    id: m.id,
    orgId: m.org_id,
    kind: m.kind,
    title: m.title,
    theme: m.theme,
    startsAt: m.starts_at,
    place: m.place,
    online: m.online === 1,
    status: m.status,
    version: m.version,
    publishedAt: m.published_at,
    startedAt: m.started_at,
    endedAt: m.ended_at,
    minutesApprovedAt: m.minutes_approved_at,
    durationMinutes:
      m.started_at && m.ended_at
        ? Math.floor((Date.parse(m.ended_at) - Date.parse(m.started_at)) / 60_000)
        : null,
  };
}

async function memberName(ctx: AppContext, memberId: string | null, fallback: string): Promise<string> {
  if (!memberId) return fallback;
  const row = await ctx.db
    .selectFrom('members')
    .select('full_name')
    .where('id', '=', memberId)
    .executeTakeFirst();
  return row?.full_name ?? fallback;
}

function checklistFor(rules: string | undefined): QualityChecklist {
  try {
    const parsed = JSON.parse(rules ?? '{}') as { meetingQuality?: QualityChecklist };
    if (parsed.meetingQuality?.items && parsed.meetingQuality.thresholds) return parsed.meetingQuality;
  } catch {
    // fall through to the default checklist
  }
  return DEFAULT_QUALITY_CHECKLIST;
}

export function meetingRoutes(api: Api, ctx: AppContext): void {
  registerMeetingReminderJobs();
  // Live streams never end by themselves: end them first, or stopping the server would wait for every phone.
  api.addHook('preClose', async () => liveHub(ctx).closeAll());

  // ── Templates ────────────────────────────────────────────────────────────────────────────────────────────
  api.get(
    '/api/v1/orgs/:id/meeting-templates',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Quy trình sinh hoạt dùng được cho tổ chức', params: IdParams },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      return { items: await effectiveTemplates(ctx.db, org) };
    },
  );

  api.post(
    '/api/v1/orgs/:id/meeting-templates',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Tạo quy trình sinh hoạt (có thể ban hành cho cấp dưới)',
        params: IdParams,
        body: S.TemplateBody,
      },
    },
    async (req, reply) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      requirePermission(principalOf(req), 'meeting.manage', org.path);
      const b = req.body;
      const id = await mutate(ctx, actorOf(req), (uow) =>
        createTemplate(uow, org, { ...b, published: b.published === true }),
      );
      return reply.status(201).send({ id });
    },
  );

  api.put(
    '/api/v1/meeting-templates/:id',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Sửa quy trình sinh hoạt', params: IdParams, body: S.TemplateBody },
    },
    async (req) => {
      const row = await ctx.db
        .selectFrom('meeting_templates')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      const p = principalOf(req);
      if (!row || !can(p, 'org.read', row.org_path)) throw notFound();
      requirePermission(p, 'meeting.manage', row.org_path);
      await mutate(ctx, actorOf(req), (uow) =>
        updateTemplate(uow, row, { ...req.body, published: req.body.published === true }),
      );
      return { id: row.id };
    },
  );

  // ── Meetings ─────────────────────────────────────────────────────────────────────────────────────────────
  api.get(
    '/api/v1/orgs/:id/meetings',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Các cuộc họp của tổ chức và tổ chức trực thuộc (lịch sử)',
        params: IdParams,
        querystring: S.ListQuery,
      },
    },
    async (req) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      const p = principalOf(req);
      const [lo, hi] = subtreeBounds(org.path);
      const scope = req.query.scope ?? 'all';
      let q = ctx.db
        .selectFrom('meetings')
        .innerJoin('orgs', 'orgs.id', 'meetings.org_id')
        .selectAll('meetings')
        .select('orgs.name as org_name')
        .where('meetings.org_path', '>=', lo)
        .where('meetings.org_path', '<', hi);
      if (scope === 'upcoming') q = q.where('meetings.status', 'in', ['draft', 'published', 'live']);
      if (scope === 'past') q = q.where('meetings.status', 'in', ['ended', 'minutes_approved']);
      const rows = await q
        .orderBy('meetings.starts_at', scope === 'upcoming' ? 'asc' : 'desc')
        .limit(req.query.limit ?? 50)
        .execute();
      const visible = rows.filter((m) => m.status !== 'draft' || canManage(p, m));
      return { items: visible.map((m) => ({ ...summary(m), orgName: m.org_name })) };
    },
  );

  api.post(
    '/api/v1/orgs/:id/meetings',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Tạo cuộc họp chi bộ', params: IdParams, body: S.CreateMeetingBody },
    },
    async (req, reply) => {
      const org = await loadVisibleOrg(ctx, req, req.params.id);
      const p = principalOf(req);
      requirePermission(p, 'meeting.manage', org.path);
      const type = await ctx.db
        .selectFrom('org_types')
        .select('holds_members')
        .where('code', '=', org.type)
        .executeTakeFirst();
      if (type?.holds_members !== 1) throw new AppError('MEETING_ORG_NOT_BRANCH');
      const b = req.body;
      const id = await mutate(ctx, actorOf(req), (uow) =>
        createMeeting(
          uow,
          org,
          { ...b, online: b.online === true },
          { accountId: p.accountId, memberId: p.memberId },
        ),
      );
      return reply.status(201).send(summary(await reloadMeeting(ctx.db, id)));
    },
  );

  api.get(
    '/api/v1/meetings/:id',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Chi tiết cuộc họp', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const p = principalOf(req);
      const manage = canManage(p, m);
      const state = stateOf(m);
      const materials = await ctx.db
        .selectFrom('meeting_materials')
        .selectAll()
        .where('meeting_id', '=', m.id)
        .orderBy('position')
        .execute();
      const draft = await latestDraft(ctx.db, m.id, !manage);
      const org = await ctx.db
        .selectFrom('orgs')
        .select('name')
        .where('id', '=', m.org_id)
        .executeTakeFirstOrThrow();
      const read = p.memberId
        ? await ctx.db
            .selectFrom('meeting_reads')
            .select('first_at')
            .where('meeting_id', '=', m.id)
            .where('member_id', '=', p.memberId)
            .executeTakeFirst()
        : undefined;
      return {
        ...summary(m),
        orgName: org.name,
        steps: state.steps,
        currentStepId: state.status === 'live' ? (currentStep(state)?.id ?? null) : null,
        chair: { memberId: m.chair_member_id, name: await memberName(ctx, m.chair_member_id, '') },
        minuteTaker: {
          memberId: m.minute_taker_member_id,
          name: await memberName(ctx, m.minute_taker_member_id, ''),
        },
        materials: materials.map((x) => ({
          id: x.id,
          kind: x.kind,
          title: x.title,
          documentId: x.document_id,
          url:
            x.url ??
            (x.document_id
              ? `/documents/${x.document_id}`
              : x.file_key
                ? `/api/v1/meetings/${m.id}/materials/${x.id}/file`
                : null),
          fileName: x.file_name,
        })),
        draft: draft
          ? { version: draft.version, publishedAt: draft.published_at, note: draft.note, ...draft.draft }
          : null,
        materialsWarning: m.status === 'draft' ? null : publishWarning(m, m.published_at),
        readByMe: read?.first_at ?? null,
        permissions: {
          manage,
          attend: can(p, 'meeting.attend', m.org_path),
          minuteTaker: isMinuteTaker(p, m),
          supervise: can(p, 'supervise', parentPath(m.org_path)),
        },
      };
    },
  );

  api.put(
    '/api/v1/meetings/:id',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Sửa thông tin cuộc họp', params: S.MeetingParams, body: S.UpdateMeetingBody },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      await mutate(ctx, actorOf(req), async (uow) => {
        await updateMeeting(uow, m, req.body);
        // A published meeting moved to another day gets reminders for the new date (old ones do nothing).
        const moved = await findMeeting(uow.trx, m.id);
        if (moved && moved.status === 'published' && moved.starts_at !== m.starts_at)
          await scheduleMaterialReminders(uow, moved);
      });
      return summary(await reloadMeeting(ctx.db, m.id));
    },
  );

  api.put(
    '/api/v1/meetings/:id/programme',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Sửa chương trình cuộc họp', params: S.MeetingParams, body: S.ProgrammeBody },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const s = await mutate(ctx, actorOf(req), (uow) =>
        transition(
          uow,
          m,
          { type: 'set_programme', steps: req.body.steps, expectedVersion: req.body.expectedVersion },
          'programme',
        ),
      );
      return { version: s.version, steps: s.steps };
    },
  );

  api.post(
    '/api/v1/meetings/:id/publish',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Đăng tải cuộc họp và tài liệu cho chi bộ',
        params: S.MeetingParams,
        body: S.VersionBody,
      },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const at = new Date().toISOString();
      const s = await mutate(ctx, actorOf(req), async (uow) => {
        // Publishing the meeting publishes the working draft with it.
        const draft = await latestDraft(uow.trx, m.id, false);
        if (draft && !draft.published_at) await publishDraft(uow, m, null);
        const state = await transition(
          uow,
          m,
          { type: 'publish', at, expectedVersion: req.body.expectedVersion },
          'status',
        );
        await scheduleMaterialReminders(uow, m);
        return state;
      });
      return { version: s.version, status: s.status, warning: publishWarning(m, at) };
    },
  );

  // ── Materials and reading ────────────────────────────────────────────────────────────────────────────────
  api.post(
    '/api/v1/meetings/:id/materials',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Đính kèm tài liệu (văn bản thư viện, đường dẫn, hướng dẫn cấp trên)',
        params: S.MeetingParams,
        body: S.MaterialBody,
      },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const id = await mutate(ctx, actorOf(req), (uow) => addMaterial(uow, m, req.body));
      return reply.status(201).send({ id });
    },
  );

  api.post(
    '/api/v1/meetings/:id/materials/upload',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Tải lên tệp tài liệu', params: S.MeetingParams },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      assertOpen(m);
      if (!req.isMultipart()) throw new AppError('UPLOAD_REQUIRED');
      const file = await req.file();
      if (!file) throw new AppError('UPLOAD_REQUIRED');
      const saved = await saveUpload(filesOf(ctx), {
        bytes: new Uint8Array(await file.toBuffer()),
        name: file.filename,
        allowed: DOCUMENT_KINDS,
        maxBytes: ctx.config.maxUploadBytes,
      });
      const id = await mutate(ctx, actorOf(req), (uow) =>
        addMaterial(uow, m, {
          kind: 'file',
          title: saved.fileName,
          file: { key: saved.key, name: saved.fileName, mime: saved.mime },
        }),
      );
      return reply.status(201).send({ id });
    },
  );

  api.get(
    '/api/v1/meetings/:id/materials/:materialId/file',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Tải tệp tài liệu (ghi nhận đã xem)', params: S.MaterialParams },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const row = await ctx.db
        .selectFrom('meeting_materials')
        .selectAll()
        .where('id', '=', req.params.materialId)
        .where('meeting_id', '=', m.id)
        .executeTakeFirst();
      if (!row?.file_key) throw notFound();
      const p = principalOf(req);
      if (p.memberId) await markRead(ctx.db, m.id, p.memberId);
      const store = filesOf(ctx);
      const stat = await store.stat(row.file_key);
      const stream = await store.get(row.file_key);
      if (!stat || !stream) throw notFound();
      reply.headers(
        fileResponseHeaders({
          mime: row.file_mime ?? 'application/octet-stream',
          fileName: row.file_name ?? 'tai-lieu',
          size: stat.size,
        }),
      );
      return reply.send(stream);
    },
  );

  api.delete(
    '/api/v1/meetings/:id/materials/:materialId',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Gỡ tài liệu', params: S.MaterialParams },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      await mutate(ctx, actorOf(req), (uow) => removeMaterial(uow, m, req.params.materialId));
      return reply.status(204).send();
    },
  );

  api.post(
    '/api/v1/meetings/:id/read',
    {
      config: { access: 'meeting.attend' },
      schema: { tags, summary: 'Ghi nhận đảng viên đã mở tài liệu', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'attend');
      const p = principalOf(req);
      if (p.memberId) await markRead(ctx.db, m.id, p.memberId);
      return { ok: true };
    },
  );

  api.get(
    '/api/v1/meetings/:id/reads',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Ai đã mở tài liệu, ai chưa', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const { members } = await attendanceOf(ctx.db, m);
      const reads = await ctx.db
        .selectFrom('meeting_reads')
        .selectAll()
        .where('meeting_id', '=', m.id)
        .execute();
      const byMember = new Map(reads.map((r) => [r.member_id, r]));
      const items = members.map((x) => ({
        memberId: x.id,
        name: x.name,
        openedAt: byMember.get(x.id)?.first_at ?? null,
      }));
      // When the members who have not opened the materials are to be reminded (2 days before, on the day).
      const reminders = reminderTimes(m.starts_at).map((r) => ({
        kind: r.kind,
        at: r.at.toISOString(),
        days: r.days ?? null,
      }));
      return {
        items,
        opened: items.filter((i) => i.openedAt).length,
        total: items.length,
        reminders,
        notOpened: items.filter((i) => !i.openedAt).map((i) => i.memberId),
      };
    },
  );

  // ── Draft resolution ─────────────────────────────────────────────────────────────────────────────────────
  api.put(
    '/api/v1/meetings/:id/draft',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Soạn dự thảo nghị quyết', params: S.MeetingParams, body: S.DraftBody },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const version = await mutate(ctx, actorOf(req), (uow) => saveDraft(uow, m, req.body));
      const d = await latestDraft(ctx.db, m.id, false);
      return { version, publishedAt: d?.published_at ?? null, ...d?.draft };
    },
  );

  api.post(
    '/api/v1/meetings/:id/draft/publish',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Đăng dự thảo (bản sửa) cho chi bộ',
        params: S.MeetingParams,
        body: Type.Object(
          { note: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const version = await mutate(ctx, actorOf(req), (uow) => publishDraft(uow, m, req.body.note ?? null));
      return { version };
    },
  );

  api.get(
    '/api/v1/meetings/:id/drafts',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Các phiên bản dự thảo nghị quyết', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const manage = canManage(principalOf(req), m);
      let q = ctx.db.selectFrom('meeting_drafts').selectAll().where('meeting_id', '=', m.id);
      if (!manage) q = q.where('published_at', 'is not', null);
      const rows = await q.orderBy('version').execute();
      return {
        items: rows.map((r) => ({
          version: r.version,
          publishedAt: r.published_at,
          note: r.note,
          ...(JSON.parse(r.content) as StoredDraft),
        })),
      };
    },
  );

  api.get(
    '/api/v1/meetings/:id/drafts/diff',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'So sánh hai phiên bản dự thảo',
        params: S.MeetingParams,
        querystring: S.DiffQuery,
      },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const manage = canManage(principalOf(req), m);
      const load = async (v: number) => {
        const r = await ctx.db
          .selectFrom('meeting_drafts')
          .selectAll()
          .where('meeting_id', '=', m.id)
          .where('version', '=', v)
          .executeTakeFirst();
        if (!r || (!manage && !r.published_at)) throw notFound();
        return JSON.parse(r.content) as StoredDraft;
      };
      const [a, b] = [await load(req.query.from), await load(req.query.to)];
      return { from: req.query.from, to: req.query.to, diff: diffDrafts(toDomainDraft(a), toDomainDraft(b)) };
    },
  );

  // ── Comments (reusable: target kind + target id; the paragraph ids come from the draft) ─────────────────
  api.get(
    '/api/v1/meetings/:id/comments',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Góp ý theo nội dung và theo đoạn dự thảo', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const rows = await ctx.db
        .selectFrom('meeting_comments')
        .selectAll()
        .where('meeting_id', '=', m.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const p = principalOf(req);
      return {
        canModerate: canManage(p, m),
        canComment:
          can(p, 'meeting.attend', m.org_path) && m.status !== 'ended' && m.status !== 'minutes_approved',
        items: rows.map((c) => ({
          id: c.id,
          targetKind: c.target_kind,
          targetId: c.target_id,
          parentId: c.parent_id,
          draftVersion: c.draft_version,
          authorName: c.author_name,
          mine: c.author_account_id === p.accountId,
          body: c.body,
          status: c.status,
          answer: c.answer,
          createdAt: c.created_at,
        })),
      };
    },
  );

  api.post(
    '/api/v1/meetings/:id/comments',
    {
      config: { access: 'meeting.attend' },
      schema: { tags, summary: 'Góp ý hoặc trả lời góp ý', params: S.MeetingParams, body: S.CommentBody },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'attend');
      const p = principalOf(req);
      const name = await memberName(ctx, p.memberId, req.account?.login ?? '');
      const id = await mutate(ctx, actorOf(req), (uow) =>
        addComment(uow, m, req.body, { accountId: p.accountId, memberId: p.memberId, name }),
      );
      if (p.memberId) await markRead(ctx.db, m.id, p.memberId);
      return reply.status(201).send({ id });
    },
  );

  api.put(
    '/api/v1/meetings/:id/comments/:commentId',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Đánh dấu góp ý đã tiếp thu / đã giải trình',
        params: S.CommentParams,
        body: S.CommentMarkBody,
      },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      await mutate(ctx, actorOf(req), (uow) => markComment(uow, m, req.params.commentId, req.body));
      return { id: req.params.commentId, status: req.body.status };
    },
  );

  // ── Live meeting ─────────────────────────────────────────────────────────────────────────────────────────
  const stateAction = (path: string, summaryText: string, type: 'start' | 'end') =>
    api.post(
      `/api/v1/meetings/:id/${path}`,
      {
        config: { access: 'meeting.manage' },
        schema: { tags, summary: summaryText, params: S.MeetingParams, body: S.VersionBody },
      },
      async (req) => {
        const m = await loadMeeting(ctx, req, req.params.id, 'manage');
        const at = new Date().toISOString();
        await mutate(ctx, actorOf(req), async (uow) => {
          await transition(uow, m, { type, at, expectedVersion: req.body.expectedVersion }, 'status');
          if (type === 'end') await storeGeneratedMinutes(uow, await reloadMeeting(uow.trx, m.id));
        });
        return liveSnapshot(ctx.db, await reloadMeeting(ctx.db, m.id));
      },
    );
  stateAction('start', 'Bắt đầu cuộc họp (chế độ trực tiếp)', 'start');
  stateAction('end', 'Kết thúc cuộc họp', 'end');

  api.post(
    '/api/v1/meetings/:id/steps',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Mở, kết thúc hoặc bỏ qua một nội dung (theo thứ tự)',
        params: S.MeetingParams,
        body: S.StepBody,
      },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const b = req.body;
      const type = b.action === 'open' ? 'open_step' : b.action === 'close' ? 'close_step' : 'skip_step';
      const at = new Date().toISOString();
      await mutate(ctx, actorOf(req), (uow) =>
        transition(uow, m, { type, stepId: b.stepId, at, expectedVersion: b.expectedVersion }, 'step'),
      );
      return liveSnapshot(ctx.db, await reloadMeeting(ctx.db, m.id));
    },
  );

  api.get(
    '/api/v1/meetings/:id/state',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Trạng thái trực tiếp của cuộc họp', params: S.MeetingParams },
    },
    async (req) => liveSnapshot(ctx.db, await loadMeeting(ctx, req, req.params.id)),
  );

  api.get(
    '/api/v1/meetings/:id/live',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Theo dõi cuộc họp trực tiếp (server-sent events)', params: S.MeetingParams },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      await streamMeeting(ctx, req, reply, m.id, async () =>
        liveSnapshot(ctx.db, await reloadMeeting(ctx.db, m.id)),
      );
    },
  );

  api.get(
    '/api/v1/meetings/:id/attendance',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Điểm danh: danh sách và tỷ lệ', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const { members, attendance } = await attendanceOf(ctx.db, m);
      const sources = await ctx.db
        .selectFrom('meeting_attendance')
        .select(['member_id', 'source'])
        .where('meeting_id', '=', m.id)
        .execute();
      const bySource = new Map(sources.map((s) => [s.member_id, s.source]));
      const { entries, ...totals } = attendance;
      return {
        ...totals,
        members: members.map((x) => {
          const e = entries.find((en) => en.memberId === x.id);
          return {
            memberId: x.id,
            name: x.name,
            kind: x.kind,
            status: x.status,
            state: e?.state ?? 'unmarked',
            reason: e?.reason ?? null,
            remote: e?.remote === true,
            checkedIn: bySource.get(x.id) === 'check_in',
          };
        }),
      };
    },
  );

  api.put(
    '/api/v1/meetings/:id/attendance',
    {
      config: { access: 'meeting.manage' },
      schema: {
        tags,
        summary: 'Điểm danh (có mặt / vắng có lý do / miễn sinh hoạt)',
        params: S.MeetingParams,
        body: S.AttendanceBody,
      },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const marks = req.body.marks.map((x): RollCallMark => {
        if (x.mark === 'present') return { memberId: x.memberId, mark: 'present', remote: x.remote === true };
        if (x.mark === 'absent_with_reason')
          return { memberId: x.memberId, mark: 'absent_with_reason', reason: x.reason ?? '' };
        return { memberId: x.memberId, mark: x.mark };
      });
      await mutate(ctx, actorOf(req), (uow) => saveAttendance(uow, m, marks));
      return (await liveSnapshot(ctx.db, await reloadMeeting(ctx.db, m.id))).attendance;
    },
  );

  api.post(
    '/api/v1/meetings/:id/check-in-code',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Tạo mã QR điểm danh (hiệu lực ngắn)', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const issued = await mutate(ctx, actorOf(req), (uow) => issueQr(uow, m, Date.now()));
      const payload = `sotay:checkin:${m.id}:${issued.token}`;
      const svg = await qrSvg(payload);
      return { ...issued, payload, svg };
    },
  );

  api.post(
    '/api/v1/meetings/:id/check-in',
    {
      config: { access: 'meeting.attend' },
      schema: {
        tags,
        summary: 'Tự điểm danh bằng mã QR hoặc mã số',
        params: S.MeetingParams,
        body: S.CheckInBody,
      },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const p = principalOf(req);
      await mutate(ctx, actorOf(req), (uow) => checkIn(uow, m, p.memberId, req.body, Date.now()));
      return { ok: true };
    },
  );

  api.get(
    '/api/v1/meetings/:id/notes',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Ghi chép theo từng nội dung', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const rows = await ctx.db
        .selectFrom('meeting_notes')
        .selectAll()
        .where('meeting_id', '=', m.id)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return {
        items: rows.map((n) => ({
          id: n.id,
          stepId: n.step_id,
          speaker: n.speaker,
          text: n.text,
          kind: n.kind,
          createdAt: n.created_at,
        })),
      };
    },
  );

  api.post(
    '/api/v1/meetings/:id/notes',
    {
      config: { access: 'meeting.attend' },
      schema: { tags, summary: 'Thư ký ghi chép một nội dung', params: S.MeetingParams, body: S.NoteBody },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      if (!isMinuteTaker(principalOf(req), m)) throw new AppError('MEETING_NOT_MINUTE_TAKER');
      const id = await mutate(ctx, actorOf(req), (uow) => addNote(uow, m, req.body));
      return reply.status(201).send({ id });
    },
  );

  // ── Votes ────────────────────────────────────────────────────────────────────────────────────────────────
  api.get(
    '/api/v1/meetings/:id/motions',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Các nội dung biểu quyết và quyền biểu quyết của tôi',
        params: S.MeetingParams,
      },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const p = principalOf(req);
      const motions = await motionsOf(ctx.db, m.id);
      const { members, attendance, rules } = await attendanceOf(ctx.db, m);
      const me = members.find((x) => x.id === p.memberId);
      const eligibility = me
        ? voteEligibility(me, attendance, rules)
        : { eligible: false as const, reason: 'VOTE_NOT_A_MEMBER' as const };
      const mine = p.memberId
        ? await ctx.db
            .selectFrom('meeting_ballots')
            .innerJoin('meeting_motions', 'meeting_motions.id', 'meeting_ballots.motion_id')
            .select(['meeting_ballots.motion_id', 'meeting_ballots.choice'])
            .where('meeting_motions.meeting_id', '=', m.id)
            .where('meeting_ballots.member_id', '=', p.memberId)
            .execute()
        : [];
      const byMotion = new Map(mine.map((b) => [b.motion_id, b.choice]));
      return { eligibility, items: motions.map((x) => ({ ...x, myChoice: byMotion.get(x.id) ?? null })) };
    },
  );

  api.post(
    '/api/v1/meetings/:id/motions',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Mở biểu quyết', params: S.MeetingParams, body: S.MotionBody },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const id = await mutate(ctx, actorOf(req), (uow) =>
        createMotion(uow, m, { ...req.body, isResolution: req.body.isResolution === true }),
      );
      return reply.status(201).send({ id });
    },
  );

  api.post(
    '/api/v1/meetings/:id/motions/:motionId/ballots',
    {
      config: { access: 'meeting.attend' },
      schema: { tags, summary: 'Biểu quyết trên ứng dụng', params: S.MotionParams, body: S.BallotBody },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const p = principalOf(req);
      await mutate(ctx, actorOf(req), (uow) =>
        castBallot(uow, m, req.params.motionId, p.memberId, req.body.choice),
      );
      return reply.status(201).send({ ok: true });
    },
  );

  api.put(
    '/api/v1/meetings/:id/motions/:motionId/hands',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Ghi kết quả biểu quyết giơ tay', params: S.MotionParams, body: S.HandsBody },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      await mutate(ctx, actorOf(req), (uow) => recordHands(uow, m, req.params.motionId, req.body));
      return { ok: true };
    },
  );

  api.post(
    '/api/v1/meetings/:id/motions/:motionId/close',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Kết thúc biểu quyết (kết quả chính thức)', params: S.MotionParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const outcome = await mutate(ctx, actorOf(req), (uow) => closeMotion(uow, m, req.params.motionId));
      return { outcome };
    },
  );

  api.get(
    '/api/v1/meetings/:id/resolution',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Nghị quyết đã thông qua và nhiệm vụ', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const tasks = await ctx.db
        .selectFrom('meeting_resolution_tasks')
        .selectAll()
        .where('meeting_id', '=', m.id)
        .orderBy('position')
        .execute();
      const adopted = (await motionsOf(ctx.db, m.id)).find((x) => x.isResolution && x.outcome?.passed);
      const draft = adopted ? await latestDraft(ctx.db, m.id, true) : undefined;
      return {
        adopted: Boolean(adopted),
        outcome: adopted?.outcome ?? null,
        resolution: draft ? { version: draft.version, ...draft.draft } : null,
        tasks: tasks.map((t) => ({ id: t.id, content: t.content, owner: t.owner, deadline: t.deadline })),
      };
    },
  );

  // ── Minutes ──────────────────────────────────────────────────────────────────────────────────────────────
  const minutesOf = async (m: MeetingRow) => {
    if (m.status !== 'ended' && m.status !== 'minutes_approved')
      throw new AppError('MEETING_MINUTES_MISSING');
    return storedMinutes(m) ?? generateMinutes(ctx.db, m);
  };

  api.get(
    '/api/v1/meetings/:id/minutes',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Biên bản cuộc họp', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      return {
        status: m.status,
        approvedAt: m.minutes_approved_at,
        canEdit: m.status === 'ended' && isMinuteTaker(principalOf(req), m),
        minutes: await minutesOf(m),
      };
    },
  );

  api.put(
    '/api/v1/meetings/:id/minutes',
    {
      config: { access: 'meeting.attend' },
      schema: { tags, summary: 'Thư ký sửa biên bản', params: S.MeetingParams, body: S.MinutesBody },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      if (!isMinuteTaker(principalOf(req), m)) throw new AppError('MEETING_NOT_MINUTE_TAKER');
      const minutes = await mutate(ctx, actorOf(req), (uow) => editMinutes(uow, m, req.body));
      return { minutes };
    },
  );

  api.post(
    '/api/v1/meetings/:id/minutes/approve',
    {
      config: { access: 'meeting.manage' },
      schema: { tags, summary: 'Thông qua biên bản', params: S.MeetingParams, body: S.VersionBody },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id, 'manage');
      const at = new Date().toISOString();
      await mutate(ctx, actorOf(req), async (uow) => {
        await transition(
          uow,
          m,
          { type: 'approve_minutes', at, expectedVersion: req.body.expectedVersion },
          'status',
        );
        const minutes = storedMinutes(m) ?? (await generateMinutes(uow.trx, m));
        minutes.closing.approved = true;
        await uow.trx
          .updateTable('meetings')
          .set({ minutes: JSON.stringify(minutes) })
          .where('id', '=', m.id)
          .execute();
      });
      return summary(await reloadMeeting(ctx.db, m.id));
    },
  );

  for (const format of ['docx', 'pdf'] as const) {
    api.get(
      `/api/v1/meetings/:id/minutes.${format}`,
      {
        config: { access: 'org.read' },
        schema: { tags, summary: `Tải biên bản (${format.toUpperCase()})`, params: S.MeetingParams },
      },
      async (req, reply) => {
        const m = await loadMeeting(ctx, req, req.params.id);
        const minutes = await minutesOf(m);
        // DOCX and PDF writers are loaded on the first download, not at start-up.
        const { minutesDocx, minutesPdf } = await import('./export.ts');
        const bytes = format === 'docx' ? await minutesDocx(minutes) : await minutesPdf(minutes);
        const date = m.starts_at.slice(0, 10);
        reply.header(
          'content-type',
          format === 'docx'
            ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
            : 'application/pdf',
        );
        reply.header('content-disposition', contentDisposition(`Biên bản họp chi bộ ${date}.${format}`));
        return reply.send(bytes);
      },
    );
  }

  // ── Quality ──────────────────────────────────────────────────────────────────────────────────────────────
  api.get(
    '/api/v1/meetings/:id/quality',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'Chấm điểm chất lượng buổi sinh hoạt', params: S.MeetingParams },
    },
    async (req) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const type = await ctx.db
        .selectFrom('orgs')
        .innerJoin('org_types', 'org_types.code', 'orgs.type_code')
        .select('org_types.rules')
        .where('orgs.id', '=', m.org_id)
        .executeTakeFirst();
      const checklist = checklistFor(type?.rules);
      const { attendance } = await attendanceOf(ctx.db, m);
      const duration =
        m.started_at && m.ended_at ? durationCheck(m.started_at, m.ended_at, m.kind) : undefined;
      const suggested = automaticAnswers(checklist, {
        attendance,
        duration,
        materials: materialsWarning(m.published_at, m.starts_at),
      });
      const rows = await ctx.db
        .selectFrom('meeting_quality')
        .selectAll()
        .where('meeting_id', '=', m.id)
        .orderBy('created_at')
        .execute();
      return {
        checklist,
        suggested,
        duration: duration ?? null,
        scores: rows.map((r) => ({
          id: r.id,
          role: r.role,
          createdAt: r.created_at,
          answers: JSON.parse(r.answers) as unknown,
          score: JSON.parse(r.score) as unknown,
        })),
      };
    },
  );

  api.post(
    '/api/v1/meetings/:id/quality',
    {
      config: { access: 'meeting.attend' },
      schema: {
        tags,
        summary: 'Chấm điểm (chủ trì hoặc cấp ủy cấp trên)',
        params: S.MeetingParams,
        body: S.QualityBody,
      },
    },
    async (req, reply) => {
      const m = await loadMeeting(ctx, req, req.params.id);
      const p = principalOf(req);
      const upper = can(p, 'supervise', parentPath(m.org_path)) && parentPath(m.org_path) !== '/';
      const chair = (p.memberId !== null && p.memberId === m.chair_member_id) || canManage(p, m);
      if (!upper && !chair) throw new AppError('MEETING_QUALITY_FORBIDDEN');
      const type = await ctx.db
        .selectFrom('orgs')
        .innerJoin('org_types', 'org_types.code', 'orgs.type_code')
        .select('org_types.rules')
        .where('orgs.id', '=', m.org_id)
        .executeTakeFirst();
      const score = scoreMeeting(checklistFor(type?.rules), req.body.answers);
      const role = upper && !(p.memberId !== null && p.memberId === m.chair_member_id) ? 'upper' : 'chair';
      await mutate(ctx, actorOf(req), async (uow) => {
        await uow.trx
          .insertInto('meeting_quality')
          .values({
            id: newId(),
            meeting_id: m.id,
            scorer_account_id: p.accountId,
            role,
            answers: JSON.stringify(req.body.answers),
            score: JSON.stringify(score),
            created_at: new Date().toISOString(),
          })
          .execute();
        await uow.audit({
          action: 'meeting.quality.score',
          entityType: 'meeting',
          entityId: m.id,
          orgPath: m.org_path,
          after: { role, total: score.total },
        });
      });
      return reply.status(201).send({ role, score });
    },
  );
}
