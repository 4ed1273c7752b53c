import { mutate } from '../../../src/platform/context.ts';
import { fileStoreOf } from '../../../src/features/documents/file-store.ts';
import {
  addComment,
  addMaterial,
  createMeeting,
  createTemplate,
  reloadMeeting,
  saveDraft,
} from '../../../src/features/meetings/service.ts';
import { REGULAR_MEETING_TEMPLATE } from '../../../src/features/meetings/domain/index.ts';
import { newId } from '../../../src/platform/ids.ts';
import type { MatrixEntries } from './types.ts';

/**
 * Meetings: a regular meeting of the side's branch (prepared by its member's account), and a published
 * procedure template of the side's commune. Reading and taking part follow the branch subtree; preparing and
 * running follow meeting.manage; the commune's template is managed only on the commune.
 */
const m = { target: 'branch' as const };
// The sample meeting is still a draft: only those who prepare meetings (meeting.manage) on its branch reach it.
const d = {
  target: 'branch' as const,
  inside: ['secretary' as const, 'committee_member' as const, 'admin' as const],
};
const v = { expectedVersion: 1 };
const steps = REGULAR_MEETING_TEMPLATE.steps;
const template = { meetingKind: 'regular', title: 'Quy trình', steps };
const entries: MatrixEntries = {
  samples: async (ctx, side) => {
    const actor = { accountId: side.accountId, ip: null, requestId: 'matrix' };
    const meetingId = await mutate(ctx, actor, (uow) =>
      createMeeting(
        uow,
        side.branch,
        { kind: 'regular', startsAt: '2026-12-20T12:30:00.000Z', place: 'Nhà văn hóa', online: false },
        { accountId: side.accountId, memberId: side.memberId },
      ),
    );
    // A first version of the resolution draft, so its versions can be compared.
    await mutate(ctx, actor, async (uow) =>
      saveDraft(uow, await reloadMeeting(uow.trx, meetingId), {
        title: 'Dự thảo',
        assessment: [],
        tasks: [],
      }),
    );
    const commentId = await mutate(ctx, actor, async (uow) =>
      addComment(
        uow,
        await reloadMeeting(uow.trx, meetingId),
        { targetKind: 'general', targetId: 'chung', body: 'Góp ý mẫu' },
        { accountId: side.accountId, memberId: side.memberId, name: 'Đảng viên' },
      ),
    );
    const key = `matrix/${meetingId}.txt`;
    await fileStoreOf(ctx).put(key, new TextEncoder().encode('Tài liệu'), 'text/plain');
    const materialId = await mutate(ctx, actor, async (uow) =>
      addMaterial(uow, await reloadMeeting(uow.trx, meetingId), {
        kind: 'file',
        title: 'Tài liệu họp',
        file: { key, name: 'tai-lieu.txt', mime: 'text/plain' },
      }),
    );
    // A motion row on the meeting (the meeting is not running, so acting on it is the handler's refusal).
    const motionId = newId();
    await ctx.db
      .insertInto('meeting_motions')
      .values({
        id: motionId,
        meeting_id: meetingId,
        title: 'Biểu quyết mẫu',
        method: 'show_of_hands',
        is_resolution: 0,
        status: 'open',
        hands: null,
        outcome: null,
        created_at: new Date().toISOString(),
        closed_at: null,
      })
      .execute();
    const templateId = await mutate(ctx, actor, (uow) =>
      createTemplate(uow, side.commune, {
        meetingKind: 'regular',
        title: 'Quy trình của xã',
        steps: REGULAR_MEETING_TEMPLATE.steps,
        published: true,
      }),
    );
    return {
      '/api/v1/meetings/': meetingId,
      '/api/v1/meeting-templates/': templateId,
      '/api/v1/meetings/:commentId': commentId,
      '/api/v1/meetings/:materialId': materialId,
      '/api/v1/meetings/:motionId': motionId,
    };
  },
  routes: {
    'GET /api/v1/orgs/:id/meeting-templates': m,
    'POST /api/v1/orgs/:id/meeting-templates': { ...m, body: () => template },
    'PUT /api/v1/meeting-templates/:id': { target: 'commune', body: () => template },
    'GET /api/v1/orgs/:id/meetings': m,
    'POST /api/v1/orgs/:id/meetings': {
      ...m,
      body: () => ({ kind: 'regular', startsAt: '2026-12-21T12:30:00.000Z', place: 'Hội trường' }),
    },
    'GET /api/v1/meetings/:id': d,
    'PUT /api/v1/meetings/:id': { ...d, body: () => ({ place: 'Hội trường thôn' }) },
    'PUT /api/v1/meetings/:id/programme': { ...d, body: () => ({ ...v, steps }) },
    'POST /api/v1/meetings/:id/publish': { ...d, body: () => v },
    'POST /api/v1/meetings/:id/materials': { ...d, body: () => ({ kind: 'guidance', title: 'Hướng dẫn' }) },
    'POST /api/v1/meetings/:id/materials/upload': d,
    'GET /api/v1/meetings/:id/materials/:materialId/file': d,
    'DELETE /api/v1/meetings/:id/materials/:materialId': d,
    'POST /api/v1/meetings/:id/read': d,
    'GET /api/v1/meetings/:id/reads': d,
    'PUT /api/v1/meetings/:id/draft': { ...d, body: () => ({ title: 'Dự thảo', assessment: [], tasks: [] }) },
    'POST /api/v1/meetings/:id/draft/publish': { ...d, body: () => ({}) },
    'GET /api/v1/meetings/:id/drafts': d,
    'GET /api/v1/meetings/:id/drafts/diff': { ...d, query: 'from=1&to=1' },
    'GET /api/v1/meetings/:id/comments': d,
    'POST /api/v1/meetings/:id/comments': {
      ...d,
      body: () => ({ targetKind: 'general', targetId: 'chung', body: 'Góp ý' }),
    },
    'PUT /api/v1/meetings/:id/comments/:commentId': { ...d, body: () => ({ status: 'accepted' }) },
    'POST /api/v1/meetings/:id/start': { ...d, body: () => v },
    'POST /api/v1/meetings/:id/end': { ...d, body: () => v },
    'POST /api/v1/meetings/:id/steps': { ...d, body: () => ({ ...v, action: 'open', stepId: 'mo-dau' }) },
    'GET /api/v1/meetings/:id/state': d,
    'GET /api/v1/meetings/:id/live': { ...d, stream: true },
    'GET /api/v1/meetings/:id/attendance': d,
    'PUT /api/v1/meetings/:id/attendance': { ...d, body: () => ({ marks: [] }) },
    'POST /api/v1/meetings/:id/check-in-code': d,
    'POST /api/v1/meetings/:id/check-in': { ...d, body: () => ({ code: '123456' }) },
    'GET /api/v1/meetings/:id/notes': d,
    'POST /api/v1/meetings/:id/notes': { ...d, body: () => ({ stepId: 'mo-dau', text: 'Ghi chép' }) },
    'GET /api/v1/meetings/:id/motions': d,
    'POST /api/v1/meetings/:id/motions': {
      ...d,
      body: () => ({ title: 'Biểu quyết', method: 'show_of_hands' }),
    },
    'POST /api/v1/meetings/:id/motions/:motionId/ballots': { ...d, body: () => ({ choice: 'for' }) },
    'PUT /api/v1/meetings/:id/motions/:motionId/hands': {
      ...d,
      body: () => ({ for: 1, against: 0, abstain: 0 }),
    },
    'POST /api/v1/meetings/:id/motions/:motionId/close': d,
    'GET /api/v1/meetings/:id/resolution': d,
    'GET /api/v1/meetings/:id/minutes': d,
    'PUT /api/v1/meetings/:id/minutes': { ...d, body: () => ({ items: [] }) },
    'POST /api/v1/meetings/:id/minutes/approve': { ...d, body: () => v },
    'GET /api/v1/meetings/:id/minutes.docx': d,
    'GET /api/v1/meetings/:id/minutes.pdf': d,
    'GET /api/v1/meetings/:id/quality': d,
    'POST /api/v1/meetings/:id/quality': { ...d, body: () => ({ answers: {} }) },
  },
};
export default entries;
