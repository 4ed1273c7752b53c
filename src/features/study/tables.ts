export interface StudyAssignmentTable {
  id: string;
  org_id: string;
  org_path: string;
  document_id: string;
  note: string | null;
  /** Date (YYYY-MM-DD) by which the subtree should have studied the document. */
  deadline: string;
  created_by: string | null;
  created_at: string;
}

/** One paragraph of an assignment a member marked as studied. */
export interface StudyMarkTable {
  assignment_id: string;
  account_id: string;
  member_id: string;
  branch_path: string;
  paragraph_id: string;
  studied_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    study_assignments: StudyAssignmentTable;
    study_marks: StudyMarkTable;
  }
}
