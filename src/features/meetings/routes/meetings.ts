import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { can, requirePermission, subtreeBounds } from '../../../platform/permissions/check.ts';
import { IdParams } from '../../orgs/schemas.ts';
import { loadVisibleOrg } from '../../orgs/routes.ts';
import { currentStep } from '../domain/index.ts';
import { canManage, isMinuteTaker, loadMeeting, parentPath } from '../access.ts';
import { findMeeting, latestDraft, stateOf } from '../queries.ts';
import * as S from '../schemas.ts';
import { scheduleMaterialReminders } from '../reminders.ts';
import {
  createMeeting,
  publishDraft,
  publishWarning,
  reloadMeeting,
  transition,
  updateMeeting,
} from '../service.ts';
import { tags, summary, memberName } from './shared.ts';

/** Meetings of an organisation: list, create, read, edit, programme, publish. */
export function meetingCrudRoutes(api: Api, ctx: AppContext): void {
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
}
