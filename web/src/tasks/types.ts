import { t, type MessageKey } from '../i18n/i18n.ts';

export interface Task {
  id: string;
  orgId: string;
  orgName: string;
  parentId: string | null;
  title: string;
  description: string;
  ownerName: string;
  deadline: string | null;
  progress: number;
  status: string;
  state: string;
  source: string;
}

export interface TaskDetail extends Task {
  contributors: Array<{ id: string; name: string }>;
  children: Task[];
  updates: TaskUpdate[];
  canUpdate: boolean;
  canManage: boolean;
  maxFileBytes: number;
}

export interface TaskFile {
  id: string;
  fileName: string;
  mime: string;
  size: number;
  url: string;
}

export interface TaskUpdate {
  id: string;
  progress: number;
  note: string;
  createdAt: string;
  authorName: string;
  files: TaskFile[];
  canAttach: boolean;
}

export function stateLabel(state: string): string {
  return t(`tasks.state.${state}` as MessageKey);
}
