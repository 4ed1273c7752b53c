export type ConsultationStatus = 'open' | 'closed';

export interface ConsultationTable {
  id: string;
  org_id: string;
  /** The subtree consulted: members inside it answer, the committee of this organisation reads everything. */
  org_path: string;
  province_id: string;
  title: string;
  intro: string;
  /** The draft as plain text; its paragraphs (content-hash ids) are what members comment on. */
  draft: string;
  document_id: string | null;
  opens_at: string;
  closes_at: string;
  closed_at: string | null;
  created_by: string;
  created_at: string;
}

export interface ConsultationQuestionTable {
  id: string;
  consultation_id: string;
  position: number;
  text: string;
  kind: 'text' | 'choice';
  /** JSON array of choices for `choice`. */
  options: string;
}

export interface ConsultationCommentTable {
  id: string;
  consultation_id: string;
  target_id: string;
  parent_id: string | null;
  author_account_id: string;
  author_name: string;
  /** The branch of the author: lower committees compile what their own subtree said. */
  author_org_path: string;
  body: string;
  status: 'open' | 'accepted' | 'answered';
  answer: string | null;
  created_at: string;
}

export interface ConsultationAnswerTable {
  consultation_id: string;
  question_id: string;
  account_id: string;
  author_org_path: string;
  value: string;
  updated_at: string;
}

export interface ConsultationSummaryTable {
  id: string;
  consultation_id: string;
  org_id: string;
  org_path: string;
  summary: string;
  created_by: string;
  created_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    consultations: ConsultationTable;
    consultation_questions: ConsultationQuestionTable;
    consultation_comments: ConsultationCommentTable;
    consultation_answers: ConsultationAnswerTable;
    consultation_summaries: ConsultationSummaryTable;
  }
}
