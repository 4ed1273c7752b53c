import type { TaskStatus } from './domain/tasks.ts';

export interface TaskTable {
  id: string;
  org_id: string;
  org_path: string;
  parent_id: string | null;
  title: string;
  description: string;
  /** A member of the branch; null while a resolution task names only a group or a role. */
  owner_member_id: string | null;
  /** The owner as written (a group, "Chi ủy"); shown when there is no owner member. */
  owner_label: string;
  /** Calendar day YYYY-MM-DD. */
  deadline: string | null;
  /** Own progress 0–100 (leaves); `progress` below is the rolled-up value kept for lists and supervision. */
  own_progress: number;
  progress: number;
  weight: number;
  status: TaskStatus;
  completed_on: string | null;
  /** 'committee' or 'resolution'. */
  source: string;
  meeting_id: string | null;
  /** Id of the meeting_resolution_tasks row it came from: unique, so a resolution is imported once. */
  resolution_task_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskContributorTable {
  task_id: string;
  member_id: string;
}

export interface TaskUpdateTable {
  id: string;
  task_id: string;
  author_account_id: string;
  author_member_id: string | null;
  progress: number;
  note: string;
  created_at: string;
}

/** A file attached to a progress update (photo, PDF, Word…), stored in the platform file store by content key. */
export interface TaskFileTable {
  id: string;
  task_id: string;
  update_id: string;
  file_key: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  created_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    tasks: TaskTable;
    task_contributors: TaskContributorTable;
    task_updates: TaskUpdateTable;
    task_files: TaskFileTable;
  }
}
