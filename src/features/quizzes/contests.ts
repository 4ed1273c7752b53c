import type { DbOrTx } from '../../platform/db/database.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { subtreeBounds, type Principal } from '../../platform/permissions/check.ts';
import { rng } from '../../demo/names.ts';
import { USABLE, toQuestion, type Question } from './bank.ts';
import type { QuizAttemptTable, QuizContestTable } from './tables.ts';
import './errors.ts';

export interface ContestInput {
  documentId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  questionCount: number;
  timeLimitSeconds: number;
}

/** Slots in a person's paper: the question and the order its options are shown in (original indexes). */
export interface Slot {
  questionId: string;
  order: number[];
}

/** Answers arriving this long after the deadline still count: the network, not the person, was late. */
const GRACE_MS = 2_000;

export async function findContest(db: DbOrTx, id: string): Promise<QuizContestTable | null> {
  return (await db.selectFrom('quiz_contests').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function createContest(
  uow: UnitOfWork,
  org: { id: string; path: string; name: string },
  input: ContestInput,
  accountId: string | null,
): Promise<string> {
  if (!(Date.parse(input.endsAt) > Date.parse(input.startsAt))) throw new AppError('CONTEST_BAD_TIMES');
  const usable = await uow.trx
    .selectFrom('quiz_questions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('document_id', '=', input.documentId)
    .where('status', 'in', USABLE)
    .executeTakeFirstOrThrow();
  if (Number(usable.n) < 1) throw new AppError('QUIZ_NOT_ENOUGH_QUESTIONS');
  const id = newId();
  const row: QuizContestTable = {
    id,
    org_id: org.id,
    org_path: org.path,
    document_id: input.documentId,
    title: input.title.normalize('NFC').trim(),
    starts_at: new Date(input.startsAt).toISOString(),
    ends_at: new Date(input.endsAt).toISOString(),
    question_count: input.questionCount,
    time_limit_seconds: input.timeLimitSeconds,
    created_by: accountId,
    created_at: new Date().toISOString(),
  };
  await uow.trx.insertInto('quiz_contests').values(row).execute();
  await uow.audit({
    action: 'contest.created',
    entityType: 'contest',
    entityId: id,
    orgPath: org.path,
    after: row,
  });
  uow.emit({
    topic: 'contest.starting',
    payload: {
      title: `Cuộc thi: ${row.title}`,
      body: `${org.name} tổ chức cuộc thi trực tuyến, ${row.question_count} câu hỏi trong ${Math.round(row.time_limit_seconds / 60)} phút.`,
      url: `/contests/${id}`,
      orgPath: org.path,
      eventId: `contest:${id}`,
    },
  });
  return id;
}

/** The member's own branch (from the implicit grant of their membership), or null for accounts without one. */
export function branchPathOf(principal: Principal): string | null {
  return principal.memberId ? (principal.grants.find((g) => g.implicit)?.orgPath ?? null) : null;
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A person's paper, seeded by the attempt id: another person gets another order of questions and options. */
export function layoutFor(attemptId: string, questions: Question[], count: number): Slot[] {
  const random = rng(seedOf(attemptId));
  const picked = shuffle(
    [...questions].sort((a, b) => (a.id < b.id ? -1 : 1)),
    random,
  ).slice(0, count);
  return picked.map((q) => ({
    questionId: q.id,
    // "Đúng / Sai" keeps its order; reversing it helps nobody and confuses readers.
    order:
      q.kind === 'true_false'
        ? [0, 1]
        : shuffle(
            q.options.map((_, i) => i),
            random,
          ),
  }));
}

export async function startAttempt(
  uow: UnitOfWork,
  contest: QuizContestTable,
  principal: Principal,
  now: Date,
): Promise<string> {
  const branchPath = branchPathOf(principal);
  if (!branchPath || !branchPath.startsWith(contest.org_path)) throw new AppError('QUIZ_MEMBERS_ONLY');
  if (now < new Date(contest.starts_at) || now >= new Date(contest.ends_at))
    throw new AppError('CONTEST_NOT_OPEN');
  const existing = await uow.trx
    .selectFrom('quiz_attempts')
    .select('id')
    .where('contest_id', '=', contest.id)
    .where('account_id', '=', principal.accountId)
    .executeTakeFirst();
  if (existing) throw new AppError('CONTEST_ALREADY_TAKEN');
  const rows = await uow.trx
    .selectFrom('quiz_questions')
    .selectAll()
    .where('document_id', '=', contest.document_id)
    .where('status', 'in', USABLE)
    .execute();
  const id = newId();
  const layout = layoutFor(id, rows.map(toQuestion), contest.question_count);
  if (layout.length === 0) throw new AppError('QUIZ_NOT_ENOUGH_QUESTIONS');
  const deadline = Math.min(now.getTime() + contest.time_limit_seconds * 1000, Date.parse(contest.ends_at));
  await uow.trx
    .insertInto('quiz_attempts')
    .values({
      id,
      contest_id: contest.id,
      account_id: principal.accountId,
      member_id: principal.memberId,
      branch_path: branchPath,
      layout: JSON.stringify(layout),
      started_at: now.toISOString(),
      deadline_at: new Date(deadline).toISOString(),
      finished_at: null,
      score: null,
      total: layout.length,
    })
    .execute();
  await uow.audit({
    action: 'contest.attempt.started',
    entityType: 'contest',
    entityId: contest.id,
    orgPath: branchPath,
    after: { attemptId: id },
  });
  return id;
}

export async function findAttempt(db: DbOrTx, contestId: string, accountId: string) {
  return (
    (await db
      .selectFrom('quiz_attempts')
      .selectAll()
      .where('contest_id', '=', contestId)
      .where('account_id', '=', accountId)
      .executeTakeFirst()) ?? null
  );
}

export function isOver(attempt: QuizAttemptTable, now: Date): boolean {
  return attempt.finished_at !== null || now.getTime() > Date.parse(attempt.deadline_at) + GRACE_MS;
}

/** Records one answer; `chosen` are positions as shown to the person, mapped back through their layout. */
export async function answer(
  uow: UnitOfWork,
  attempt: QuizAttemptTable,
  questionId: string,
  chosen: number[],
  now: Date,
): Promise<void> {
  if (attempt.finished_at !== null) throw new AppError('CONTEST_FINISHED');
  if (isOver(attempt, now)) throw new AppError('CONTEST_TIME_UP');
  const slot = (JSON.parse(attempt.layout) as Slot[]).find((s) => s.questionId === questionId);
  if (!slot) throw notFound();
  const shown = [...new Set(chosen)];
  if (shown.some((i) => !Number.isInteger(i) || i < 0 || i >= slot.order.length))
    throw new AppError('QUIZ_INVALID_QUESTION');
  const original = shown.map((i) => slot.order[i]!).sort((a, b) => a - b);
  const q = await uow.trx
    .selectFrom('quiz_questions')
    .select('correct')
    .where('id', '=', questionId)
    .executeTakeFirstOrThrow();
  const correct = JSON.stringify(original) === JSON.stringify(JSON.parse(q.correct) as number[]) ? 1 : 0;
  await uow.trx
    .deleteFrom('quiz_answers')
    .where('attempt_id', '=', attempt.id)
    .where('question_id', '=', questionId)
    .execute();
  await uow.trx
    .insertInto('quiz_answers')
    .values({
      attempt_id: attempt.id,
      question_id: questionId,
      chosen: JSON.stringify(original),
      correct,
      answered_at: now.toISOString(),
    })
    .execute();
}

async function scoreOf(db: DbOrTx, attemptId: string): Promise<number> {
  const r = await db
    .selectFrom('quiz_answers')
    .select((eb) => eb.fn.sum<number>('correct').as('s'))
    .where('attempt_id', '=', attemptId)
    .executeTakeFirst();
  return Number(r?.s ?? 0);
}

/** Submits the attempt; an attempt past its deadline is closed at the deadline with what was answered. */
export async function finish(uow: UnitOfWork, attempt: QuizAttemptTable, now: Date): Promise<number> {
  if (attempt.finished_at !== null) throw new AppError('CONTEST_FINISHED');
  const score = await scoreOf(uow.trx, attempt.id);
  const at = Math.min(now.getTime(), Date.parse(attempt.deadline_at));
  await uow.trx
    .updateTable('quiz_attempts')
    .set({ finished_at: new Date(at).toISOString(), score })
    .where('id', '=', attempt.id)
    .where('finished_at', 'is', null)
    .execute();
  return score;
}

/** Closes every attempt of a contest whose time ran out without a submission. */
export async function closeExpired(db: DbOrTx, contestId: string, now: Date): Promise<void> {
  const expired = await db
    .selectFrom('quiz_attempts')
    .select(['id', 'deadline_at'])
    .where('contest_id', '=', contestId)
    .where('finished_at', 'is', null)
    .where('deadline_at', '<', new Date(now.getTime() - GRACE_MS).toISOString())
    .execute();
  for (const a of expired) {
    const score = await scoreOf(db, a.id);
    await db
      .updateTable('quiz_attempts')
      .set({ finished_at: a.deadline_at, score })
      .where('id', '=', a.id)
      .where('finished_at', 'is', null)
      .execute();
  }
}

export interface BoardEntry {
  rank: number;
  name: string;
  branchName: string;
  score: number;
  total: number;
  seconds: number;
  me: boolean;
}

/** Finished attempts whose branch lies in `scopePath`, best score first, then the quickest. */
export async function leaderboard(
  db: DbOrTx,
  contestId: string,
  scopePath: string,
  accountId: string,
): Promise<BoardEntry[]> {
  const [lo, hi] = subtreeBounds(scopePath);
  const rows = await db
    .selectFrom('quiz_attempts as a')
    .leftJoin('members as m', 'm.id', 'a.member_id')
    .leftJoin('orgs as o', 'o.path', 'a.branch_path')
    .select([
      'a.account_id',
      'a.score',
      'a.total',
      'a.started_at',
      'a.finished_at',
      'm.full_name',
      'o.name as branch_name',
    ])
    .where('a.contest_id', '=', contestId)
    .where('a.finished_at', 'is not', null)
    .where('a.branch_path', '>=', lo)
    .where('a.branch_path', '<', hi)
    .execute();
  const entries = rows.map((r) => ({
    name: r.full_name ?? '—',
    branchName: r.branch_name ?? '',
    score: Number(r.score ?? 0),
    total: Number(r.total),
    seconds: Math.max(0, Math.round((Date.parse(r.finished_at!) - Date.parse(r.started_at)) / 1000)),
    me: r.account_id === accountId,
  }));
  entries.sort((a, b) => b.score - a.score || a.seconds - b.seconds || a.name.localeCompare(b.name, 'vi'));
  let rank = 0;
  return entries.map((e, i) => {
    const prev = entries[i - 1];
    if (!prev || prev.score !== e.score || prev.seconds !== e.seconds) rank = i + 1;
    return { rank, ...e };
  });
}
