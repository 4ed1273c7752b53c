import { type AppContext } from '../../../platform/context.ts';
import { createFileStore, localFilesDir } from '../../../platform/files/index.ts';
import type { FileStore } from '../../../platform/files/index.ts';
import { DEFAULT_QUALITY_CHECKLIST, type QualityChecklist, type ResolutionDraft } from '../domain/index.ts';
import { type MeetingRow, type StoredDraft } from '../queries.ts';

// What the meeting routes share: OpenAPI tag, file store, presenters.
export const tags = ['Sinh hoạt chi bộ'];

const stores = new WeakMap<AppContext, FileStore>();
export function filesOf(ctx: AppContext): FileStore {
  let s = stores.get(ctx);
  if (!s) {
    s = createFileStore({ kind: 'local', dir: localFilesDir(ctx.config.dataDir) });
    stores.set(ctx, s);
  }
  return s;
}

export function toDomainDraft(d: StoredDraft): ResolutionDraft {
  return {
    title: d.title,
    assessment: d.assessment.map((p) => p.text),
    tasks: d.tasks.map((t) => ({ id: t.id, content: t.content, owner: t.owner, deadline: t.deadline })),
  };
}

export function summary(m: MeetingRow) {
  return {
    id: m.id,
    orgId: m.org_id,
    kind: m.kind,
    title: m.title,
    theme: m.theme,
    startsAt: m.starts_at,
    place: m.place,
    online: m.online === 1,
    status: m.status,
    version: m.version,
    publishedAt: m.published_at,
    startedAt: m.started_at,
    endedAt: m.ended_at,
    minutesApprovedAt: m.minutes_approved_at,
    durationMinutes:
      m.started_at && m.ended_at
        ? Math.floor((Date.parse(m.ended_at) - Date.parse(m.started_at)) / 60_000)
        : null,
  };
}

export async function memberName(
  ctx: AppContext,
  memberId: string | null,
  fallback: string,
): Promise<string> {
  if (!memberId) return fallback;
  const row = await ctx.db
    .selectFrom('members')
    .select('full_name')
    .where('id', '=', memberId)
    .executeTakeFirst();
  return row?.full_name ?? fallback;
}

export function checklistFor(rules: string | undefined): QualityChecklist {
  try {
    const parsed = JSON.parse(rules ?? '{}') as { meetingQuality?: QualityChecklist };
    if (parsed.meetingQuality?.items && parsed.meetingQuality.thresholds) return parsed.meetingQuality;
  } catch {
    // fall through to the default checklist
  }
  return DEFAULT_QUALITY_CHECKLIST;
}
