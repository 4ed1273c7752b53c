import type { Api } from '../../../platform/http/types.ts';
import { mutate, type AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, principalOf } from '../../../platform/http/request.ts';
import { contentDisposition } from '../../../platform/files/content-disposition.ts';
import { isMinuteTaker, loadMeeting } from '../access.ts';
import { editMinutes, generateMinutes, storedMinutes } from '../minutes.ts';
import { type MeetingRow } from '../queries.ts';
import * as S from '../schemas.ts';
import { reloadMeeting, transition } from '../service.ts';
import { tags, summary } from './shared.ts';

/** Minutes: read, edit, approve, DOCX and PDF. */
export function minutesRoutes(api: Api, ctx: AppContext): void {
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
        const { minutesDocx, minutesPdf } = await import('../export.ts');
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
}
