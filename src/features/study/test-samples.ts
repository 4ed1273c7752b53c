import { mutate, type AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { createDocument } from '../documents/service.ts';
import { paragraphsOf } from '../documents/paragraphs.ts';
import type { Org } from '../orgs/queries.ts';

/** A document of `commune` published to it and assigned to the commune for study. */
export async function studySamples(ctx: AppContext, commune: Org) {
  return mutate(ctx, { accountId: null, ip: null, requestId: 'samples' }, async (uow) => {
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
        title: 'Nghị quyết học tập',
        summary: null,
        body: 'Mục tiêu thứ nhất.\n\nGiải pháp thực hiện.',
      },
      null,
    );
    const id = newId();
    await uow.trx
      .insertInto('study_assignments')
      .values({
        id,
        org_id: commune.id,
        org_path: commune.path,
        document_id: doc.id,
        note: null,
        deadline: '2026-12-31',
        created_by: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    return { assignmentId: id, documentId: doc.id, paragraphId: paragraphsOf(doc.body)[0]!.id };
  });
}
