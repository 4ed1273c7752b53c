// Meetings in the synthetic dataset (sotay generate / benchmarks): twelve months of branch meetings with their
// materials read, roll call, comments, the resolution vote, the adopted resolution's tasks (which become tasks of
// the task follow-up) and, for some, a quality score — written in bulk, a batch of branches per transaction.

import { randomBytes } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { branchBatches, type DatasetPlugin } from '../../demo/generate.ts';
import { insertRows } from '../../demo/bulk.ts';
import { pick, rng } from '../../demo/names.ts';
import {
  advanceStep,
  createMeetingState,
  DEFAULT_MEETING_RULES,
  DEFAULT_QUALITY_CHECKLIST,
  REGULAR_AND_THEMED_MEETING_TEMPLATE,
  REGULAR_MEETING_TEMPLATE,
  scoreMeeting,
  tallyVote,
  type MeetingAction,
  type MeetingKind,
  type MeetingState,
  type VoteCounts,
} from './domain/index.ts';
import type { StoredDraft } from './queries.ts';

/** Months of meetings: this month (held or upcoming) and the eleven before it. */
export const MEETING_HISTORY_MONTHS = 12;
const DAY = 86_400_000;
const MIN = 60_000;

const THEMES = [
  'Nâng cao chất lượng sinh hoạt chi bộ',
  'Chuyển đổi số trong thôn, xóm',
  'Xây dựng nông thôn mới kiểu mẫu',
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Công tác dân vận và giữ gìn an ninh trật tự',
];
const ASSESSMENT = [
  'Chi bộ lãnh đạo hoàn thành kế hoạch sản xuất vụ mùa, năng suất đạt chỉ tiêu.',
  'Công tác thu đảng phí đạt 100% kế hoạch.',
  'Phong trào vệ sinh môi trường được duy trì thường xuyên.',
  'Việc nắm bắt tâm tư, nguyện vọng của nhân dân có lúc chưa kịp thời.',
  'Tỷ lệ đảng viên tham gia học tập nghị quyết đạt yêu cầu.',
];
const TASKS = [
  { content: 'Ra quân vệ sinh môi trường các tuyến đường trong thôn', owner: 'Chi hội Phụ nữ' },
  { content: 'Vận động nhân dân cài đặt ứng dụng dịch vụ công trực tuyến', owner: 'Chi đoàn thanh niên' },
  { content: 'Hoàn thành thu quỹ xây dựng nông thôn mới', owner: 'Ban công tác Mặt trận' },
  { content: 'Rà soát, đề xuất đối tượng kết nạp đảng', owner: 'Chi ủy' },
  { content: 'Sửa chữa hệ thống đèn chiếu sáng đường trục thôn', owner: 'Chi đoàn thanh niên' },
];
const COMMENTS = [
  'Đề nghị bổ sung chỉ tiêu về thu gom rác thải.',
  'Nhất trí với dự thảo, đề nghị giao rõ thời hạn hoàn thành.',
  'Cần nêu cụ thể hơn những hạn chế trong tháng.',
  'Đề nghị chi bộ quan tâm hơn đến đảng viên cao tuổi.',
];

type Rows<T extends keyof DB> = Insertable<DB[T]>[];

interface BranchMember {
  id: string;
  status: string;
  accountId: string | null;
  name: string;
}

/** A meeting's state after the whole programme was run, through the domain's own state machine. */
/** The programme of a generated meeting: regular, or regular with the quarter's theme. */
function programmeOf(kind: MeetingKind): MeetingState {
  const template = kind === 'regular' ? REGULAR_MEETING_TEMPLATE : REGULAR_AND_THEMED_MEETING_TEMPLATE;
  return createMeetingState(template.steps);
}

function heldState(
  kind: MeetingKind,
  t: { published: string; started: string; ended: string },
  approved?: string,
) {
  let state = programmeOf(kind);
  const apply = (action: MeetingAction) => {
    const r = advanceStep(state, action);
    if (!r.ok) throw new Error(`generated meeting: ${action.type} refused (${r.code})`);
    state = r.state;
  };
  apply({ type: 'publish', at: t.published });
  apply({ type: 'start', at: t.started });
  const span = Date.parse(t.ended) - Date.parse(t.started);
  const count = state.steps.length;
  for (let i = 0; i < count; i++) {
    const at = new Date(Date.parse(t.started) + Math.floor((span * (i + 0.5)) / count)).toISOString();
    const step = state.steps[i]!;
    if (step.state === 'pending') apply({ type: 'open_step', stepId: step.id, at });
    apply({ type: 'close_step', stepId: step.id, at });
  }
  apply({ type: 'end', at: t.ended });
  if (approved) apply({ type: 'approve_minutes', at: approved });
  return state;
}

