import { mutate, type AppContext } from '../../platform/context.ts';
import { createDocument } from '../documents/service.ts';
import type { Org } from '../orgs/queries.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';
import { insertQuestions } from './bank.ts';
import { createContest } from './contests.ts';

const actor = { accountId: null, ip: null, requestId: 'samples' };

/** A document of `commune` published to it, one accepted question and an open contest of the commune. */
export async function quizSamples(ctx: AppContext, commune: Org) {
  return mutate(ctx, actor, async (uow) => {
    const doc = await createDocument(
      uow,
      commune,
      [commune],
      {
        kind: 'nghi_quyet',
        number: null,
        issuedOn: null,
        issuer: commune.name,
        level: 'grassroots',
        title: 'Nghị quyết về chuyển đổi số',
        summary: null,
        body: 'Đến năm 2025 có 80% hồ sơ công việc được xử lý trên môi trường mạng.',
      },
      null,
    );
    const paragraphId = paragraphsOf(doc.body)[0]!.id;
    const [questionId] = await insertQuestions(
      uow,
      { id: doc.id, org_path: commune.path },
      [
        {
          kind: 'single',
          stem: 'Đến năm 2025 bao nhiêu phần trăm hồ sơ công việc được xử lý trên môi trường mạng?',
          options: ['80%', '70%', '90%'],
          correct: [0],
          paragraphId,
          tags: [],
        },
      ],
      { status: 'accepted', origin: 'manual', accountId: null },
    );
    const contestId = await createContest(
      uow,
      commune,
      {
        documentId: doc.id,
        title: 'Cuộc thi mẫu',
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
        questionCount: 1,
        timeLimitSeconds: 600,
      },
      null,
    );
    return { documentId: doc.id, paragraphId, questionId: questionId!, contestId };
  });
}
