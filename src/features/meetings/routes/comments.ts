import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { can } from '../../../platform/permissions/check.ts';
import { canManage, loadMeeting } from '../access.ts';
import * as S from '../schemas.ts';
import { addComment, markComment, markRead } from '../service.ts';
import { tags, memberName } from './shared.ts';

/** Comments on paragraphs of the draft and the materials. */
export function commentRoutes(api: Api, ctx: AppContext): void {
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
}
