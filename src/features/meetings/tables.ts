import type { MeetingKind } from './domain/index.ts';

/** Procedure templates: defaults live in code; an organisation's edited copies and published versions here. */
export interface MeetingTemplateTable {
  id: string;
  org_id: string;
  org_path: string;
  /** Organisation type the template is for (branch, grassroots_branch…). */
  org_type: string;
  meeting_kind: MeetingKind;
  title: string;
  /** JSON StepTemplate[]. */
  steps: string;
  /** 1 when an upper committee published it to the organisations of its subtree. */
  published: number;
  created_at: string;
  updated_at: string;
}

export interface MeetingTable {
  id: string;
  org_id: string;
  org_path: string;
  kind: MeetingKind;
  title: string;
  theme: string | null;
  /** ISO instant of the planned start. */
  starts_at: string;
  place: string;
  online: number;
  status: 'draft' | 'published' | 'live' | 'ended' | 'minutes_approved';
  /** Optimistic version of `state` (mirrors state.version). */
  version: number;
  /** JSON MeetingState (status, steps with their states and times). */
  state: string;
  published_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  chair_member_id: string | null;
  minute_taker_member_id: string | null;
  /** JSON Minutes once generated; edited by the minute-taker. */
  minutes: string | null;
  minutes_approved_at: string | null;
  /** Per-meeting key for check-in tokens, so any process can verify them. */
  qr_secret: string;
  qr_code: string | null;
  qr_expires_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingMaterialTable {
  id: string;
  meeting_id: string;
  kind: 'document' | 'link' | 'file' | 'guidance';
  title: string;
  document_id: string | null;
  url: string | null;
  file_key: string | null;
  file_name: string | null;
  file_mime: string | null;
  position: number;
  created_at: string;
}

export interface MeetingDraftTable {
  id: string;
  meeting_id: string;
  version: number;
  /** JSON StoredDraft: title, assessment paragraphs and tasks, each with a stable id. */
  content: string;
  note: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingReadTable {
  meeting_id: string;
  member_id: string;
  first_at: string;
  last_at: string;
}

export interface MeetingCommentTable {
  id: string;
  meeting_id: string;
  /** 'agenda' (a programme step), 'paragraph' (of the draft), 'general'. */
  target_kind: string;
  target_id: string;
  parent_id: string | null;
  draft_version: number | null;
  author_account_id: string;
  author_member_id: string | null;
  author_name: string;
  body: string;
  status: 'open' | 'accepted' | 'answered';
  answer: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  member_id: string;
  mark: 'present' | 'absent_with_reason' | 'absent_without_reason' | 'exempt';
  reason: string | null;
  remote: number;
  source: 'secretary' | 'check_in';
  at: string;
}

export interface MeetingNoteTable {
  id: string;
  meeting_id: string;
  step_id: string;
  speaker: string | null;
  text: string;
  kind: 'note' | 'conclusion';
  created_at: string;
}

export interface MeetingMotionTable {
  id: string;
  meeting_id: string;
  title: string;
  method: 'show_of_hands' | 'app';
  is_resolution: number;
  status: 'open' | 'closed';
  /** JSON VoteCounts for a show of hands. */
  hands: string | null;
  /** JSON VoteOutcome once closed: final. */
  outcome: string | null;
  created_at: string;
  closed_at: string | null;
}

export interface MeetingBallotTable {
  motion_id: string;
  member_id: string;
  choice: 'for' | 'against' | 'abstain';
  at: string;
}

/** Tasks of an adopted resolution, read by the task follow-up feature. */
export interface MeetingResolutionTaskTable {
  id: string;
  meeting_id: string;
  org_id: string;
  org_path: string;
  content: string;
  owner: string;
  deadline: string | null;
  position: number;
  created_at: string;
}

export interface MeetingQualityTable {
  id: string;
  meeting_id: string;
  scorer_account_id: string;
  role: 'chair' | 'upper';
  answers: string;
  score: string;
  created_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    meeting_templates: MeetingTemplateTable;
    meetings: MeetingTable;
    meeting_materials: MeetingMaterialTable;
    meeting_drafts: MeetingDraftTable;
    meeting_reads: MeetingReadTable;
    meeting_comments: MeetingCommentTable;
    meeting_attendance: MeetingAttendanceTable;
    meeting_notes: MeetingNoteTable;
    meeting_motions: MeetingMotionTable;
    meeting_ballots: MeetingBallotTable;
    meeting_resolution_tasks: MeetingResolutionTaskTable;
    meeting_quality: MeetingQualityTable;
  }
}
