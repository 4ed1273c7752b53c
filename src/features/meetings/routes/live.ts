import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { qrSvg } from '../../../platform/qr.ts';
import { type RollCallMark } from '../domain/index.ts';
import { isMinuteTaker, loadMeeting } from '../access.ts';
import { streamMeeting } from '../live.ts';
import { storeGeneratedMinutes } from '../minutes.ts';
import { attendanceOf, liveSnapshot } from '../queries.ts';
import * as S from '../schemas.ts';
import { addNote, checkIn, issueQr, reloadMeeting, saveAttendance, transition } from '../service.ts';
import { tags } from './shared.ts';

/** Live meeting: steps, state stream, roll call, check-in, notes. */
export function liveRoutes(api: Api, ctx: AppContext): void {
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
}
