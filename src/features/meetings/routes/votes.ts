import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { voteEligibility } from '../domain/index.ts';
import { loadMeeting } from '../access.ts';
import { attendanceOf, latestDraft, motionsOf } from '../queries.ts';
import * as S from '../schemas.ts';
import { castBallot, closeMotion, createMotion, recordHands } from '../service.ts';
import { tags } from './shared.ts';

/** Motions and votes: in the app or by show of hands. */
export function voteRoutes(api: Api, ctx: AppContext): void {
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
}
