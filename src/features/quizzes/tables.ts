export type QuestionStatus = 'proposed' | 'accepted' | 'edited' | 'rejected' | 'retired';

export interface QuizQuestionTable {
  id: string;
  document_id: string;
  /** The document's organisation path: editors of that subtree manage its questions. */
  org_path: string;
  kind: 'single' | 'multiple' | 'true_false';
  stem: string;
  /** JSON array of option texts. */
  options: string;
  /** JSON array of indexes into options. */
  correct: string;
  paragraph_id: string;
  /** JSON array of tags. */
  tags: string;
  status: QuestionStatus;
  origin: 'manual' | 'generated' | 'llm';
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QuizContestTable {
  id: string;
  org_id: string;
  org_path: string;
  document_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  question_count: number;
  time_limit_seconds: number;
  created_by: string | null;
  created_at: string;
}

export interface QuizAttemptTable {
  id: string;
  contest_id: string;
  account_id: string;
  member_id: string | null;
  /** The member's branch path when the attempt began: leaderboards group by it. */
  branch_path: string;
  /** JSON: [{ questionId, order: number[] }] — the person's question order and option order. */
  layout: string;
  started_at: string;
  deadline_at: string;
  finished_at: string | null;
  score: number | null;
  total: number;
}

export interface QuizAnswerTable {
  attempt_id: string;
  question_id: string;
  /** JSON array of original option indexes chosen. */
  chosen: string;
  correct: number;
  answered_at: string;
}

/** Practice answers: the learning history. */
export interface QuizPracticeTable {
  id: string;
  account_id: string;
  document_id: string;
  question_id: string;
  correct: number;
  answered_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    quiz_questions: QuizQuestionTable;
    quiz_contests: QuizContestTable;
    quiz_attempts: QuizAttemptTable;
    quiz_answers: QuizAnswerTable;
    quiz_practice: QuizPracticeTable;
  }
}
