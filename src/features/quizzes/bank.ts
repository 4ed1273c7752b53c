import type { DbOrTx } from '../../platform/db/database.ts';
import type { UnitOfWork } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { fold, nfc } from '../../text/index.ts';
import type { Paragraph } from '../documents/paragraphs.ts';
import type { QuestionStatus, QuizQuestionTable } from './tables.ts';
import './errors.ts';

export type QuestionKind = QuizQuestionTable['kind'];

export interface QuestionInput {
  kind: QuestionKind;
  stem: string;
  options: string[];
  correct: number[];
  paragraphId: string;
  tags: string[];
}

export interface Question extends QuestionInput {
  id: string;
  documentId: string;
  status: QuestionStatus;
  origin: QuizQuestionTable['origin'];
  createdAt: string;
  updatedAt: string;
}

/** Statuses a practice quiz or contest draws from: accepted as generated, or accepted after an edit. */
export const USABLE: QuestionStatus[] = ['accepted', 'edited'];

export const TRUE_FALSE_OPTIONS = ['Đúng', 'Sai'];

export function toQuestion(r: QuizQuestionTable): Question {
  return {
    id: r.id,
    documentId: r.document_id,
    kind: r.kind,
    stem: r.stem,
    options: JSON.parse(r.options) as string[],
    correct: JSON.parse(r.correct) as number[],
    paragraphId: r.paragraph_id,
    tags: JSON.parse(r.tags) as string[],
    status: r.status,
    origin: r.origin,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Normalises and checks a question written by a person; the cited paragraph must belong to the document. */
export function checkInput(input: QuestionInput, paragraphs: Paragraph[]): QuestionInput {
  const options = input.kind === 'true_false' ? TRUE_FALSE_OPTIONS : input.options.map((o) => nfc(o.trim()));
  const correct = [...new Set(input.correct)].sort((a, b) => a - b);
  const keys = options.map((o) => fold(o).replace(/\s+/g, ''));
  const ok =
    nfc(input.stem.trim()).length > 0 &&
    options.length >= 2 &&
    options.every((o) => o.length > 0) &&
    new Set(keys).size === keys.length &&
    correct.length > 0 &&
    correct.every((i) => Number.isInteger(i) && i >= 0 && i < options.length) &&
    (input.kind !== 'single' || correct.length === 1) &&
    (input.kind !== 'true_false' || correct.length === 1) &&
    paragraphs.some((p) => p.id === input.paragraphId);
  if (!ok) throw new AppError('QUIZ_INVALID_QUESTION');
  return {
    kind: input.kind,
    stem: nfc(input.stem.trim()),
    options,
    correct,
    paragraphId: input.paragraphId,
    tags: [...new Set(input.tags.map((t) => nfc(t.trim())).filter(Boolean))].slice(0, 20),
  };
}

const squeeze = (s: string) => fold(nfc(s)).replace(/\s+/g, '');

/**
 * Whether the cited paragraph supports the answer: every correct option of a choice question is written in it;
 * a true/false question marked "Đúng" quotes a statement written in it. `null` when that cannot be checked
 * (a statement marked "Sai" is a changed sentence, so its words are not expected in the paragraph).
 */
export function answerInParagraph(
  q: Pick<QuestionInput, 'kind' | 'stem' | 'options' | 'correct'>,
  paragraphText: string,
): boolean | null {
  const para = squeeze(paragraphText);
  if (q.kind === 'true_false') {
    if (q.correct[0] !== 0) return null;
    const quoted = /“([^”]+)”/u.exec(q.stem)?.[1] ?? q.stem.replace(/^Đúng hay sai:\s*/u, '');
    return para.includes(squeeze(quoted.replace(/[\s.;:,…?]+$/u, '')));
  }
  return q.correct.every((i) => {
    const option = q.options[i];
    return option !== undefined && squeeze(option).length > 0 && para.includes(squeeze(option));
  });
}

export async function findQuestion(db: DbOrTx, id: string): Promise<QuizQuestionTable | null> {
  return (await db.selectFrom('quiz_questions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export async function listQuestions(
  db: DbOrTx,
  documentId: string,
  status?: QuestionStatus,
): Promise<Question[]> {
  let q = db.selectFrom('quiz_questions').selectAll().where('document_id', '=', documentId);
  if (status) q = q.where('status', '=', status);
  const rows = await q.orderBy('created_at').orderBy('id').execute();
  return rows.map(toQuestion);
}

export async function insertQuestions(
  uow: UnitOfWork,
  doc: { id: string; org_path: string },
  inputs: QuestionInput[],
  opts: { status: QuestionStatus; origin: QuizQuestionTable['origin']; accountId: string | null },
): Promise<string[]> {
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (const q of inputs) {
    const id = newId();
    ids.push(id);
    await uow.trx
      .insertInto('quiz_questions')
      .values({
        id,
        document_id: doc.id,
        org_path: doc.org_path,
        kind: q.kind,
        stem: q.stem,
        options: JSON.stringify(q.options),
        correct: JSON.stringify(q.correct),
        paragraph_id: q.paragraphId,
        tags: JSON.stringify(q.tags),
        status: opts.status,
        origin: opts.origin,
        created_by: opts.accountId,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  if (ids.length)
    await uow.audit({
      action: opts.status === 'proposed' ? 'quiz.questions.proposed' : 'quiz.question.created',
      entityType: 'document',
      entityId: doc.id,
      orgPath: doc.org_path,
      after: { count: ids.length, origin: opts.origin },
    });
  return ids;
}

/** An edit keeps a proposed question in review as "edited" (accepted with changes); a retired one stays retired. */
export async function editQuestion(uow: UnitOfWork, id: string, input: QuestionInput): Promise<void> {
  const row = await findQuestion(uow.trx, id);
  if (!row) throw notFound();
  if (row.status === 'retired' || row.status === 'rejected') throw new AppError('QUIZ_BAD_TRANSITION');
  const status: QuestionStatus =
    row.status === 'proposed' || row.status === 'accepted' ? 'edited' : row.status;
  await uow.trx
    .updateTable('quiz_questions')
    .set({
      kind: input.kind,
      stem: input.stem,
      options: JSON.stringify(input.options),
      correct: JSON.stringify(input.correct),
      paragraph_id: input.paragraphId,
      tags: JSON.stringify(input.tags),
      status,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
  await uow.audit({
    action: 'quiz.question.edited',
    entityType: 'quiz_question',
    entityId: id,
    orgPath: row.org_path,
    before: toQuestion(row),
    after: input,
  });
}

const TRANSITIONS: Record<
  'accept' | 'reject' | 'retire' | 'restore',
  { from: QuestionStatus[]; to: QuestionStatus }
> = {
  accept: { from: ['proposed'], to: 'accepted' },
  reject: { from: ['proposed'], to: 'rejected' },
  retire: { from: ['accepted', 'edited'], to: 'retired' },
  restore: { from: ['retired', 'rejected'], to: 'accepted' },
};
export type ReviewAction = keyof typeof TRANSITIONS;

export async function reviewQuestion(
  uow: UnitOfWork,
  id: string,
  action: ReviewAction,
): Promise<QuestionStatus> {
  const row = await findQuestion(uow.trx, id);
  if (!row) throw notFound();
  const t = TRANSITIONS[action];
  if (!t.from.includes(row.status)) throw new AppError('QUIZ_BAD_TRANSITION');
  await uow.trx
    .updateTable('quiz_questions')
    .set({ status: t.to, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('status', '=', row.status)
    .execute();
  await uow.audit({
    action: `quiz.question.${action}`,
    entityType: 'quiz_question',
    entityId: id,
    orgPath: row.org_path,
    before: { status: row.status },
    after: { status: t.to },
  });
  return t.to;
}
