export interface Assignment {
  id: string;
  orgName: string;
  documentId: string;
  documentTitle: string;
  note: string | null;
  deadline: string;
  paragraphCount: number;
  studied: string[];
  canTrack: boolean;
}

export interface Contest {
  id: string;
  title: string;
  orgName: string;
  documentId: string;
  documentTitle: string;
  startsAt: string;
  endsAt: string;
  questionCount: number;
  timeLimitSeconds: number;
  open: boolean;
  attempt: 'none' | 'running' | 'finished';
  score: number | null;
  canManage: boolean;
  canTake: boolean;
  boards: Array<{ orgId: string; name: string }>;
}

export interface AttemptQuestion {
  id: string;
  kind: 'single' | 'multiple' | 'true_false';
  stem: string;
  options: string[];
  chosen: number[];
  correctOptions?: number[];
  paragraph?: { id: string; text: string };
}

export interface Attempt {
  contestId: string;
  deadlineAt: string;
  remainingSeconds: number;
  finished: boolean;
  score: number | null;
  total: number;
  questions: AttemptQuestion[];
}

export interface BankQuestion {
  id: string;
  kind: 'single' | 'multiple' | 'true_false';
  stem: string;
  options: string[];
  correct: number[];
  paragraphId: string;
  paragraphText: string | null;
  answerInParagraph: boolean | null;
  tags: string[];
  status: string;
  origin: string;
}
