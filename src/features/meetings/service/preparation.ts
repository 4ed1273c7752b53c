// Preparation: materials and reading, the draft resolution, comments.
import { randomBytes } from 'node:crypto';
import { syncMeetingSearch } from '../search.ts';
import type { UnitOfWork } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { latestDraft, stateOf, type MeetingRow, type StoredDraft } from '../queries.ts';
import { now, isClosed, assertOpen } from './common.ts';

export interface MaterialInput {
  kind: 'document' | 'link' | 'file' | 'guidance';
  title: string;
  documentId?: string | null;
  url?: string | null;
  file?: { key: string; name: string; mime: string } | null;
}

export async function addMaterial(uow: UnitOfWork, m: MeetingRow, input: MaterialInput): Promise<string> {
  assertOpen(m);
  const title = input.title.normalize('NFC').trim();
  const hasTarget = Boolean(input.documentId || input.url || input.file);
  if (!title || !hasTarget) throw new AppError('MEETING_MATERIAL_INVALID');
  if (input.url && !/^https?:\/\//i.test(input.url)) throw new AppError('MEETING_MATERIAL_INVALID');
  const count = await uow.trx
    .selectFrom('meeting_materials')
    .select(uow.trx.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', m.id)
    .executeTakeFirstOrThrow();
  const id = newId();
  await uow.trx
    .insertInto('meeting_materials')
    .values({
      id,
      meeting_id: m.id,
      kind: input.kind,
      title,
      document_id: input.documentId ?? null,
      url: input.url ?? null,
      file_key: input.file?.key ?? null,
      file_name: input.file?.name ?? null,
      file_mime: input.file?.mime ?? null,
      position: Number(count.n),
      created_at: now(),
    })
    .execute();
  await uow.audit({
    action: 'meeting.material.add',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  await syncMeetingSearch(uow, m.id);
  return id;
}

export async function removeMaterial(uow: UnitOfWork, m: MeetingRow, materialId: string): Promise<void> {
  assertOpen(m);
  await uow.trx
    .deleteFrom('meeting_materials')
    .where('id', '=', materialId)
    .where('meeting_id', '=', m.id)
    .execute();
  await uow.audit({
    action: 'meeting.material.remove',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  await syncMeetingSearch(uow, m.id);
}

/** Records that a member opened the materials (first and last time). */
export async function markRead(db: DbOrTx, meetingId: string, memberId: string): Promise<void> {
  const at = now();
  await db
    .insertInto('meeting_reads')
    .values({ meeting_id: meetingId, member_id: memberId, first_at: at, last_at: at })
    .onConflict((oc) => oc.columns(['meeting_id', 'member_id']).doUpdateSet({ last_at: at }))
    .execute();
}

// ── Draft resolution ────────────────────────────────────────────────────────────────────────────────────────

export interface DraftInput {
  title: string;
  assessment: Array<{ id?: string; text: string }>;
  tasks: Array<{ id?: string; content: string; owner: string; deadline?: string | null }>;
}

const shortId = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`;

function normaliseDraft(input: DraftInput): StoredDraft {
  const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  const seen = new Set<string>();
  const keep = (id: string | undefined, prefix: string) => {
    const ok = id && /^[a-z0-9-]{2,40}$/.test(id) && !seen.has(id) ? id : shortId(prefix);
    seen.add(ok);
    return ok;
  };
  return {
    title: clean(input.title),
    assessment: input.assessment
      .map((p) => ({ id: p.id, text: clean(p.text) }))
      .filter((p) => p.text !== '')
      .map((p) => ({ id: keep(p.id, 'p-'), text: p.text })),
    tasks: input.tasks
      .filter((t) => clean(t.content) !== '')
      .map((t) => {
        const task: StoredDraft['tasks'][number] = {
          id: keep(t.id, 't-'),
          content: clean(t.content),
          owner: clean(t.owner),
        };
        if (t.deadline) task.deadline = t.deadline;
        return task;
      }),
  };
}

/** Saves the working draft: edits the unpublished version, or starts a new version after a published one. */
export async function saveDraft(uow: UnitOfWork, m: MeetingRow, input: DraftInput): Promise<number> {
  assertOpen(m);
  const draft = normaliseDraft(input);
  const latest = await latestDraft(uow.trx, m.id, false);
  const at = now();
  if (latest && latest.published_at === null) {
    await uow.trx
      .updateTable('meeting_drafts')
      .set({ content: JSON.stringify(draft), updated_at: at })
      .where('id', '=', latest.id)
      .execute();
    return latest.version;
  }
  const version = (latest?.version ?? 0) + 1;
  await uow.trx
    .insertInto('meeting_drafts')
    .values({
      id: newId(),
      meeting_id: m.id,
      version,
      content: JSON.stringify(draft),
      note: null,
      published_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await uow.audit({
    action: 'meeting.draft.save',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  return version;
}

export async function publishDraft(uow: UnitOfWork, m: MeetingRow, note: string | null): Promise<number> {
  assertOpen(m);
  const latest = await latestDraft(uow.trx, m.id, false);
  if (!latest) throw new AppError('MEETING_DRAFT_MISSING');
  if (latest.published_at !== null) return latest.version;
  await uow.trx
    .updateTable('meeting_drafts')
    .set({ published_at: now(), note: note?.normalize('NFC').trim() || null })
    .where('id', '=', latest.id)
    .execute();
  await uow.audit({
    action: 'meeting.draft.publish',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
    after: { version: latest.version },
  });
  uow.emit({ topic: `meeting.${m.id}.draft`, payload: { meetingId: m.id, version: latest.version } });
  await syncMeetingSearch(uow, m.id);
  return latest.version;
}

// ── Comments ────────────────────────────────────────────────────────────────────────────────────────────────

export interface CommentInput {
  targetKind: 'agenda' | 'paragraph' | 'general';
  targetId: string;
  parentId?: string | null;
  body: string;
}

export async function addComment(
  uow: UnitOfWork,
  m: MeetingRow,
  input: CommentInput,
  author: { accountId: string; memberId: string | null; name: string },
): Promise<string> {
  if (isClosed(m)) throw new AppError('MEETING_COMMENTS_CLOSED');
  const body = input.body.normalize('NFC').trim();
  if (!body) throw new AppError('MEETING_INVALID', { details: [{ field: 'body', message: 'Góp ý trống' }] });
  let draftVersion: number | null = null;
  if (input.parentId) {
    const parent = await uow.trx
      .selectFrom('meeting_comments')
      .select(['id', 'target_kind', 'target_id'])
      .where('id', '=', input.parentId)
      .where('meeting_id', '=', m.id)
      .executeTakeFirst();
    if (!parent || parent.target_kind !== input.targetKind || parent.target_id !== input.targetId)
      throw new AppError('MEETING_COMMENT_TARGET_UNKNOWN');
  }
  if (input.targetKind === 'agenda') {
    if (!stateOf(m).steps.some((s) => s.id === input.targetId))
      throw new AppError('MEETING_COMMENT_TARGET_UNKNOWN');
  } else if (input.targetKind === 'paragraph') {
    const draft = await latestDraft(uow.trx, m.id, true);
    const ids = draft
      ? [...draft.draft.assessment.map((p) => p.id), ...draft.draft.tasks.map((t) => t.id)]
      : [];
    if (!draft || !ids.includes(input.targetId)) throw new AppError('MEETING_COMMENT_TARGET_UNKNOWN');
    draftVersion = draft.version;
  }
  const id = newId();
  const at = now();
  await uow.trx
    .insertInto('meeting_comments')
    .values({
      id,
      meeting_id: m.id,
      target_kind: input.targetKind,
      target_id: input.targetId,
      parent_id: input.parentId ?? null,
      draft_version: draftVersion,
      author_account_id: author.accountId,
      author_member_id: author.memberId,
      author_name: author.name,
      body,
      status: 'open',
      answer: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await uow.audit({
    action: 'meeting.comment.add',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
  uow.emit({ topic: `meeting.${m.id}.comment`, payload: { meetingId: m.id, commentId: id } });
  return id;
}

export async function markComment(
  uow: UnitOfWork,
  m: MeetingRow,
  commentId: string,
  input: { status: 'open' | 'accepted' | 'answered'; answer?: string | null },
): Promise<void> {
  if (isClosed(m)) throw new AppError('MEETING_COMMENTS_CLOSED');
  const res = await uow.trx
    .updateTable('meeting_comments')
    .set({
      status: input.status,
      ...(input.answer !== undefined ? { answer: input.answer?.normalize('NFC').trim() || null } : {}),
      updated_at: now(),
    })
    .where('id', '=', commentId)
    .where('meeting_id', '=', m.id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('NOT_FOUND');
  await uow.audit({
    action: 'meeting.comment.mark',
    entityType: 'meeting',
    entityId: m.id,
    orgPath: m.org_path,
  });
}