function publishedState(kind: MeetingKind, published: string): MeetingState {
  const r = advanceStep(programmeOf(kind), { type: 'publish', at: published });
  if (!r.ok) throw new Error(`generated meeting: publish refused (${r.code})`);
  return r.state;
}

/** 19:30 in Vietnam (12:30 UTC) on the given day of a month. */
function evening(year: number, month0: number, day: number): number {
  return Date.UTC(year, month0, day, 12, 30);
}

export const meetingsDataset: DatasetPlugin = {
  name: 'meetings',
  async generate(ctx, info, progress) {
    const r = rng(info.seed + 501);
    const now = Date.parse(info.now);
    const today = new Date(now);
    let meetings = 0;
    let attendance = 0;
    let tasks = 0;
    let done = 0;
    for await (const batch of branchBatches(ctx, 100)) {
      const members = await ctx.db
        .selectFrom('members')
        .leftJoin('accounts', 'accounts.member_id', 'members.id')
        .select([
          'members.id',
          'members.org_id',
          'members.status',
          'members.full_name',
          'accounts.id as account_id',
        ])
        .where(
          'members.org_id',
          'in',
          batch.map((b) => b.id),
        )
        .where('members.erased_at', 'is', null)
        .orderBy('members.id')
        .execute();
      const byBranch = new Map<string, BranchMember[]>();
      for (const m of members) {
        const list = byBranch.get(m.org_id) ?? [];
        list.push({ id: m.id, status: m.status, accountId: m.account_id, name: m.full_name });
        byBranch.set(m.org_id, list);
      }
      const rows = {
        meetings: [] as Rows<'meetings'>,
        drafts: [] as Rows<'meeting_drafts'>,
        reads: [] as Rows<'meeting_reads'>,
        attendance: [] as Rows<'meeting_attendance'>,
        comments: [] as Rows<'meeting_comments'>,
        motions: [] as Rows<'meeting_motions'>,
        ballots: [] as Rows<'meeting_ballots'>,
        resolutionTasks: [] as Rows<'meeting_resolution_tasks'>,
        tasks: [] as Rows<'tasks'>,
        quality: [] as Rows<'meeting_quality'>,
      };
      for (const branch of batch) {
        const people = byBranch.get(branch.id) ?? [];
        if (people.length === 0) continue;
        // Each branch has its own habits: how regularly it meets, how many come, how early it publishes.
        const diligence = 0.55 + r() * 0.45;
        const secretary = people[0]!;
        const day = 3 + Math.floor(r() * 10);
        for (let back = MEETING_HISTORY_MONTHS - 1; back >= 0; back--) {
          const year = today.getUTCFullYear();
          const month0 = today.getUTCMonth() - back;
          const d = new Date(Date.UTC(year, month0, 1));
          const startsAt = evening(d.getUTCFullYear(), d.getUTCMonth(), day);
          const quarterEnd = d.getUTCMonth() % 3 === 2;
          const kind: MeetingKind = quarterEnd ? 'regular_and_themed' : 'regular';
          const lead = r() < diligence ? 1 + r() * 4 : r() * 0.9;
          const published = new Date(startsAt - lead * DAY).toISOString();
          const held = startsAt + 4 * 3600_000 < now;
          // Lagging branches miss some months: the supervision view is for finding them.
          if (held && r() > 0.55 + diligence * 0.45) continue;
          const id = newId();
          const base = {
            id,
            org_id: branch.id,
            org_path: branch.path,
            kind,
            title:
              kind === 'regular'
                ? 'Sinh hoạt chi bộ thường kỳ'
                : 'Sinh hoạt chi bộ thường kỳ kết hợp chuyên đề',
            theme: quarterEnd ? pick(r, THEMES) : null,
            starts_at: new Date(startsAt).toISOString(),
            place: 'Nhà văn hóa thôn',
            online: 0,
            chair_member_id: secretary.id,
            minute_taker_member_id: people[1]?.id ?? secretary.id,
            qr_secret: randomBytes(16).toString('base64url'),
            qr_code: null,
            qr_expires_at: null,
            created_by: secretary.accountId,
            created_at: published,
            updated_at: published,
          };
          meetings++;
          const draft: StoredDraft = {
            title: `Nghị quyết chi bộ tháng ${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`,
            assessment: [0, 1, 2].map((i) => ({ id: `p${i + 1}`, text: pick(r, ASSESSMENT) })),
            tasks: [0, 1].map((i) => ({
              id: `t${i + 1}`,
              ...pick(r, TASKS),
              deadline: new Date(startsAt + (20 + Math.floor(r() * 40)) * DAY).toISOString().slice(0, 10),
            })),
          };
          rows.drafts.push({
            id: newId(),
            meeting_id: id,
            version: 1,
            content: JSON.stringify(draft),
            note: null,
            published_at: published,
            created_at: published,
            updated_at: published,
          });
          // Members open the materials before the meeting; the diligent branches' members more often.
          for (const p of people) {
            if (r() < diligence * 0.85) {
              const at = new Date(
                Date.parse(published) + r() * (startsAt - Date.parse(published)),
              ).toISOString();
              if (Date.parse(at) < now)
                rows.reads.push({ meeting_id: id, member_id: p.id, first_at: at, last_at: at });
            }
          }
          if (!held) {
            const state = publishedState(kind, published);
            rows.meetings.push({
              ...base,
              status: 'published',
              version: state.version,
              state: JSON.stringify(state),
              published_at: published,
              started_at: null,
              ended_at: null,
              minutes: null,
              minutes_approved_at: null,
            });
            continue;
          }
          const started = startsAt + Math.floor(r() * 15) * MIN;
          const ended = started + (55 + Math.floor(r() * 95)) * MIN;
          const approved = back >= 1 ? new Date(ended + 10 * MIN).toISOString() : undefined;
          const state = heldState(
            kind,
            { published, started: new Date(started).toISOString(), ended: new Date(ended).toISOString() },
            approved,
          );
          rows.meetings.push({
            ...base,
            status: approved ? 'minutes_approved' : 'ended',
            version: state.version,
            state: JSON.stringify(state),
            published_at: published,
            started_at: new Date(started).toISOString(),
            ended_at: new Date(ended).toISOString(),
            minutes: null,
            minutes_approved_at: approved ?? null,
          });
          const present: BranchMember[] = [];
          for (const p of people) {
            let mark: 'present' | 'absent_with_reason' | 'absent_without_reason' | 'exempt';
            if (p.status === 'exempt') mark = 'exempt';
            else if (p.status === 'working_away') mark = r() < 0.3 ? 'present' : 'absent_with_reason';
            else {
              const x = r();
              mark =
                x < 0.72 + diligence * 0.25
                  ? 'present'
                  : x < 0.985
                    ? 'absent_with_reason'
                    : 'absent_without_reason';
            }
            if (mark === 'present') present.push(p);
            rows.attendance.push({
              meeting_id: id,
              member_id: p.id,
              mark,
              reason: mark === 'absent_with_reason' ? 'Đi làm ăn xa' : null,
              remote: p.status === 'working_away' && mark === 'present' ? 1 : 0,
              source: 'secretary',
              at: new Date(started).toISOString(),
            });
          }
          attendance += people.length;
          const commenters = Math.floor(r() * 4 * diligence);
          for (let i = 0; i < commenters; i++) {
            const author = pick(r, people);
            if (!author.accountId) continue;
            const at = new Date(
              Date.parse(published) + r() * (started - Date.parse(published)),
            ).toISOString();
            rows.comments.push({
              id: newId(),
              meeting_id: id,
              target_kind: 'paragraph',
              target_id: pick(r, draft.assessment).id,
              parent_id: null,
              draft_version: 1,
              author_account_id: author.accountId,
              author_member_id: author.id,
              author_name: author.name,
              body: pick(r, COMMENTS),
              status: 'open',
              answer: null,
              created_at: at,
              updated_at: at,
            });
          }
          // The resolution vote: in the app where members carry phones, by show of hands elsewhere.
          const inApp = r() < 0.4;
          const motionId = newId();
          const closedAt = new Date(ended - 10 * MIN).toISOString();
          let counts: VoteCounts = { for: 0, against: 0, abstain: 0 };
          for (const p of present) {
            const choice = r() < 0.96 ? 'for' : r() < 0.5 ? 'against' : 'abstain';
            counts = { ...counts, [choice]: counts[choice] + 1 };
            if (inApp) rows.ballots.push({ motion_id: motionId, member_id: p.id, choice, at: closedAt });
          }
          const outcome = tallyVote({
            votes: counts,
            eligibleBase: present.length,
            rules: DEFAULT_MEETING_RULES,
          });
          rows.motions.push({
            id: motionId,
            meeting_id: id,
            title: draft.title,
            method: inApp ? 'app' : 'show_of_hands',
            is_resolution: 1,
            status: 'closed',
            hands: inApp ? null : JSON.stringify(counts),
            outcome: JSON.stringify(outcome),
            created_at: new Date(ended - 20 * MIN).toISOString(),
            closed_at: closedAt,
          });
          if (outcome.passed) {
            draft.tasks.forEach((t, position) => {
              const resolutionTaskId = newId();
              rows.resolutionTasks.push({
                id: resolutionTaskId,
                meeting_id: id,
                org_id: branch.id,
                org_path: branch.path,
                content: t.content,
                owner: t.owner,
                deadline: t.deadline ?? null,
                position,
                created_at: closedAt,
              });
              const deadline = t.deadline ?? null;
              const due = deadline !== null && Date.parse(`${deadline}T23:59:59Z`) < now;
              // Most tasks are done, some late; a few past their deadline are still open (overdue).
              const finished = due ? r() < 0.6 + diligence * 0.35 : r() < 0.3;
              const completedOn =
                finished && deadline
                  ? new Date(
                      Math.min(now, Date.parse(`${deadline}T00:00:00Z`) + (r() < diligence ? -5 : 7) * DAY),
                    )
                      .toISOString()
                      .slice(0, 10)
                  : null;
              const progressValue = finished ? 100 : Math.floor(r() * 9) * 10;
              rows.tasks.push({
                id: newId(),
                org_id: branch.id,
                org_path: branch.path,
                parent_id: null,
                title: t.content,
                description: `Theo ${draft.title.toLowerCase()}`,
                owner_member_id: null,
                owner_label: t.owner,
                deadline,
                own_progress: progressValue,
                progress: progressValue,
                weight: 1,
                status: finished ? 'done' : 'open',
                completed_on: completedOn,
                source: 'resolution',
                meeting_id: id,
                resolution_task_id: resolutionTaskId,
                created_by: secretary.accountId,
                created_at: closedAt,
                updated_at: completedOn ? `${completedOn}T12:00:00.000Z` : closedAt,
              });
              tasks++;
            });
          }
          // The commune committee scores some meetings; the chair scores most of the rest.
          if (r() < 0.6 && secretary.accountId) {
            const answers = {
              preparation: Date.parse(published) <= startsAt - DAY ? 15 : 8,
              attendance: Math.round((present.length / people.length) * 15),
              procedure: true,
              duration: ended - started >= 60 * MIN,
              leadership: 8 + Math.floor(diligence * 7),
              democracy: Math.min(15, 6 + commenters * 3),
              resolution: 10 + Math.floor(r() * 6),
              minutes: approved !== undefined,
            };
            const score = scoreMeeting(DEFAULT_QUALITY_CHECKLIST, answers);
            rows.quality.push({
              id: newId(),
              meeting_id: id,
              scorer_account_id: secretary.accountId,
              role: 'chair',
              answers: JSON.stringify(answers),
              score: JSON.stringify(score),
              created_at: new Date(ended + 30 * MIN).toISOString(),
            });
          }
        }
      }
      await ctx.db.transaction().execute(async (trx) => {
        await insertRows(trx, 'meetings', rows.meetings, 100);
        await insertRows(trx, 'meeting_drafts', rows.drafts, 200);
        await insertRows(trx, 'meeting_reads', rows.reads, 1000);
        await insertRows(trx, 'meeting_attendance', rows.attendance, 1000);
        await insertRows(trx, 'meeting_comments', rows.comments, 500);
        await insertRows(trx, 'meeting_motions', rows.motions, 500);
        await insertRows(trx, 'meeting_ballots', rows.ballots, 1000);
        await insertRows(trx, 'meeting_resolution_tasks', rows.resolutionTasks, 500);
        await insertRows(trx, 'tasks', rows.tasks, 500);
        await insertRows(trx, 'meeting_quality', rows.quality, 500);
      });
      done += batch.length;
      progress(done, info.branches);
    }
    return { meetings, meeting_attendance: attendance, tasks };
  },
};
