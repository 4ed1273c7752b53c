import { mutate } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { DemoHook } from '../../demo/seed-demo.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';
import { ORIGIN_TAGS, generateQuestions, isValidQuestion } from './domain/generate.ts';
import { insertQuestions } from './bank.ts';
import { createContest } from './contests.ts';

const actor = { accountId: null, ip: null, requestId: 'demo' };

/**
 * The demo resolution 02-NQ/TU gets a reviewed question bank (a few proposals left in the queue for the
 * editor), an open contest of the province and a study assignment, so `dangvien` can study, practise and
 * take the contest.
 */
export const quizzesDemo: DemoHook = async (ctx, refs) => {
  const doc = await ctx.db
    .selectFrom('documents')
    .selectAll()
    .where('number', '=', '02-NQ/TU')
    .executeTakeFirst();
  if (!doc) return;
  const paragraphs = paragraphsOf(doc.body);
  const byId = new Map(paragraphs.map((p) => [p.id, p.text]));
  const generated = generateQuestions(paragraphs, { seed: 2021, max: 24 }).filter((q) =>
    isValidQuestion(q, byId.get(q.paragraphId) ?? ''),
  );
  const inputs = generated.map((g) => ({
    kind: g.kind,
    stem: g.stem,
    options: g.options,
    correct: g.correct,
    paragraphId: g.paragraphId,
    tags: [ORIGIN_TAGS[g.origin]],
  }));
  const accepted = inputs.slice(0, Math.max(1, inputs.length - 4));
  const proposed = inputs.slice(accepted.length);
  const province = refs.province;
  await mutate(ctx, actor, async (uow) => {
    const target = { id: doc.id, org_path: doc.org_path };
    await insertQuestions(uow, target, accepted, {
      status: 'accepted',
      origin: 'generated',
      accountId: null,
    });
    await insertQuestions(uow, target, proposed, {
      status: 'proposed',
      origin: 'generated',
      accountId: null,
    });
    const now = Date.now();
    await createContest(
      uow,
      province,
      {
        documentId: doc.id,
        title: 'Tìm hiểu Nghị quyết 02-NQ/TU về chuyển đổi số',
        startsAt: new Date(now - 3600_000).toISOString(),
        endsAt: new Date(now + 60 * 24 * 3600_000).toISOString(),
        questionCount: Math.min(10, accepted.length),
        timeLimitSeconds: 15 * 60,
      },
      refs.accounts.tinhuy,
    );
    await uow.trx
      .insertInto('study_assignments')
      .values({
        id: newId(),
        org_id: province.id,
        org_path: province.path,
        document_id: doc.id,
        note: 'Các chi bộ tổ chức học tập, đảng viên đọc và đánh dấu từng phần đã học.',
        deadline: new Date(now + 30 * 24 * 3600_000).toISOString().slice(0, 10),
        created_by: refs.accounts.tinhuy,
        created_at: new Date(now).toISOString(),
      })
      .execute();
  });
};
