export type MeetingStatus = 'draft' | 'published' | 'live' | 'ended' | 'minutes_approved';

export interface MeetingSummary {
  id: string;
  orgId: string;
  orgName?: string;
  kind: 'regular' | 'themed' | 'regular_and_themed';
  title: string;
  startsAt: string;
  place: string;
  online: boolean;
  status: MeetingStatus;
  version: number;
  startedAt: string | null;
  endedAt: string | null;
  durationMinutes: number | null;
}

export interface Step {
  id: string;
  kind: string;
  title: string;
  description: string;
  optional: boolean;
  state: 'pending' | 'open' | 'closed' | 'skipped';
}

export interface Draft {
  version: number;
  publishedAt: string | null;
  title: string;
  assessment: Array<{ id: string; text: string }>;
  tasks: Array<{ id: string; content: string; owner: string; deadline?: string }>;
}

export interface MeetingDetail extends MeetingSummary {
  orgName: string;
  steps: Step[];
  materials: Array<{ id: string; kind: string; title: string; url: string | null; fileName: string | null }>;
  draft: Draft | null;
  materialsWarning: { code: string; message: string } | null;
  chair: { memberId: string | null; name: string };
  minuteTaker: { memberId: string | null; name: string };
  permissions: { manage: boolean; attend: boolean; minuteTaker: boolean; supervise: boolean };
}

export interface Motion {
  id: string;
  title: string;
  method: 'show_of_hands' | 'app';
  isResolution: boolean;
  status: 'open' | 'closed';
  ballots: number;
  outcome: { for: number; against: number; abstain: number; base: number; passed: boolean } | null;
}

export interface LiveState {
  meetingId: string;
  status: MeetingStatus;
  version: number;
  currentStepId: string | null;
  steps: Array<Step & { openedAt: string | null }>;
  attendance: { present: number; base: number; required: number; quorumMet: boolean; voteBase: number };
  motions: Motion[];
}

export const meetingUrl = (id: string) => `/meetings/${encodeURIComponent(id)}`;
export const apiUrl = (id: string) => `/api/v1/meetings/${encodeURIComponent(id)}`;

/** Date and time in Vietnam, where the branches meet. */
export function when(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);
  const time = new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
  return { date, time };
}
