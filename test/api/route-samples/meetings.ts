import { mutate } from '../../../src/platform/context.ts';
import { createMeeting, createTemplate } from '../../../src/features/meetings/service.ts';
import { REGULAR_MEETING_TEMPLATE } from '../../../src/features/meetings/domain/index.ts';
import type { RouteSamples } from './types.ts';

const samples: RouteSamples = async (ctx, tree, insider) => {
  const actor = { accountId: insider.accountId, ip: null, requestId: 'route-samples' };
  const meetingId = await mutate(ctx, actor, (uow) =>
    createMeeting(
      uow,
      tree.branchA1,
      { kind: 'regular', startsAt: '2026-12-20T12:30:00.000Z', place: 'Nhà văn hóa', online: false },
      { accountId: insider.accountId, memberId: insider.memberId },
    ),
  );
  const templateId = await mutate(ctx, actor, (uow) =>
    createTemplate(uow, tree.communeA, {
      meetingKind: 'regular',
      title: 'Quy trình của xã',
      steps: REGULAR_MEETING_TEMPLATE.steps,
      published: true,
    }),
  );
  return { '/api/v1/meetings/': meetingId, '/api/v1/meeting-templates/': templateId };
};

export default samples;
