import type { PetitionStatus } from './domain/petitions.ts';

export interface PetitionTable {
  id: string;
  sender_account_id: string;
  sender_member_id: string;
  sender_org_id: string;
  /** Branch path of the sender when sending: addressing and forwarding stay on it. */
  sender_path: string;
  province_id: string;
  addressed_org_id: string;
  addressed_path: string;
  category: string;
  title: string;
  body: string;
  confidential: number;
  status: PetitionStatus;
  handler_account_id: string | null;
  /** When the current committee received it; its response target counts from here. */
  received_at: string;
  due_at: string;
  answer: string | null;
  answered_at: string | null;
  answered_by: string | null;
  reply: string | null;
  rating: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Every committee a petition has been addressed to; list queries and visibility read this. */
export interface PetitionAddresseeTable {
  petition_id: string;
  org_id: string;
  org_path: string;
  at: string;
}

export interface PetitionEventTable {
  id: string;
  petition_id: string;
  kind: string;
  org_id: string | null;
  note: string | null;
  actor_account_id: string | null;
  at: string;
}

export interface PetitionSettingsTable {
  org_id: string;
  response_days: number;
  updated_at: string;
}

declare module '../../platform/db/schema.ts' {
  interface DB {
    petitions: PetitionTable;
    petition_addressees: PetitionAddresseeTable;
    petition_events: PetitionEventTable;
    petition_settings: PetitionSettingsTable;
  }
}
