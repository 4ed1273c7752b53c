import type { MessageKey } from '../i18n/vi.ts';

export interface PetitionSummary {
  id: string;
  title: string;
  category: string;
  status: string;
  confidential: boolean;
  createdAt: string;
  dueAt: string;
  overdue: boolean;
  answeredAt: string | null;
  addressedOrgId: string;
  addressedOrgName: string;
}

export interface PetitionDetail extends Omit<PetitionSummary, 'answeredAt'> {
  body: string;
  senderName: string;
  mine: boolean;
  canHandle: boolean;
  handlerAccountId: string | null;
  receivedAt: string;
  answer: string | null;
  answeredAt: string | null;
  reply: string | null;
  rating: number | null;
  version: number;
  forwardTargets: Array<{ id: string; name: string }>;
  history: Array<{
    kind: string;
    orgId: string | null;
    orgName: string | null;
    note: string | null;
    at: string;
  }>;
}

export const CATEGORIES = ['cong_tac_dang', 'kinh_te_xa_hoi', 'chinh_sach', 'can_bo', 'khac'] as const;

export const statusKey = (s: string) => `petition.status.${s}` as MessageKey;
export const categoryKey = (c: string) => `petition.cat.${c}` as MessageKey;
export const eventKey = (k: string) => `petition.event.${k}` as MessageKey;
