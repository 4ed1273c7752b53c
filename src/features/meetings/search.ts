import type { UnitOfWork } from '../../platform/context.ts';
import { indexSearchItem, removeSearchItem } from '../search/index-writer.ts';
import type { ResolutionDraft } from './domain/drafts.ts';

/**
 * Puts a meeting's materials and latest published draft resolution into the search index for its branch (and,
 * by the audience rule, the committees above it), or takes it out while it is still a draft. Called in the
 * transaction of every change that alters what members can read.
 */
export async function syncMeetingSearch(uow: UnitOfWork, meetingId: string): Promise<void> {
  const m = await uow.trx
    .selectFrom('meetings')
    .select(['id', 'title', 'theme', 'place', 'starts_at', 'status', 'org_path'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!m || m.status === 'draft') {
    await removeSearchItem(uow.trx, 'meeting', meetingId);
    return;
  }
  const materials = await uow.trx
    .selectFrom('meeting_materials')
    .select('title')
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  const draft = await uow.trx
    .selectFrom('meeting_drafts')
    .select('content')
    .where('meeting_id', '=', meetingId)
    .where('published_at', 'is not', null)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const resolution = draft ? (JSON.parse(draft.content) as ResolutionDraft) : null;
  const body = [
    m.theme ?? '',
    m.place,
    materials.length ? `Tài liệu: ${materials.map((x) => x.title).join('; ')}` : '',
    resolution?.title ?? '',
    ...(resolution?.assessment ?? []),
    ...(resolution?.tasks ?? []).map(
      (t) => `${t.content} (${t.owner}${t.deadline ? `, hạn ${t.deadline}` : ''})`,
    ),
  ]
    .filter(Boolean)
    .join('\n\n');
  await indexSearchItem(uow.trx, {
    type: 'meeting',
    id: m.id,
    title: m.title,
    body,
    level: 'branch',
    date: m.starts_at.slice(0, 10),
    url: `/meetings/${m.id}`,
    audience: [m.org_path],
  });
}
